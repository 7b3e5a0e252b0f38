import {
  InputError
} from "./chunk-TS22JX7Z.js";

// src/io/duration.ts
var UNITS = { s: 1e3, m: 6e4, h: 36e5, d: 864e5, w: 6048e5 };
function parseDuration(text, name = "duration") {
  const parts = [...text.trim().matchAll(/(\d+)\s*([smhdw])/gi)];
  const joined = parts.map((p) => p[0].replace(/\s+/g, "")).join("");
  if (parts.length === 0 || joined !== text.trim().replace(/\s+/g, "")) {
    throw new InputError(`${name} ${JSON.stringify(text)}: expected a duration such as 30d, 12h, 90m or 2w`);
  }
  return parts.reduce((ms, p) => ms + Number(p[1]) * UNITS[p[2].toLowerCase()], 0);
}

export {
  parseDuration
};
