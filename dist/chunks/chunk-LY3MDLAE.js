import {
  checkConfigDocument
} from "./chunk-4DDMDBMS.js";
import {
  CPUID_VENDOR_STRINGS,
  NFD_CPU_VENDOR_IDS,
  normaliseCpuFlag,
  normaliseModule
} from "./chunk-QMLOPEXN.js";
import {
  detectKind
} from "./chunk-KNVR5ANA.js";
import {
  checkTemplate
} from "./chunk-JLEFDGDL.js";
import {
  checkSpecDocument,
  nfdSource
} from "./chunk-ZC6TAHSD.js";
import {
  CPUID_FLAGS,
  FEATURE_CATALOG,
  catalogEntry,
  isKnownKey
} from "./chunk-ZBJJTEMS.js";
import {
  closest,
  parseSource,
  positionOf,
  valueAt
} from "./chunk-CC76JYNC.js";
import {
  InputError,
  quote
} from "./chunk-TS22JX7Z.js";

// src/lint/template.ts
function lintVarsTemplate(src, rulePath, rule) {
  const template = rule?.varsTemplate;
  if (typeof template !== "string" || template === "") return [];
  try {
    checkTemplate(template);
    return [];
  } catch (err) {
    return [
      {
        severity: "error",
        message: `varsTemplate: ${err.message}`,
        position: positionOf(src, [...rulePath, "varsTemplate"])
      }
    ];
  }
}

// src/lint/rules.ts
function add(ctx, severity, path, message, hint, key = false) {
  ctx.out.push({ severity, message, position: positionOf(ctx.src, path, { key }), hint });
}
function lintRules(src, rulesPath) {
  const ctx = { src, out: [] };
  const rules = valueAt(src.value, rulesPath);
  if (!Array.isArray(rules)) return ctx.out;
  rules.forEach((rule, i) => {
    if (!rule || typeof rule !== "object") return;
    const rp = [...rulesPath, i];
    const r = rule;
    ctx.out.push(...lintVarsTemplate(src, rp, rule));
    lintTerms(ctx, r.matchFeatures, [...rp, "matchFeatures"]);
    if (Array.isArray(r.matchAny)) {
      r.matchAny.forEach(
        (a, j) => lintTerms(ctx, a?.matchFeatures, [
          ...rp,
          "matchAny",
          j,
          "matchFeatures"
        ])
      );
    }
  });
  return ctx.out;
}
function lintTerms(ctx, terms, path) {
  if (!Array.isArray(terms)) return;
  terms.forEach((t, j) => {
    if (!t || typeof t !== "object") return;
    const term = t;
    const tp = [...path, j];
    if (typeof term.feature !== "string") return;
    const entry = catalogEntry(term.feature);
    if (!entry) {
      const close = closest(term.feature, [...FEATURE_CATALOG.keys()]);
      add(
        ctx,
        "warning",
        [...tp, "feature"],
        `no feature source provides ${quote(term.feature)}: the term never matches`,
        close ? `did you mean ${close}?` : void 0
      );
    }
    if (term.matchExpressions && typeof term.matchExpressions === "object") {
      for (const [key, e] of Object.entries(term.matchExpressions)) {
        lintExpression(ctx, term.feature, key, e, [...tp, "matchExpressions", key]);
      }
    }
    if (term.matchName && typeof term.matchName === "object") {
      lintExpression(ctx, term.feature, void 0, term.matchName, [...tp, "matchName"]);
    }
  });
}
function lintKey(ctx, feature, key, path) {
  const entry = catalogEntry(feature);
  if (!entry) return;
  const name = entry.name;
  if (name === "kernel.loadedmodule" && key.includes("-")) {
    add(
      ctx,
      "warning",
      path,
      `/proc/modules lists module names with underscores: ${quote(key)} never matches`,
      `did you mean ${normaliseModule(key)}?`,
      true
    );
    return;
  }
  if (name === "kernel.enabledmodule" && key.includes("-")) {
    add(
      ctx,
      "warning",
      path,
      `${quote(key)} matches only a builtin module; a loaded one is listed as ${normaliseModule(key)}`,
      `did you mean ${normaliseModule(key)}?`,
      true
    );
    return;
  }
  if (name === "kernel.config" && key.startsWith("CONFIG_")) {
    add(
      ctx,
      "warning",
      path,
      `kernel.config keys have no CONFIG_ prefix: ${quote(key)} never matches`,
      `did you mean ${key.slice(7)}?`,
      true
    );
    return;
  }
  if (name === "cpu.cpuid" && !isKnownKey(entry, key)) {
    const normal = normaliseCpuFlag(key);
    const hint = CPUID_FLAGS.includes(normal) ? normal : closest(key, CPUID_FLAGS);
    add(
      ctx,
      "warning",
      path,
      `${quote(key)} is not a CPU flag NFD reports`,
      hint ? `did you mean ${hint}?` : void 0,
      true
    );
    return;
  }
  if (!isKnownKey(entry, key)) {
    const close = closest(key, entry.keys) ?? entry.keys.find((k) => k.startsWith(key) || key.startsWith(k));
    add(
      ctx,
      "warning",
      path,
      `${name} has no key ${quote(key)}`,
      close ? `did you mean ${close}?` : `known keys: ${entry.keys.join(", ")}`,
      true
    );
  }
}
function lintExpression(ctx, feature, key, raw, path) {
  if (key !== void 0) lintKey(ctx, feature, key, path);
  if (!raw || typeof raw !== "object") return;
  const e = raw;
  const op = typeof e.op === "string" ? e.op : void 0;
  const values = Array.isArray(e.value) ? e.value : [];
  const strings = values.map(String);
  const entry = catalogEntry(feature);
  if (!op) return;
  if (key === void 0 || !entry) return;
  if (entry.name === "kernel.version" && key === "full" && e.type === "version" && ["Gt", "Ge", "Lt", "Le", "GtLt", "GeLe"].includes(op)) {
    add(
      ctx,
      "warning",
      [...path, "type"],
      "RHEL kernels such as 4.18.0-553.el8_10.x86_64 are not versions to NFD: the evaluation fails on them",
      "compare kernel.version.major/minor/revision as integers instead"
    );
  }
  const isFlag = entry.kind === "flag" && !(entry.name === "cpu.cpuid" && key === "AVX10_VERSION");
  if (isFlag && !["Exists", "DoesNotExist"].includes(op)) {
    add(
      ctx,
      "warning",
      [...path, "op"],
      `${entry.name} is a flag feature: flags carry no value, so ${op} never matches`,
      "use op: Exists"
    );
  }
  if (entry.name === "cpu.model" && key === "vendor_id" && ["In", "NotIn"].includes(op)) {
    strings.forEach((s, i) => {
      const nfd = CPUID_VENDOR_STRINGS[s];
      if (nfd)
        add(
          ctx,
          "warning",
          [...path, "value", i],
          `NFD reports vendor_id "${nfd}", never "${s}"`,
          `did you mean ${nfd}?`
        );
      else if (!NFD_CPU_VENDOR_IDS.includes(s)) {
        const close = closest(s, NFD_CPU_VENDOR_IDS);
        add(
          ctx,
          "warning",
          [...path, "value", i],
          `NFD never reports vendor_id "${s}"`,
          close ? `did you mean ${close}?` : void 0
        );
      }
    });
  }
  if (["pci.device", "usb.device"].includes(entry.name) && ["vendor", "device", "class", "subsystem_vendor", "subsystem_device"].includes(key) && ["In", "NotIn"].includes(op)) {
    strings.forEach((s, i) => {
      const vp = [...path, "value", i];
      if (/^0x/i.test(s))
        add(
          ctx,
          "warning",
          vp,
          `NFD strips 0x from PCI ids: "${s}" never matches`,
          `did you mean ${s.slice(2).toLowerCase()}?`
        );
      else if (key === "class" && entry.name === "pci.device" && /^[0-9a-fA-F]{6}$/.test(s)) {
        add(
          ctx,
          "warning",
          vp,
          `NFD reports the PCI class as 4 hex digits: "${s}" never matches`,
          `did you mean ${s.slice(0, 4).toLowerCase()}?`
        );
      } else if (/[A-F]/.test(s) && /^[0-9a-fA-F]+$/.test(s)) {
        add(
          ctx,
          "warning",
          vp,
          `NFD reports PCI ids in lower case: "${s}" never matches`,
          `did you mean ${s.toLowerCase()}?`
        );
      }
    });
  }
}

// src/lint/index.ts
function byPosition(a, b) {
  return (a.position.line ?? 0) - (b.position.line ?? 0) || (a.position.column ?? 0) - (b.position.column ?? 0);
}
function lintConfig(src) {
  const checked = checkConfigDocument(src);
  const out = [...checked.diagnostics];
  const sets = valueAt(src.value, ["compatibilities"]);
  if (checked.config && Array.isArray(sets)) {
    sets.forEach((_, i) => out.push(...lintRules(src, ["compatibilities", i, "rules"])));
  }
  return out;
}
function lintSpec(src) {
  const out = [...checkSpecDocument(src).diagnostics];
  const nfd = nfdSource(src).src;
  const sets = valueAt(nfd.value, ["compatibilities"]);
  if (Array.isArray(sets)) {
    sets.forEach((_, i) => out.push(...lintRules(nfd, ["compatibilities", i, "rules"])));
  }
  return out;
}
function lintSource(text, file) {
  let src;
  try {
    src = parseSource(text, file);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return {
      file,
      diagnostics: [{ severity: "error", message: err.detail, position: err.position, hint: err.hint }]
    };
  }
  const kind = detectKind(src.value);
  if (!kind) {
    return {
      file: src.file,
      diagnostics: [
        {
          severity: "error",
          message: "neither an image-compat config (version: 1) nor an NFD spec (version: v1alpha1)",
          position: positionOf(src, ["version"])
        }
      ]
    };
  }
  const diagnostics = kind === "config" ? lintConfig(src) : lintSpec(src);
  return { file: src.file, kind, diagnostics: diagnostics.sort(byPosition) };
}

export {
  lintSource
};
