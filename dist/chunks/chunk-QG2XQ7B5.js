
// src/report/report.ts
function unreadableSource(feature, unavailable) {
  return unavailable?.find((u) => u.source === feature || u.source.startsWith(`${feature} `));
}
function unreadableOf(e, unavailable) {
  return e.hostValues?.length ? void 0 : unreadableSource(e.feature, unavailable);
}
function unreadableText(u) {
  return `source could not be read (${u.reason})`;
}
function unreadableUsed(results, unavailable) {
  const used = /* @__PURE__ */ new Set();
  for (const set of results) {
    for (const rule of set.rules) {
      const all = [
        ...rule.matchedExpressions ?? [],
        ...(rule.matchedAny ?? []).flatMap((a) => a.matchedExpressions ?? [])
      ];
      for (const e of all) {
        const u = e.isMatch ? void 0 : unreadableOf(e, unavailable);
        if (u) used.add(u);
      }
    }
  }
  return [...used];
}
function describeUnreadable(list) {
  return list.map((u) => `${u.source} (${u.reason})`).join("; ");
}
function setMatched(set) {
  return set.rules.every((r) => r.isMatch);
}
function setName(set, index) {
  return set.tag || set.description || `set ${index + 1}`;
}

export {
  unreadableOf,
  unreadableText,
  unreadableUsed,
  describeUnreadable,
  setMatched,
  setName
};
