import { createRequire as __icCreateRequire } from 'node:module';
const require = __icCreateRequire(import.meta.url);
import {
  setLabel
} from "./chunk-VQQTVLFL.js";
import {
  InputError
} from "./chunk-TS22JX7Z.js";

// src/validation/gate.ts
var CLOCK_SKEW_MS = 5 * 60 * 1e3;
var UNITS = { s: 1e3, m: 6e4, h: 36e5, d: 864e5, w: 6048e5 };
function parseMaxAge(text, name = "max age") {
  const parts = [...text.trim().matchAll(/(\d+)\s*([smhdw])/gi)];
  const joined = parts.map((p) => p[0].replace(/\s+/g, "")).join("");
  if (parts.length === 0 || joined !== text.trim().replace(/\s+/g, "")) {
    throw new InputError(`${name} ${JSON.stringify(text)}: expected a duration such as 30d, 12h, 90m or 2w`);
  }
  return parts.reduce((ms, p) => ms + Number(p[1]) * UNITS[p[2].toLowerCase()], 0);
}
function judgeSets(records, sets, opts) {
  const now = opts.now.getTime();
  return sets.map((set) => {
    const why = [];
    for (const r of records) {
      if (!r.verified) continue;
      const verdict = r.predicate.sets.find((s) => setLabel(s) === set);
      if (!verdict) continue;
      const time = Date.parse(r.predicate.time);
      if (!verdict.compatible) {
        why.push(`${r.digest} failed it`);
        continue;
      }
      if (Number.isNaN(time) || time > now + CLOCK_SKEW_MS) {
        why.push(`${r.digest} is dated ${r.predicate.time}, in the future`);
        continue;
      }
      if (opts.maxAgeMs !== void 0 && now - time > opts.maxAgeMs) {
        why.push(`${r.digest} passed it at ${r.predicate.time}, older than the maximum age`);
        continue;
      }
      return { set, satisfied: true, record: r.digest, time: r.predicate.time };
    }
    const rejected = records.filter((r) => !r.verified).length;
    if (rejected) why.push(`${rejected} record(s) not verified`);
    return {
      set,
      satisfied: false,
      reason: why.length ? `no passing validation: ${why.join("; ")}` : "no validation of this set"
    };
  });
}

export {
  CLOCK_SKEW_MS,
  parseMaxAge,
  judgeSets
};
