import {
  hostValueCount
} from "./chunk-THTKVCSJ.js";

// src/report/format.ts
function keyOf(e) {
  return e.matcherType === "matchName" ? `(name) ${e.name}` : e.name;
}
function expected(e) {
  const value = e.value?.length ? ` ${e.value.join(", ")}` : "";
  return `${e.op}${value}${e.type ? ` (${e.type})` : ""}`;
}
function hostHas(e) {
  if (!e.hostValues || e.hostValues.length === 0) return "absent";
  const more = hostValueCount(e) - e.hostValues.length;
  return `${e.hostValues.join(", ")}${more > 0 ? ` (+${more} more)` : ""}`;
}
function tableRow(cells) {
  return `| ${cells.join(" | ")} |`;
}
function list(items) {
  return items.length ? items.map(text).join("<br>") : "\u2014";
}
function text(s) {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/[`*_[\]]/g, (c) => `\\${c}`).replace(/\r?\n|\r/g, " ");
}

export {
  keyOf,
  expected,
  hostHas,
  tableRow,
  list,
  text
};
