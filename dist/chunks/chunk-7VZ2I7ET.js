import { createRequire as __icCreateRequire } from 'node:module';
const require = __icCreateRequire(import.meta.url);
import {
  renderBox
} from "./chunk-QAR2RQ4H.js";
import {
  loadHosts,
  validate
} from "./chunk-KYOVLEYI.js";
import {
  specOfSubject
} from "./chunk-7J2VHVIM.js";
import {
  tableRow,
  text
} from "./chunk-QBVQPRCO.js";
import {
  loadPolicy,
  policyNeeded
} from "./chunk-Y4PLFU5D.js";
import {
  formatReference,
  resolveImage,
  withDigest
} from "./chunk-5POD2GZZ.js";
import {
  canRun,
  describeHost
} from "./chunk-EMVFEL76.js";
import {
  formatPlatform
} from "./chunk-ARJZT3GV.js";
import {
  setting
} from "./chunk-U6BYPZCD.js";
import {
  EvaluationError,
  ExitCode,
  InputError,
  SignatureError
} from "./chunk-TS22JX7Z.js";

// src/select/rank.ts
function eligible(v) {
  return v.platform.ok && (v.requirement.kind === "matched" || v.requirement.kind === "none");
}
var weightOf = (v) => v.requirement.kind === "matched" ? v.requirement.weight : Number.NEGATIVE_INFINITY;
function compareCandidates(a, b) {
  const tier = (v) => v.requirement.kind === "matched" ? 0 : 1;
  return tier(a) - tier(b) || weightOf(b) - weightOf(a) || a.position - b.position;
}
function matchedWords(r) {
  return `${r.set !== void 0 ? `set ${r.set}` : "a set"} matches, weight ${r.weight}`;
}
function ineligibleReason(v) {
  if (!v.platform.ok) return `cannot run here: ${v.platform.reason}`;
  const r = v.requirement;
  if (r.kind === "unmatched") return `not compatible: ${r.reason}`;
  if (r.kind === "refused") return r.cause === "signature" ? `not trusted: ${r.reason}` : r.reason;
  return "not eligible";
}
function winnerReason(v, others) {
  const r = v.requirement;
  const what = r.kind === "matched" ? matchedWords(r) : "fits by its platform (no compatibility artifact), and no candidate with requirements matched";
  return others > 0 ? `chosen: ${what}` : `chosen: ${what}; the only candidate that fits`;
}
function loserReason(v, winner) {
  const r = v.requirement;
  const w = winner.requirement;
  const by = winner.label;
  if (r.kind === "none") {
    if (w.kind === "matched")
      return `fits, but has no compatibility artifact: ranked below ${by}, whose requirements matched`;
    return `fits (no compatibility artifact), but ${by} comes first in the index`;
  }
  if (r.kind !== "matched" || w.kind !== "matched") return `fits, but ${by} ranks first`;
  if (w.weight > r.weight)
    return `fits (${matchedWords(r)}), but ${by} has a higher weight (${w.weight} > ${r.weight})`;
  return `fits (${matchedWords(r)}), but ${by} has the same weight and comes first in the index`;
}
function rankCandidates(verdicts) {
  const order = verdicts.filter(eligible).sort(compareCandidates);
  const winner = order[0];
  const rankOf = new Map(order.map((v, i) => [v.position, i + 1]));
  const candidates = [...verdicts].sort((a, b) => a.position - b.position).map((v) => {
    const rank = rankOf.get(v.position);
    if (rank === void 0)
      return { position: v.position, eligible: false, chosen: false, reason: ineligibleReason(v) };
    const chosen = v === winner;
    return {
      position: v.position,
      eligible: true,
      chosen,
      rank,
      reason: chosen ? winnerReason(v, order.length - 1) : loserReason(v, winner)
    };
  });
  return { candidates, ...winner && { chosen: winner.position } };
}
function noFitCause(verdicts) {
  const refused = verdicts.flatMap(
    (v) => v.platform.ok && v.requirement.kind === "refused" ? [v.requirement.cause] : []
  );
  if (refused.includes("signature")) return "signature";
  if (refused.includes("evaluation")) return "evaluation";
  return "none";
}

// src/commands/select.ts
function refusalOf(err) {
  if (err instanceof SignatureError) return { cause: "signature", reason: err.message };
  if (err instanceof InputError || err instanceof EvaluationError)
    return { cause: "evaluation", reason: `its compatibility spec cannot be evaluated: ${err.message}` };
  return void 0;
}
async function judge(opts, policy, hosts, log) {
  const { reference, repo, subjects } = await resolveImage(opts.image, { ...opts, all: true });
  const judged = [];
  for (const [position, resolved] of subjects.entries()) {
    const digest = resolved.descriptor.digest;
    const base = {
      position,
      reference: formatReference(withDigest(reference, digest)),
      digest,
      platform: resolved.platform ? formatPlatform(resolved.platform) : null,
      annotations: resolved.annotations ?? {}
    };
    let got;
    try {
      got = await specOfSubject(repo, reference, resolved, {
        ...policy && { policy },
        requireSignature: opts.requireSignature,
        strict: opts.strict ?? false
      });
    } catch (err) {
      const refused = refusalOf(err);
      if (!refused) throw err;
      judged.push({ candidate: { ...base, artifact: null, refused }, resolved });
      continue;
    }
    if (!got) {
      const refused = opts.requireSignature ? { cause: "signature", reason: "no compatibility artifact, and a signature is required" } : void 0;
      judged.push({ candidate: { ...base, artifact: null, ...refused && { refused } }, resolved });
      continue;
    }
    for (const w of got.warnings) log.warn(`${base.reference}: ${w}`);
    const artifact = { digest: got.artifact, attachedTo: got.attachedTo, signed: got.signature.ok };
    try {
      const result = validate({ spec: got.spec, hosts });
      judged.push({ candidate: { ...base, artifact }, resolved, result });
    } catch (err) {
      const refused = refusalOf(err);
      if (!refused) throw err;
      judged.push({ candidate: { ...base, artifact, refused }, resolved });
    }
  }
  return judged;
}
function requirementOf(result, verdict) {
  if (verdict.matchingSets.length === 0) {
    const failing = verdict.results.map((r) => {
      const rule = r.rules.find((x) => !x.isMatch);
      return `${r.tag ?? "a set"}${rule ? ` (rule ${rule.name})` : ""}`;
    });
    return {
      kind: "unmatched",
      reason: failing.length ? `no set matches: ${failing.join(", ")}` : "the spec has no set"
    };
  }
  let best;
  for (const i of verdict.matchingSets) {
    const set = result.sets[i];
    const weight = set?.weight ?? 0;
    if (!best || weight > best.weight) best = { weight, ...set?.tag !== void 0 && { set: set.tag } };
  }
  return { kind: "matched", ...best };
}
function verdictOf(j, hostIndex, platform) {
  const { candidate, resolved, result } = j;
  const label = `#${candidate.position + 1} ${candidate.platform ?? "?"}`;
  const run = resolved.platform ? canRun(platform, resolved.platform) : { ok: true };
  let requirement;
  if (candidate.refused) requirement = { kind: "refused", ...candidate.refused };
  else if (!result) requirement = { kind: "none" };
  else requirement = requirementOf(result, result.hosts[hostIndex]);
  return { position: candidate.position, label, platform: run, requirement };
}
async function select(opts, log) {
  if (opts.features !== void 0 && opts.hostRoot !== void 0)
    throw new InputError(`give ${setting("features")} or ${setting("host-root")}, not both`);
  const policy = await loadPolicy(opts.policy, (m) => log.note(m));
  if (opts.requireSignature && !policy) throw policyNeeded(setting("require-signature"));
  const loaded = await loadHosts(
    {
      ...opts.features !== void 0 && { features: opts.features },
      ...opts.hostRoot !== void 0 && { hostRoot: opts.hostRoot }
    },
    log
  );
  const judged = await judge(opts, policy, loaded.hosts, log);
  const hosts = loaded.hosts.map((host, i) => {
    const platform = loaded.platformOf(host);
    const name = host.name ? `host ${host.name}` : "the host";
    if (!platform) {
      const reason = `cannot tell ${name}'s architecture (no kubernetes.io/arch label, no cpu flags)`;
      return {
        node: host.name,
        platform: null,
        chosen: null,
        ranking: judged.map((j) => ({
          position: j.candidate.position,
          eligible: false,
          chosen: false,
          reason
        })),
        noFit: "unknown-platform"
      };
    }
    if (platform.source === "cpu flags" && loaded.hosts.length === 1)
      log.note(
        `${name} does not say its architecture: ${formatPlatform(platform)} inferred from its cpu flags`
      );
    const verdicts = judged.map((j) => verdictOf(j, i, platform));
    const ranking = rankCandidates(verdicts);
    const winner = ranking.chosen !== void 0 ? judged[ranking.chosen].candidate.reference : null;
    return {
      node: host.name,
      platform: describeHost(platform),
      chosen: winner,
      ranking: ranking.candidates,
      ...winner === null && { noFit: noFitCause(verdicts) }
    };
  });
  return {
    image: opts.image,
    candidates: judged.map((j) => j.candidate),
    hosts,
    cluster: loaded.hosts.length > 1
  };
}
function selectExitCode(result) {
  const causes = new Set(result.hosts.map((h) => h.noFit).filter((c) => c !== void 0));
  if (causes.size === 0) return ExitCode.ok;
  if (causes.has("unknown-platform")) return ExitCode.input;
  if (causes.has("signature")) return ExitCode.signature;
  if (causes.has("evaluation")) return ExitCode.input;
  return ExitCode.incompatible;
}

// src/report/select.ts
var short = (digest) => digest.replace(/^(sha256:[0-9a-f]{12})[0-9a-f]+$/, "$1\u2026");
function artifactCell(c) {
  if (!c.artifact) return "none";
  return `${c.artifact.attachedTo}${c.artifact.signed ? ", signed" : ""}`;
}
function hostTitle(result, host) {
  const who = host.node ? `node ${host.node}` : "this host";
  return `${result.image} for ${who}${host.platform ? ` (${host.platform})` : ""}`;
}
function servedCounts(result) {
  return result.candidates.map(
    (c) => result.hosts.filter((h) => h.ranking.some((r) => r.position === c.position && r.chosen)).length
  );
}
function renderHostTable(result, host) {
  const rows = result.candidates.map((c, i) => {
    const r = host.ranking[i];
    return [
      r.chosen ? "\u2192" : "",
      String(c.position + 1),
      c.platform ?? "?",
      short(c.digest),
      artifactCell(c),
      r.reason
    ];
  });
  return renderBox({
    title: hostTitle(result, host),
    header: ["", "#", "PLATFORM", "DIGEST", "ARTIFACT", "WHY"],
    groups: [rows]
  });
}
function unservedLines(result) {
  return result.hosts.filter((h) => h.chosen === null).map((h) => {
    const why = h.noFit === "unknown-platform" ? h.ranking[0]?.reason ?? "its architecture cannot be told" : h.ranking.map((r) => `#${r.position + 1}: ${r.reason}`).join("; ");
    return `node ${h.node || "?"}: no candidate fits (${why})`;
  });
}
function renderClusterTable(result) {
  const served = servedCounts(result);
  const rows = result.candidates.map((c, i) => [
    String(c.position + 1),
    c.platform ?? "?",
    short(c.digest),
    artifactCell(c),
    String(served[i])
  ]);
  const table = renderBox({
    title: `${result.image}: ${result.hosts.length} nodes`,
    header: ["#", "PLATFORM", "DIGEST", "ARTIFACT", "NODES"],
    groups: [rows]
  });
  const lines = unservedLines(result);
  return lines.length ? `${table}${lines.join("\n")}
` : table;
}
function candidateJson(result, host) {
  return result.candidates.map((c, i) => ({ ...c, ...withoutPosition(host.ranking[i]) }));
}
function withoutPosition(r) {
  const { position: _p, ...rest } = r;
  return rest;
}
function selectJson(result) {
  if (!result.cluster) {
    const host = result.hosts[0];
    const value2 = {
      chosen: host.chosen,
      host: { node: host.node, platform: host.platform },
      candidates: candidateJson(result, host)
    };
    return `${JSON.stringify(value2, null, 2)}
`;
  }
  const served = servedCounts(result);
  const value = {
    chosen: Object.fromEntries(result.hosts.map((h) => [h.node, h.chosen])),
    candidates: result.candidates.map((c, i) => ({ ...c, nodes: served[i] })),
    nodes: result.hosts.map((h) => ({
      node: h.node,
      platform: h.platform,
      chosen: h.chosen,
      ...h.noFit && { noFit: h.noFit },
      ranking: h.ranking
    }))
  };
  return `${JSON.stringify(value, null, 2)}
`;
}
function selectMarkdown(result) {
  const host = result.hosts[0];
  const out = ["## image-compat select", ""];
  out.push(
    host.chosen ? `Chosen for ${text(hostTitle(result, host))}: \`${text(host.chosen)}\`` : `No candidate of ${text(result.image)} fits ${text(host.node || "this host")}.`,
    "",
    tableRow(["", "#", "Platform", "Digest", "Artifact", "Why"]),
    tableRow(["---", "---", "---", "---", "---", "---"])
  );
  result.candidates.forEach((c, i) => {
    const r = host.ranking[i];
    out.push(
      tableRow([
        r.chosen ? "\u2705" : r.eligible ? "" : "\u274C",
        String(c.position + 1),
        text(c.platform ?? "?"),
        `\`${short(c.digest)}\``,
        text(artifactCell(c)),
        text(r.reason)
      ])
    );
  });
  return `${out.join("\n")}
`;
}

export {
  select,
  selectExitCode,
  renderHostTable,
  renderClusterTable,
  selectJson,
  selectMarkdown
};
