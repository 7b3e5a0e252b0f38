import {
  commandData,
  commandProperty,
  neutraliseText
} from "./chunk-SYP4RMMF.js";
import {
  boundQuoted
} from "./chunk-TS22JX7Z.js";

// src/lint/format.ts
var OUTPUT_FORMATS = ["text", "json", "github"];
function toJson(d) {
  const out = { severity: d.severity, message: d.message };
  if (d.position.file !== void 0) out.file = d.position.file;
  if (d.position.line !== void 0) out.line = d.position.line;
  if (d.position.column !== void 0) out.column = d.position.column;
  if (d.position.path) out.path = d.position.path;
  if (d.hint) out.hint = d.hint;
  return out;
}
function text(d) {
  const p = d.position;
  let where = p.file ?? "<input>";
  if (p.line !== void 0) where += `:${p.line}`;
  if (p.line !== void 0 && p.column !== void 0) where += `:${p.column}`;
  const path = p.path ? `${p.path}: ` : "";
  return `${where}: ${d.severity}: ${path}${d.message}${d.hint ? ` (${d.hint})` : ""}`;
}
function github(d) {
  const p = d.position;
  const props = [];
  if (p.file) props.push(`file=${commandProperty(p.file)}`);
  if (p.line !== void 0) props.push(`line=${p.line}`);
  if (p.column !== void 0) props.push(`col=${p.column}`);
  props.push(`title=${commandProperty(`image-compat lint${p.path ? `: ${p.path}` : ""}`)}`);
  const message = `${d.message}${d.hint ? ` (${d.hint})` : ""}`;
  return `::${d.severity} ${props.join(",")}::${commandData(message)}`;
}
function formatDiagnostics(diagnostics, format) {
  if (format === "json")
    return `${JSON.stringify(
      diagnostics.map((d) => toJson({ ...d, message: boundQuoted(d.message) })),
      null,
      2
    )}
`;
  const bounded = diagnostics.map((d) => ({ ...d, message: boundQuoted(d.message) }));
  const lines = bounded.map(format === "github" ? github : (d) => neutraliseText(text(d)));
  return lines.length ? `${lines.join("\n")}
` : "";
}

export {
  OUTPUT_FORMATS,
  formatDiagnostics
};
