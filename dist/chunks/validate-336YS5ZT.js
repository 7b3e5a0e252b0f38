import { createRequire as __icCreateRequire } from 'node:module';
const require = __icCreateRequire(import.meta.url);
import {
  POLICY_OPTIONS,
  policyRequestOf
} from "./chunk-PAO2NHPY.js";
import {
  InvalidValueError
} from "./chunk-ZK36K3TG.js";
import {
  REGISTRY_HELP,
  REGISTRY_OPTIONS,
  registryOptionsFrom
} from "./chunk-4XOXONEX.js";
import {
  outputReport,
  outputResults
} from "./chunk-D4K43G3L.js";
import {
  writeOutput
} from "./chunk-KJS7FU2L.js";
import {
  makeStyle,
  renderBox
} from "./chunk-QAR2RQ4H.js";
import {
  failureReport,
  runValidation
} from "./chunk-KYOVLEYI.js";
import "./chunk-7J2VHVIM.js";
import "./chunk-G3FNBI2S.js";
import "./chunk-T3PCSXR4.js";
import "./chunk-HIZ7TLNX.js";
import "./chunk-Y4PLFU5D.js";
import "./chunk-VHXEUIKY.js";
import "./chunk-KNVR5ANA.js";
import "./chunk-JLEFDGDL.js";
import "./chunk-ZC6TAHSD.js";
import "./chunk-CETXEPAT.js";
import "./chunk-EMVFEL76.js";
import "./chunk-Y6GGFIRV.js";
import "./chunk-GTYZII3F.js";
import "./chunk-ARJZT3GV.js";
import "./chunk-LNR5OBVR.js";
import "./chunk-ZBJJTEMS.js";
import "./chunk-6K2UG3UQ.js";
import "./chunk-3OLLROG6.js";
import "./chunk-CC76JYNC.js";
import "./chunk-CEMVL7P3.js";
import "./chunk-4PFJNI3I.js";
import "./chunk-LOFLUJHY.js";
import {
  describeUnreadable,
  unreadableOf,
  unreadableText,
  unreadableUsed
} from "./chunk-QG2XQ7B5.js";
import "./chunk-THTKVCSJ.js";
import {
  neutraliseText
} from "./chunk-SYP4RMMF.js";
import "./chunk-MGVSXMIB.js";
import "./chunk-U6BYPZCD.js";
import {
  ExitCode,
  InputError
} from "./chunk-TS22JX7Z.js";
import "./chunk-R5CBN7CG.js";

// src/report/json.ts
var LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
function goJson(value) {
  const text = JSON.stringify(
    value,
    (_k, v) => typeof v === "string" ? v.replace(LONE_SURROGATE, "\uFFFD") : v
  );
  return text.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
function nfdStatus(r) {
  return { ...r, rules: r.rules.length ? r.rules : null };
}
function hostResults(h, opts) {
  return outputResults(h.results, { ...opts, unavailable: h.unavailable }).map(nfdStatus);
}
function validateJson(result, opts = {}) {
  if (result.hosts.length === 1) return `${goJson(hostResults(result.hosts[0], opts))}
`;
  const nodes = result.hosts.map((h) => ({
    node: h.node,
    compatible: h.compatible,
    results: hostResults(h, opts)
  }));
  return `${goJson(nodes)}
`;
}

// src/report/table.ts
var MAX_VALUES = 4;
function expressionText(e) {
  const value = e.value?.length ? `, value: [${e.value.map((v) => JSON.stringify(v)).join(" ")}]` : "";
  const type = e.type ? `, type: ${JSON.stringify(e.type)}` : "";
  return `{op: ${JSON.stringify(e.op)}${value}${type}}`;
}
function expectation(e) {
  const v = e.value ?? [];
  const list = v.join(", ");
  switch (e.op) {
    case "In":
      return v.length === 1 ? v[0] : `one of ${list}`;
    case "NotIn":
      return `none of ${list}`;
    case "InRegexp":
      return v.length === 1 ? `matching /${v[0]}/` : `matching one of ${v.map((p) => `/${p}/`).join(", ")}`;
    case "Exists":
      return "present";
    case "DoesNotExist":
      return "absent";
    case "Gt":
      return `> ${v[0]}`;
    case "Ge":
      return `>= ${v[0]}`;
    case "Lt":
      return `< ${v[0]}`;
    case "Le":
      return `<= ${v[0]}`;
    case "GtLt":
      return `> ${v[0]} and < ${v[1]}`;
    case "GeLe":
      return `>= ${v[0]} and <= ${v[1]}`;
    case "IsTrue":
      return "true";
    case "IsFalse":
      return "false";
  }
  return e.op;
}
function hostHas(values, unreadable, all) {
  if (values.length === 0 && unreadable) return unreadableText(unreadable);
  if (values.length === 0) return "host has none";
  const max = all ? values.length : MAX_VALUES;
  const shown = values.slice(0, max).join(", ");
  return `host has ${shown}${values.length > max ? ` (+${values.length - max} more)` : ""}`;
}
function hostText(m, unavailable, opts = {}) {
  const what = m.matcherType === "matchName" ? `a name ${expectation(m.expression)}` : expectation(m.expression);
  const has = hostHas(m.hostValues, unreadableOf(m, unavailable), opts.allHostValues ?? false);
  return m.isMatch ? has : `expected ${what}, ${has}`;
}
function setHeading(set, n, s) {
  let head = s.heading(`COMPATIBILITY SET #${n} `) + s.heading(`Weight: ${set.weight ?? 0}`);
  if (set.tag) head += s.heading(`; Tag: ${set.tag}`);
  return `${head}
Description: ${set.description ?? ""}
`;
}
function ruleTable(rule, s, unavailable, opts) {
  const status = rule.isMatch ? s.ok("OK") : s.fail("FAIL");
  const rows = (list) => (list ?? []).map((m) => [
    m.name ? `${m.feature}.${m.name}` : m.feature,
    expressionText(m.expression),
    m.matcherType,
    m.isMatch ? s.ok("OK") : s.fail("FAIL"),
    hostText(m, unavailable, opts)
  ]);
  const groups = [
    rows(rule.matchedExpressions),
    ...(rule.matchedAny ?? []).map((a) => rows(a.matchedExpressions))
  ].filter((g) => g.length > 0);
  let n = 0;
  const numbered = groups.map((g) => g.map((r) => [String(++n), ...r]));
  return renderBox({
    title: `RULE: ${rule.name.toUpperCase()} - ${status}`,
    header: ["", "Feature", "Expression", "Matcher Type", "Status", "Host"],
    groups: numbered.length ? numbered : [[]]
  });
}
function renderHostTable(result, host, opts) {
  const s = makeStyle(opts.color);
  const out = [];
  result.sets.forEach((set, i) => {
    const r = host.results[i];
    out.push(
      setHeading(set, set.index + 1, s) + r.rules.map((rule) => ruleTable(rule, s, host.unavailable, opts)).join("")
    );
  });
  const label = host.node ? `${host.node}: ` : "";
  const sets = host.matchingSets.map((i) => setName(result.sets[i])).join(", ");
  out.push(
    host.refusal !== void 0 ? `${label}${s.fail("INCOMPATIBLE")}: ${host.refusal}
` : host.compatible ? `${label}${s.ok("COMPATIBLE")}: ${sets} ${host.matchingSets.length > 1 ? "match" : "matches"}
` : `${label}${s.fail("INCOMPATIBLE")}: no compatibility set has all its rules matching
`
  );
  const unreadable = unreadableUsed(host.results, host.unavailable);
  if (unreadable.length) {
    out.push(
      `${label}failed expressions could not be checked, their source could not be read: ${describeUnreadable(unreadable)}; the host may have what they ask for
`
    );
  }
  return out.join("\n");
}
function setName(set) {
  return set.tag ? `#${set.index + 1} (${set.tag})` : `#${set.index + 1}`;
}
function whyNot(result, host, opts) {
  if (host.refusal !== void 0) return host.refusal;
  return host.results.map((r, i) => {
    const rule = r.rules.find((x) => !x.isMatch);
    if (!rule) return void 0;
    const all = [
      ...rule.matchedExpressions ?? [],
      ...(rule.matchedAny ?? []).flatMap((a) => a.matchedExpressions ?? [])
    ];
    const m = all.find((x) => !x.isMatch);
    const detail = m ? `: ${m.name ? `${m.feature}.${m.name}` : m.feature} ${hostText(m, host.unavailable, opts)}` : "";
    return `${setName(result.sets[i])} rule "${rule.name}"${detail}`;
  }).filter((x) => x !== void 0).join("; ");
}
function renderNodesTable(result, opts) {
  const s = makeStyle(opts.color);
  const rows = result.hosts.map((h) => [
    h.node || "(host)",
    h.compatible ? s.ok("compatible") : s.fail("incompatible"),
    h.matchingSets.map((i) => setName(result.sets[i])).join(", ") || "-",
    h.compatible ? "" : whyNot(result, h, opts)
  ]);
  const table = renderBox({ header: ["Node", "Verdict", "Matching sets", "Why not"], groups: [rows] });
  const n = result.compatibleCount;
  const total = result.hosts.length;
  const summary = `${n} of ${total} ${total === 1 ? "node" : "nodes"} can run the image`;
  const unreadable = result.hosts.flatMap((h) => {
    const used = unreadableUsed(h.results, h.unavailable);
    return used.length ? [`${h.node || "(host)"}: could not read ${describeUnreadable(used)}
`] : [];
  });
  const note = unreadable.length ? `failed expressions could not be checked on ${unreadable.length} ${unreadable.length === 1 ? "node" : "nodes"}, their source could not be read:
${unreadable.join("")}` : "";
  return `${table}${n === total ? s.ok(summary) : s.fail(summary)}
${note}`;
}
function renderValidateTable(result, opts) {
  return neutraliseText(
    result.hosts.length === 1 ? renderHostTable(result, result.hosts[0], opts) : renderNodesTable(result, opts)
  );
}

// src/cli/validate.ts
function parseTags(value) {
  const tags = value.split(",").map((t) => t.trim()).filter((t) => t !== "");
  if (tags.length === 0) throw new InvalidValueError("expected one or more comma-separated tags");
  return tags;
}
function useColor(stream = process.stdout) {
  return Boolean(stream.isTTY) && !process.env.NO_COLOR;
}
function warn(message) {
  process.stderr.write(`image-compat: warning: ${message}
`);
}
async function writeJson(file, value, flag) {
  await writeOutput(file, `${JSON.stringify(value, null, 2)}
`, { what: flag });
}
function oneHostFlags(flags) {
  return [
    ...flags.report !== void 0 ? ["report"] : [],
    ...flags.saveFeatures !== void 0 ? ["save-features"] : [],
    ...flags.attest ? ["attest"] : []
  ];
}
async function requestOf(flags) {
  return {
    ...flags.spec !== void 0 && { spec: flags.spec },
    ...flags.config !== void 0 && { config: flags.config },
    ...flags.image !== void 0 && { image: flags.image },
    ...flags.platform !== void 0 && { platform: flags.platform },
    ...flags.manifest !== void 0 && { manifest: flags.manifest },
    ...flags.features !== void 0 && { features: flags.features },
    ...flags.hostRoot !== void 0 && { hostRoot: flags.hostRoot },
    ...flags.tags && { tags: flags.tags },
    ...flags.compatibility !== void 0 && { compatibility: flags.compatibility },
    policy: policyRequestOf(flags),
    requireSignature: flags.requireSignature,
    strict: flags.strict,
    ...flags.matrixId !== void 0 && { matrixId: flags.matrixId },
    ...process.env.RUNNER_NAME && { runner: process.env.RUNNER_NAME },
    oneHost: oneHostFlags(flags),
    ...await registryOptionsFrom(flags)
  };
}
async function attestSigning(flags) {
  if (flags.image === void 0)
    throw new InputError("--attest needs --image REF (the record attaches to it)");
  const { oidcAvailable, resolveSigning } = await import("./signing-72QYMNVR.js");
  if (flags.attestKey === void 0 && !oidcAvailable(process.env)) {
    throw new InputError(
      "--attest needs --attest-key FILE (a private key) or, in GitHub Actions, keyless signing (`permissions: id-token: write`)"
    );
  }
  return resolveSigning(flags.attestKey !== void 0 ? { keyFile: flags.attestKey } : {}, process.env);
}
var validateCommand = {
  name: "validate",
  summary: "evaluate an image compatibility spec against this host or host features, as node-feature-discovery does",
  description: "Evaluate an image compatibility spec (a file, or the newest compatibility artifact of an image) against this host's features (or a snapshot) with the verdicts of node-feature-discovery. Exit 0: compatible (one host: a set has all its rules matching; several nodes: every node), 1: incompatible, 2: bad input or evaluation error, 3: registry error or no compatibility artifact, 4: signature policy failure or tampering.",
  options: [
    { flags: "--spec <file>", description: "image compatibility spec (YAML or JSON)" },
    {
      flags: "--config <file>",
      description: "an image-compat config, compiled for the host's platform (or --platform) and evaluated as --spec"
    },
    {
      flags: "--image <ref>",
      description: "an image whose newest compatibility artifact to evaluate (instead of --spec)"
    },
    {
      flags: "--platform <os/arch[/variant]>",
      description: "with --image: the platform of an index to read (os and arch exact, variant when given; default: the first entry this host can run). A platform this host cannot run is incompatible"
    },
    {
      flags: "--manifest <digest>",
      description: "with --image: the index's manifest to read, by digest (a plan entry's `manifest`: several manifests may share a platform)"
    },
    {
      flags: "--features <file>",
      description: "host features: an NFD Features object, a NodeFeature, a NodeFeatureList or a List of NodeFeatures (JSON or YAML); - reads standard input. Default: this host's features"
    },
    {
      flags: "--host-root <dir>",
      description: "collect the host mounted at DIR (DIR/proc, DIR/sys, DIR/etc, ...) instead of this machine; also IMAGE_COMPAT_HOST_ROOT"
    },
    {
      flags: "--tags <tags>",
      description: "evaluate only the compatibility sets with these tags (comma-separated)",
      parse: parseTags
    },
    {
      flags: "--compatibility <name>",
      description: "evaluate only the compatibility set with this tag (a plan matrix entry's name)"
    },
    {
      flags: "--output <format>",
      description: "output format",
      choices: ["table", "json"],
      default: "table"
    },
    {
      flags: "--report <file>",
      description: "write the validation report (JSON) to FILE (one host only); written also when no verdict is reached (with `error`)"
    },
    {
      flags: "--matrix-id <id>",
      description: "the plan matrix entry's id, carried by the report (`report --matrix` reconciles by it)"
    },
    {
      flags: "--save-features <file>",
      description: "write this host's features as a NodeFeature (JSON) to FILE"
    },
    {
      flags: "--all-host-values",
      description: "every host value of an expression in the table, the JSON and the report (default: the JSON and the report keep the first 16 and the total, `hostValuesTotal`; the table shows 4)",
      default: false
    },
    {
      flags: "--require-signature",
      description: "with --image: evaluate the newest artifact whose signature passes the policy",
      default: false
    },
    {
      flags: "--attest",
      description: "with --image, one host: attach a signed validation record to the platform manifest validated (docs/validations.md); keyless in GitHub Actions, or --attest-key",
      default: false
    },
    {
      flags: "--attest-key <file>",
      description: "the private key (PEM, as `attach --sign --key` takes; COSIGN_PASSWORD for cosign keys) that signs the validation record"
    },
    {
      flags: "--attest-hostname",
      description: "record the host's name in the validation record (off: a salted machine id only)",
      default: false
    },
    {
      flags: "--runner-labels <labels>",
      description: "the runner's labels for the validation record: a JSON array (`${{ toJSON(matrix.runs-on) }}`) or comma-separated"
    },
    {
      flags: "--strict",
      description: "refuse a spec with findings NFD only meets while evaluating (lint's errors: an empty op, a broken expression, type on In); without it they are warnings and the spec is evaluated as NFD does",
      default: false
    },
    ...POLICY_OPTIONS,
    ...REGISTRY_OPTIONS
  ],
  after: [
    REGISTRY_HELP,
    "",
    "Examples:",
    "  image-compat validate --spec examples/specs/gpu.yaml --features examples/hosts/h100-server.json",
    "  image-compat validate --spec spec.yaml                       # this host",
    "  image-compat validate --image ghcr.io/acme/app:1.0 --require-signature --key cosign.pub",
    "  image-compat validate --image ghcr.io/acme/app:1.0 --compatibility h100 --attest --attest-key ci.key",
    "  kubectl get nodefeatures -A -o json | image-compat validate --spec spec.yaml --features - --output json",
    ""
  ].join("\n"),
  action: async (flags) => {
    const req = await requestOf(flags);
    const attest = flags.attest ? await attestSigning(flags) : void 0;
    const progress = {};
    const log = {
      note: (m) => process.stderr.write(`image-compat: note: ${m}
`),
      warn
    };
    let run;
    try {
      run = await runValidation(req, log, progress);
    } catch (err) {
      if (flags.report !== void 0)
        await writeJson(flags.report, failureReport(err, req, progress), "--report");
      throw err;
    }
    const { result } = run;
    const values = { allHostValues: flags.allHostValues };
    process.stdout.write(
      flags.output === "json" ? validateJson(result, values) : renderValidateTable(result, { color: useColor(), ...values })
    );
    if (attest) {
      const { attestValidation, parseRunnerLabels } = await import("./attest-U2LYVWLZ.js");
      const record = await attestValidation(run, {
        image: flags.image,
        sign: attest,
        fromMachine: flags.features === void 0,
        ...flags.hostRoot !== void 0 && { hostRoot: flags.hostRoot },
        hostname: flags.attestHostname,
        ...process.env.RUNNER_NAME && { runnerName: process.env.RUNNER_NAME },
        ...flags.runnerLabels !== void 0 && {
          runnerLabels: parseRunnerLabels(flags.runnerLabels)
        },
        ...flags.matrixId !== void 0 && { matrixId: flags.matrixId },
        ...await registryOptionsFrom(flags)
      });
      process.stderr.write(
        `image-compat: attached validation record ${record.record} to ${record.subject}
`
      );
      if (run.report) run.report.attestation = record.digest;
    }
    if (flags.report !== void 0 && run.report)
      await writeJson(flags.report, outputReport(run.report, values), "--report");
    if (flags.saveFeatures !== void 0)
      await writeJson(flags.saveFeatures, run.nodeFeature, "--save-features");
    process.exitCode = result.compatible ? ExitCode.ok : ExitCode.incompatible;
  }
};
export {
  useColor,
  validateCommand
};
