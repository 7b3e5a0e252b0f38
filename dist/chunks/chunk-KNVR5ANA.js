import { createRequire as __icCreateRequire } from 'node:module';
const require = __icCreateRequire(import.meta.url);

// src/lint/kind.ts
function detectKind(value) {
  if (!value || typeof value !== "object" || Array.isArray(value)) return void 0;
  const v = value;
  if (typeof v.version === "string" && /^v\d/.test(v.version)) return "spec";
  if (typeof v.version === "number") return "config";
  const sets = Array.isArray(v.compatibilities) ? v.compatibilities : [];
  if (sets.some((s) => s && typeof s === "object" && ("name" in s || "require" in s))) return "config";
  if (sets.some((s) => s && typeof s === "object" && "rules" in s)) return "spec";
  return void 0;
}

export {
  detectKind
};
