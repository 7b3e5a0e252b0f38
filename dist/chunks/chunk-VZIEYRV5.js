import {
  writeOutput
} from "./chunk-KJS7FU2L.js";

// src/check/fleet-folder.ts
import path from "node:path";
var MAX_NAME = 100;
function fleetFileStem(name) {
  const stem = name.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[.-]+/, "").slice(0, MAX_NAME).replace(/[.-]+$/, "");
  return stem || "host";
}
function fleetFileNames(names) {
  const taken = /* @__PURE__ */ new Set();
  return names.map((name) => {
    const stem = fleetFileStem(name);
    let file = stem;
    for (let i = 2; taken.has(file.toLowerCase()); i++) file = `${stem}-${i}`;
    taken.add(file.toLowerCase());
    return `${file}.json`;
  });
}
async function writeFleetFolder(dir, hosts) {
  const names = fleetFileNames(hosts.map((nf) => nf.metadata.name));
  const files = [];
  for (const [i, nf] of hosts.entries()) {
    const file = path.join(dir, names[i]);
    await writeOutput(file, `${JSON.stringify(nf, null, 2)}
`, { what: "the fleet folder" });
    files.push(file);
  }
  return files;
}

export {
  writeFleetFolder
};
