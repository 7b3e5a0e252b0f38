
// src/check/event.ts
var SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
var NO_COMMIT = /^0+$/;
function sha(value) {
  return typeof value === "string" && SHA.test(value) ? value : void 0;
}
function field(obj, key) {
  return obj !== null && typeof obj === "object" ? obj[key] : void 0;
}
function eventNameOf(payload) {
  if (field(payload, "pull_request") !== void 0) return "pull_request";
  if (field(payload, "merge_group") !== void 0) return "merge_group";
  if (field(payload, "after") !== void 0 && field(payload, "before") !== void 0) return "push";
  return void 0;
}
function changeOf(eventName, payload) {
  switch (eventName) {
    case "pull_request":
    case "pull_request_target": {
      const pr = field(payload, "pull_request");
      const base = sha(field(field(pr, "base"), "sha"));
      const head = sha(field(field(pr, "head"), "sha"));
      const number = field(pr, "number") ?? field(payload, "number");
      if (!base || !head) return void 0;
      return {
        kind: "pull_request",
        base,
        head,
        ...typeof number === "number" && Number.isSafeInteger(number) && number > 0 && { pullNumber: number }
      };
    }
    case "merge_group": {
      const group = field(payload, "merge_group");
      const base = sha(field(group, "base_sha"));
      const head = sha(field(group, "head_sha"));
      return base && head ? { kind: "merge_group", base, head } : void 0;
    }
    case "push": {
      const head = sha(field(payload, "after"));
      if (!head) return void 0;
      const before = field(payload, "before");
      const base = typeof before === "string" && NO_COMMIT.test(before) ? void 0 : sha(before);
      return { kind: "push", head, ...base && { base } };
    }
    default:
      return void 0;
  }
}

export {
  eventNameOf,
  changeOf
};
