
// src/report/style.ts
var sgr = (open, close) => (s) => `\x1B[${open}m${s}\x1B[${close}m`;
function makeStyle(color) {
  if (!color) return { ok: (s) => s, fail: (s) => s, heading: (s) => s, dim: (s) => s };
  return {
    ok: sgr("32", "39"),
    fail: sgr("31", "39"),
    heading: (s) => sgr("1", "22")(sgr("36", "39")(s)),
    dim: sgr("2", "22")
  };
}
function visibleWidth(s) {
  return [...s.replace(/\x1b\[[0-9;]*m/g, "")].length;
}

// src/report/box.ts
var pad = (s, w) => s + " ".repeat(Math.max(0, w - visibleWidth(s)));
function renderBox(t) {
  const widths = t.header.map(
    (h, i) => Math.max(visibleWidth(h), ...t.groups.flat().map((r) => visibleWidth(r[i] ?? "")))
  );
  const titleRoom = widths.reduce((a, w) => a + w + 3, -1) - 2;
  if (t.title !== void 0 && visibleWidth(t.title) > titleRoom && widths.length) {
    widths[widths.length - 1] += visibleWidth(t.title) - titleRoom;
  }
  const line = (l, m, r) => l + widths.map((w) => "\u2500".repeat(w + 2)).join(m) + r;
  const row = (cells) => `\u2502 ${widths.map((w, i) => pad(cells[i] ?? "", w)).join(" \u2502 ")} \u2502`;
  const out = [];
  if (t.title !== void 0) {
    const inner = widths.reduce((a, w) => a + w + 3, -1);
    out.push(`\u250C${"\u2500".repeat(inner)}\u2510`, `\u2502 ${pad(t.title, inner - 2)} \u2502`, line("\u251C", "\u252C", "\u2524"));
  } else {
    out.push(line("\u250C", "\u252C", "\u2510"));
  }
  out.push(row(t.header), line("\u251C", "\u253C", "\u2524"));
  t.groups.forEach((g, i) => {
    if (i > 0) out.push(line("\u251C", "\u253C", "\u2524"));
    for (const r of g) out.push(row(r));
  });
  out.push(line("\u2514", "\u2534", "\u2518"));
  return `${out.join("\n")}
`;
}

export {
  makeStyle,
  renderBox
};
