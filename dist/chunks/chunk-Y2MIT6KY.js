import { createRequire as __icCreateRequire } from 'node:module';
const require = __icCreateRequire(import.meta.url);
import {
  writeFleetFolder
} from "./chunk-VZIEYRV5.js";
import {
  validationReportSchema
} from "./chunk-FNFXL7B6.js";
import {
  require_ajv
} from "./chunk-YP5NZXMW.js";
import {
  scrubbedNodeFeature
} from "./chunk-DR4D7WGV.js";
import {
  makeFolder
} from "./chunk-KJS7FU2L.js";
import {
  expected,
  hostHas,
  keyOf,
  list,
  tableRow,
  text
} from "./chunk-QBVQPRCO.js";
import {
  cpuLine,
  gpuLine,
  nicLine,
  rdmaLine,
  summarizeHardware
} from "./chunk-HIZ7TLNX.js";
import {
  parseFeaturesDocument
} from "./chunk-6K2UG3UQ.js";
import {
  parseSource,
  positionOf,
  schemaDiagnostics,
  throwFirstError
} from "./chunk-CC76JYNC.js";
import {
  fsErrorDetail,
  readText
} from "./chunk-LOFLUJHY.js";
import {
  columnOf,
  describe,
  mergeReports
} from "./chunk-PIRTYTCX.js";
import {
  describeUnreadable,
  unreadableText
} from "./chunk-QG2XQ7B5.js";
import {
  neutraliseText
} from "./chunk-SYP4RMMF.js";
import {
  ExitCode,
  InputError,
  LIMITS
} from "./chunk-TS22JX7Z.js";
import {
  __toESM
} from "./chunk-R5CBN7CG.js";

// src/commands/report.ts
import path2 from "node:path";

// src/check/matrix-fleet.ts
import { createHash } from "node:crypto";
function folderOf(file) {
  const at = file.lastIndexOf("/");
  return at < 0 ? "" : file.slice(0, at);
}
function besideReports(reports) {
  const folders = new Set(reports.map((r) => folderOf(r.file)));
  return (file) => folders.has(folderOf(file));
}
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).sort(
      ([a], [b]) => a < b ? -1 : a > b ? 1 : 0
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}
var JOB_ORDER = new Intl.Collator("en", { numeric: true });
var byJob = (a, b) => JOB_ORDER.compare(a.file, b.file) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
function hostKey(nf) {
  return createHash("sha256").update(canonical({ features: nf.spec.features, annotations: nf.metadata.annotations ?? {} })).digest("hex");
}
function matrixFleet(reports, snapshots) {
  const columns = /* @__PURE__ */ new Map();
  for (const { file, report: report2 } of reports) {
    const folder = folderOf(file);
    columns.set(folder, (columns.get(folder) ?? /* @__PURE__ */ new Set()).add(columnOf(report2)));
  }
  const seen = /* @__PURE__ */ new Set();
  const names = /* @__PURE__ */ new Set();
  const hosts = [];
  const snapshotFolders = /* @__PURE__ */ new Set();
  for (const snapshot of [...snapshots].sort(byJob)) {
    const folder = folderOf(snapshot.file);
    const cols = columns.get(folder);
    if (!cols) continue;
    snapshotFolders.add(folder);
    const column = cols.size === 1 && snapshot.hosts.length === 1 ? [...cols][0] : void 0;
    for (const host of snapshot.hosts) {
      const base = column || host.name || "host";
      const nf = scrubbedNodeFeature(host.features, base, host.unavailable ?? []);
      const key = hostKey(nf);
      if (seen.has(key)) continue;
      seen.add(key);
      let name = base;
      for (let i = 2; names.has(name); i++) name = `${base}-${i}`;
      names.add(name);
      hosts.push({ ...nf, metadata: { ...nf.metadata, name } });
    }
  }
  const withoutSnapshot = reports.filter((r) => !snapshotFolders.has(folderOf(r.file))).map((r) => r.file);
  return { hosts, withoutSnapshot };
}

// src/report/folder.ts
import { readdir, stat } from "node:fs/promises";
import path from "node:path";

// src/report/parse.ts
var import_ajv = __toESM(require_ajv(), 1);
var validator;
function validate(value) {
  validator ??= new import_ajv.Ajv({ allErrors: true, strict: false }).compile(validationReportSchema);
  validator(value);
  return validator;
}
function looksLikeReport(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value) && "results" in value;
}
function parseReport(text2, file) {
  const src = parseSource(text2, file);
  if (!looksLikeReport(src.value)) return void 0;
  const v = validate(src.value);
  if (v.errors?.length) throwFirstError(schemaDiagnostics(src, v.errors));
  return src.value;
}
function parsePlannedRuns(text2, file) {
  const src = parseSource(text2, file);
  const value = src.value;
  const wrapped = value !== null && typeof value === "object" && !Array.isArray(value) && "include" in value;
  const entries = wrapped ? value.include : value;
  const base = wrapped ? ["include"] : [];
  if (!Array.isArray(entries)) {
    throw new InputError("expected the plan matrix: a JSON array of include entries", positionOf(src, base));
  }
  entries.forEach((entry, i) => {
    if (entry === null || typeof entry !== "object" || Array.isArray(entry)) {
      throw new InputError("expected a matrix entry (a mapping)", positionOf(src, [...base, i]));
    }
    const set = entry.name;
    if (set !== void 0 && typeof set !== "string") {
      throw new InputError(
        "expected the set's name (its tag), a string",
        positionOf(src, [...base, i, "name"])
      );
    }
  });
  return entries;
}

// src/report/folder.ts
var MAX_REPORT_FILES = 1e4;
var JOB_FOLDER = /^image-compat-report-(\d+)$/;
async function scanReportFolder(dir) {
  const names = await jsonFilesUnder(dir);
  const out = [];
  for (const name of names) out.push(await classify(dir, name));
  return out;
}
async function classify(dir, name) {
  const file = path.join(dir, name);
  const top = name.split("/")[0];
  const job = name.includes("/") && JOB_FOLDER.test(top) ? Number(JOB_FOLDER.exec(top)[1]) : void 0;
  const invalid = (error) => ({
    kind: "invalid",
    file: name,
    error,
    ...job !== void 0 && { job }
  });
  let text2;
  try {
    text2 = await readText(file, { maxBytes: LIMITS.features });
  } catch (err) {
    if (err instanceof InputError) return invalid(err);
    throw err;
  }
  if (text2.trim() === "") return invalid(new InputError("empty file: not a validation report", { file }));
  const shape = snapshotShape(text2);
  if (shape) return { kind: "snapshot", file: name, shape };
  try {
    const report2 = parseReport(text2, file);
    if (report2) return { kind: "report", file: name, report: report2 };
    return invalid(
      new InputError('not a validation report (no "results") nor a host snapshot (NodeFeature)', { file })
    );
  } catch (err) {
    if (err instanceof InputError) return invalid(err);
    throw err;
  }
}
function snapshotShape(text2) {
  let value;
  try {
    value = JSON.parse(text2);
  } catch {
    return void 0;
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) return void 0;
  const obj = value;
  if (obj.kind === "NodeFeature" || obj.kind === "NodeFeatureList" || obj.kind === "List") return obj.kind;
  const keys = Object.keys(obj);
  const features = keys.length > 0 && keys.every((k) => k === "flags" || k === "attributes" || k === "instances");
  return features ? "Features" : void 0;
}
async function jsonFilesUnder(dir) {
  let info;
  try {
    info = await stat(dir);
  } catch (err) {
    if (err.code === "ENOENT")
      throw new InputError("no such folder", { file: dir });
    throw new InputError(`cannot read the reports folder: ${fsErrorDetail(err)}`, { file: dir });
  }
  if (!info.isDirectory()) throw new InputError("not a folder", { file: dir });
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (err) {
    throw new InputError(`cannot read the reports folder: ${fsErrorDetail(err)}`, { file: dir });
  }
  const files = entries.filter((e) => (e.isFile() || e.isSymbolicLink()) && e.name.toLowerCase().endsWith(".json")).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/")).sort();
  if (files.length > MAX_REPORT_FILES) {
    throw new InputError(`more than ${MAX_REPORT_FILES} JSON files: is this the right folder?`, {
      file: dir
    });
  }
  return files;
}

// src/report/markdown.ts
var MARK = { compatible: "\u2705", incompatible: "\u274C", error: "\u26A0\uFE0F" };
function renderMarkdown(merged, opts = {}) {
  const out = ["## Image compatibility", ""];
  out.push(verdictLine(merged), "");
  if (merged.images.length === 1) out.push(`Image: ${text(merged.images[0])}`, "");
  else if (merged.images.length > 1) out.push(`Images: ${merged.images.map(text).join(", ")}`, "");
  if (merged.rows.length) out.push(...matrixTable(merged), "");
  for (const m of merged.missing) {
    out.push(
      m.id !== void 0 ? `\u26A0\uFE0F ${text(m.set)}${m.platform ? ` (${text(m.platform)})` : ""}: planned job \`${text(m.id)}\` sent no report.` : `\u26A0\uFE0F ${text(m.set)}: ${m.planned - m.reported} of ${m.planned} planned runs sent no report.`,
      ""
    );
  }
  if (merged.runners.length) out.push("### Runners", "", ...runnerTable(merged), "");
  out.push(...recordSection(merged));
  out.push(...failureSections(merged, opts.maxFailureDetails ?? 50));
  return neutraliseText(`${out.join("\n").trimEnd()}
`);
}
function verdictLine(m) {
  const rule = m.require === "all" ? "every compatibility set on every runner that ran it" : "every compatibility set on at least one runner";
  const counts = `${m.totals.runs} run${m.totals.runs === 1 ? "" : "s"}: ${m.totals.compatible} compatible, ${m.totals.incompatible} incompatible, ${m.totals.error} errors`;
  if (m.rows.length === 0)
    return m.missing.length ? `**\u274C Not compatible**: no planned job sent a report.` : `**\u274C No results**: no report contained a verdict.`;
  return m.compatible ? `**\u2705 Compatible**: ${rule} (require \`${m.require}\`). ${counts}.` : `**\u274C Not compatible**: ${rule} was required (require \`${m.require}\`). ${counts}.`;
}
function matrixTable(m) {
  const showImage = m.images.length > 1;
  const showPlatform = m.rows.some((r) => r.platform);
  const head = ["Compatibility set", ...showImage ? ["Image"] : [], ...showPlatform ? ["Platform"] : []];
  const lines = [
    tableRow([...head, ...m.runners.map((r) => text(r.name))]),
    tableRow([...head, ...m.runners].map(() => "---"))
  ];
  for (const row of m.rows) {
    const cells = m.runners.map((r) => {
      const cell = row.cells.find((c) => c.runner === r.name);
      if (!cell) return "\u2014";
      const record = cell.attestation ? ` \xB7 record \`${text(cell.attestation.slice(0, 19))}\`` : "";
      return `${MARK[cell.verdict]} ${text(describe(cell))}${record}`;
    });
    const label = row.description && row.description !== row.set ? `${text(row.set)}<br>${text(row.description)}` : text(row.set);
    lines.push(
      tableRow([
        label,
        ...showImage ? [text(row.image ?? "")] : [],
        ...showPlatform ? [text(row.platform ?? "")] : [],
        ...cells
      ])
    );
  }
  return lines;
}
function repositoryOf(image) {
  return image.replace(/@sha256:[a-f0-9]+$/, "").replace(/:[^/:]+$/, "");
}
function recordSection(m) {
  const lines = [];
  for (const row of m.rows) {
    for (const cell of row.cells) {
      if (!cell.attestation) continue;
      const where = row.platform ? ` (${text(row.platform)})` : "";
      const ref = row.image ? `${repositoryOf(row.image)}@${cell.attestation}` : cell.attestation;
      lines.push(`- ${text(row.set)}${where} on ${text(cell.runner)}: \`${text(ref)}\``);
    }
  }
  return lines.length ? ["### Validation records", "", ...lines, ""] : [];
}
function runnerTable(m) {
  const lines = [
    tableRow(["Runner", "Host", "CPU", "Kernel", "OS", "GPUs", "NICs", "RDMA"]),
    tableRow(Array(8).fill("---"))
  ];
  for (const r of m.runners) {
    const hw = r.hardware;
    lines.push(
      tableRow([
        text(r.name),
        text(r.host),
        text(cpuLine(hw)),
        text(hw.kernel ?? "\u2014"),
        text(hw.os ?? "\u2014"),
        list(hw.gpus.map(gpuLine)),
        list(hw.nics.map(nicLine)),
        list(hw.rdma.map(rdmaLine))
      ])
    );
  }
  return lines;
}
function failureSections(m, max) {
  const failures = [];
  for (const row of m.rows)
    for (const cell of row.cells) if (cell.verdict !== "compatible") failures.push({ row, cell });
  if (failures.length === 0) return [];
  const out = ["### Failures", ""];
  for (const { row, cell } of failures.slice(0, max)) {
    const where = row.platform ? ` (${text(row.platform)})` : "";
    out.push(`#### ${MARK[cell.verdict]} ${text(row.set)} on ${text(cell.runner)}${where}`, "");
    if (cell.verdict === "error") {
      out.push(text(cell.error ?? "no verdict"), "");
      continue;
    }
    if (cell.unreadable?.length) {
      out.push(
        `**Could not be checked:** the source of failed expressions could not be read on ${text(cell.runner)}: ${text(describeUnreadable(cell.unreadable))}. The runner may have what they ask for; the verdict is NFD's.`,
        ""
      );
    }
    out.push(tableRow(["Rule", "Feature", "Key", "Expected", "Host has"]), tableRow(Array(5).fill("---")));
    for (const f of cell.failed) {
      const rule = f.anyOf ? `${text(f.rule)} (any of)` : text(f.rule);
      if (f.expressions.length === 0) out.push(tableRow([rule, "\u2014", "\u2014", "no expression detail", "\u2014"]));
      for (const e of f.expressions) {
        const has = e.unreadable ? unreadableText(e.unreadable) : hostHas(e);
        out.push(tableRow([rule, text(e.feature), text(keyOf(e)), text(expected(e)), text(has)]));
      }
    }
    out.push("");
  }
  if (failures.length > max)
    out.push(`\u2026and ${failures.length - max} more failed runs, not detailed here.`, "");
  return out;
}

// src/commands/report.ts
async function report(opts) {
  const planned = opts.matrix ? parsePlannedRuns(opts.matrix.text, opts.matrix.source) : void 0;
  const entries = await scanReportFolder(opts.dir);
  const reports = [];
  const read = [];
  const skipped = [];
  const invalid = [];
  for (const entry of entries) {
    if (entry.kind === "report") {
      reports.push({ file: entry.file, report: entry.report });
      read.push({ file: entry.file, report: entry.report });
    } else if (entry.kind === "snapshot") skipped.push(entry.file);
    else {
      const run = entry.job !== void 0 ? planned?.[entry.job] : void 0;
      if (!run) throw entry.error;
      invalid.push(entry.file);
      reports.push({ file: entry.file, report: unreadableReport(entry.file, run, entry.error) });
    }
  }
  if (reports.length === 0 && !planned?.length) {
    throw new InputError(
      entries.length ? `no validation report among the ${entries.length} JSON files found` : "no JSON files found (expected the validate reports, e.g. downloaded with actions/download-artifact)",
      { file: opts.dir }
    );
  }
  const merged = mergeReports(reports, opts.require, planned, { allHostValues: opts.allHostValues ?? false });
  const fleet = opts.fleetOut !== void 0 ? await writeMatrixFleet(opts.dir, opts.fleetOut, read, skipped) : void 0;
  return {
    merged,
    markdown: renderMarkdown(merged),
    files: reports.map((r) => r.file),
    skipped,
    invalid,
    ...fleet && { fleet }
  };
}
function fleetMessages(fleet) {
  return {
    notes: [
      `wrote ${fleet.files.length} host snapshot(s) to ${fleet.dir}${fleet.hosts.length ? `: ${fleet.hosts.join(", ")}` : ""}`,
      ...fleet.withoutReport.map(
        (f) => `${f}: a host snapshot with no report beside it: not in the fleet folder`
      )
    ],
    warnings: [
      ...fleet.withoutSnapshot.map(
        (f) => `${f}: no host snapshot beside it (the validate action's features.json): its host is not in the fleet folder`
      ),
      ...fleet.files.length === 0 ? [`the fleet folder ${fleet.dir} is empty: no report had a host snapshot beside it`] : []
    ]
  };
}
async function writeMatrixFleet(dir, out, reports, snapshotFiles) {
  const snapshots = [];
  const beside = besideReports(reports);
  const withoutReport = snapshotFiles.filter((f) => !beside(f));
  for (const file of snapshotFiles.filter(beside)) {
    const full = path2.join(dir, file);
    const text2 = await readText(full, { maxBytes: LIMITS.features });
    snapshots.push({ file, hosts: parseFeaturesDocument(text2, full) });
  }
  const fleet = matrixFleet(reports, snapshots);
  await makeFolder(out, { what: "the fleet folder" });
  const files = await writeFleetFolder(out, fleet.hosts);
  return {
    dir: out,
    files,
    hosts: fleet.hosts.map((h) => h.metadata.name),
    withoutSnapshot: fleet.withoutSnapshot,
    withoutReport
  };
}
function unreadableReport(file, run, error) {
  const job = file.split("/")[0];
  return {
    ...run.name !== void 0 && { compatibility: run.name },
    compatible: false,
    host: { name: job, hardware: summarizeHardware({}, job) },
    results: [],
    error: { code: ExitCode.input, message: `${file}: not a valid report: ${error.detail}` }
  };
}

export {
  report,
  fleetMessages
};
