import {
  parseDuration
} from "./chunk-7TKNABSU.js";
import {
  InvalidValueError
} from "./chunk-ZK36K3TG.js";
import "./chunk-TEKY3YQX.js";
import {
  collectHostFeatures
} from "./chunk-CZNYXPM2.js";
import {
  resolveHostRoot
} from "./chunk-M6CRNPH7.js";
import "./chunk-QFUDLQC4.js";
import {
  formatHardwareTable,
  summarizeHardware
} from "./chunk-HIZ7TLNX.js";
import {
  toNodeFeature
} from "./chunk-3OLLROG6.js";
import "./chunk-LOFLUJHY.js";
import "./chunk-MGVSXMIB.js";
import {
  InputError
} from "./chunk-TS22JX7Z.js";
import "./chunk-R5CBN7CG.js";

// src/commands/features.ts
async function runFeatures(opts = {}) {
  const hostRoot = resolveHostRoot(opts.hostRoot, opts.env ?? process.env);
  const host = await collectHostFeatures({ hostRoot, runProgram: opts.runProgram });
  return { host, nodeFeature: toNodeFeature(host) };
}

// src/cli/features.ts
function parseExpiry(value, now = /* @__PURE__ */ new Date()) {
  try {
    return new Date(now.getTime() + parseDuration(value));
  } catch {
  }
  if (/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value.trim())) {
    const t = new Date(value.trim());
    if (!Number.isNaN(t.getTime())) return t;
  }
  throw new InvalidValueError("expected a duration (90m, 2h, 7d) or an RFC 3339 time (2027-01-01T00:00:00Z)");
}
var featuresCommand = {
  name: "features",
  description: "Collect this host's features (NFD's feature sources plus GPUs and RDMA) as a NodeFeature object.",
  options: [
    {
      flags: "--host-root <dir>",
      description: "read the host mounted at DIR (DIR/proc, DIR/sys, DIR/etc, ...) instead of this machine; also IMAGE_COMPAT_HOST_ROOT"
    },
    {
      flags: "--output <format>",
      description: "json or yaml (a NodeFeature object), table (a hardware summary), or nfd-local (the GPU and RDMA features as an NFD features.d file)",
      choices: ["json", "yaml", "table", "nfd-local"],
      default: "json"
    },
    {
      flags: "--expiry <when>",
      description: "with nfd-local: nfd-worker ignores the lines after this (a duration from now: 90m, 2h, 7d; or an RFC 3339 time)",
      parse: (v) => parseExpiry(v)
    }
  ],
  after: "\nIn a container: docker run -v /:/host:ro IMAGE image-compat features --host-root /host\nSources that cannot be read are listed in the annotation image-compat.dev/unavailable-sources.\nnfd-local: write it to /etc/kubernetes/node-feature-discovery/features.d/image-compat on each node (docs/kubernetes.md).",
  action: async (opts) => {
    if (opts.expiry && opts.output !== "nfd-local")
      throw new InputError("--expiry is for --output nfd-local");
    const { host, nodeFeature } = await runFeatures({ hostRoot: opts.hostRoot });
    let out;
    if (opts.output === "nfd-local") {
      const { formatNfdLocal } = await import("./nfd-local-P5WLDVSW.js");
      out = formatNfdLocal(host.features, opts.expiry ? { expiry: opts.expiry } : {});
    } else if (opts.output === "table") {
      out = formatHardwareTable(summarizeHardware(host.features, host.hostname, host.unavailable));
    } else if (opts.output === "yaml") {
      const { stringify } = (await import("./browser-FMCDQXXV.js")).default;
      out = stringify(nodeFeature);
    } else {
      out = JSON.stringify(nodeFeature, null, 2) + "\n";
    }
    process.stdout.write(out);
  }
};
export {
  featuresCommand,
  parseExpiry
};
