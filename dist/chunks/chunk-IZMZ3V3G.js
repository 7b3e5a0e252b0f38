import {
  readBytesSync,
  readChunksSync,
  require_fs
} from "./chunk-LKJTNIGP.js";
import {
  InputError,
  LIMITS
} from "./chunk-TS22JX7Z.js";
import {
  __toESM
} from "./chunk-R5CBN7CG.js";

// src/features/host-root.ts
var import_node_fs = __toESM(require_fs(), 1);
import os from "node:os";
import path from "node:path";
var nodeHostFs = {
  // Bounded: a host file that never ends (a device, a loop of links) stops at the cap.
  readFileSync: (p) => readBytesSync(p, { maxBytes: LIMITS.hostFile, rawErrors: true }),
  readdirSync: (p) => import_node_fs.default.readdirSync(p),
  readlinkSync: (p) => import_node_fs.default.readlinkSync(p),
  statSync: (p) => import_node_fs.default.statSync(p),
  readChunksSync: (p, each) => readChunksSync(p, { maxBytes: LIMITS.hostFile, rawErrors: true }, each)
};
var HostRoot = class {
  constructor(dir = "", fs2 = nodeHostFs) {
    this.dir = dir;
    this.fs = fs2;
  }
  dir;
  fs;
  unavailable = [];
  /** True when reading a mounted host or a fixture tree rather than this machine. */
  get isSet() {
    return this.dir !== "";
  }
  /** The real path of a host path such as `/proc/modules`. */
  path(hostPath) {
    return this.dir ? path.join(this.dir, hostPath) : hostPath;
  }
  readText(hostPath) {
    return this.readBytes(hostPath).toString("utf8");
  }
  readBytes(hostPath) {
    try {
      return this.fs.readFileSync(this.path(this.isSet ? this.resolveLink(hostPath) : hostPath));
    } catch (err) {
      throw withHostPath(err, hostPath);
    }
  }
  /** readBytes piece by piece (for a large file searched, not kept); the same paths and errors. */
  readChunks(hostPath, each) {
    try {
      const p = this.path(this.isSet ? this.resolveLink(hostPath) : hostPath);
      if (this.fs.readChunksSync) this.fs.readChunksSync(p, each);
      else each(this.fs.readFileSync(p));
    } catch (err) {
      throw withHostPath(err, hostPath);
    }
  }
  /** A sysfs attribute: trimmed text, or undefined when it cannot be read. */
  readAttr(hostPath) {
    try {
      return this.readText(hostPath).trim();
    } catch {
      return void 0;
    }
  }
  /** Directory entries, sorted as Go's os.ReadDir sorts them (by name). */
  list(hostPath) {
    return this.fs.readdirSync(this.path(hostPath)).filter((n) => !n.startsWith(".")).sort();
  }
  /** The last component of a link's target (a driver name, a device address), or undefined. */
  linkName(hostPath) {
    try {
      return path.basename(this.fs.readlinkSync(this.path(hostPath)));
    } catch {
      return void 0;
    }
  }
  /**
   * Follow a final symbolic link inside the host root: an absolute target such as
   * `/lib64/libc-2.28.so` means the host's file, not this container's.
   */
  resolveLink(hostPath) {
    let p = hostPath;
    for (let i = 0; i < 40; i++) {
      let target;
      try {
        target = this.fs.readlinkSync(this.path(p));
      } catch {
        return p;
      }
      p = path.posix.isAbsolute(target) ? target : path.posix.join(path.posix.dirname(p), target);
    }
    return p;
  }
  /** stat() following links: false for missing paths and dangling links. */
  exists(hostPath) {
    try {
      this.fs.statSync(this.path(hostPath));
      return true;
    } catch {
      return false;
    }
  }
  isDir(hostPath) {
    try {
      return this.fs.statSync(this.path(hostPath)).isDirectory();
    } catch {
      return false;
    }
  }
  /** The host name: the mounted host's /etc/hostname, else this machine's. */
  hostname() {
    if (this.isSet) {
      const name = this.readAttr("/etc/hostname")?.split("\n")[0]?.trim() || this.readAttr("/proc/sys/kernel/hostname");
      if (name) return name;
      return "unknown";
    }
    return os.hostname();
  }
  /** Record a source that could not be read; its feature stays absent. */
  markUnavailable(source, reason) {
    this.unavailable.push({ source, reason: typeof reason === "string" ? reason : describeError(reason) });
  }
  /** Turn an error on a real path back into a message naming the host path. */
  describe(err) {
    return describeError(err, this.dir);
  }
};
var CODES = {
  ENOENT: "not found",
  ENOTDIR: "not a directory",
  EISDIR: "is a directory, not a file",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EINVAL: "invalid argument",
  ELOOP: "too many levels of symbolic links",
  EIO: "input/output error"
};
function withHostPath(err, hostPath) {
  if (err && typeof err === "object" && typeof err.code === "string") {
    err.hostPath = hostPath;
  }
  return err;
}
function describeError(err, rootDir = "") {
  const e = err;
  if (e && typeof e === "object" && typeof e.code === "string") {
    let where = e.hostPath ?? e.path ?? "";
    if (rootDir && where.startsWith(rootDir)) where = where.slice(rootDir.length) || "/";
    const what = CODES[e.code] ?? e.code;
    return `cannot read ${where || "path"}: ${what} (${e.code})`;
  }
  return err instanceof Error ? err.message : String(err);
}
function resolveHostRoot(flag, env = process.env) {
  const raw = flag ?? env.IMAGE_COMPAT_HOST_ROOT ?? "";
  if (raw === "") return "";
  const dir = path.resolve(raw);
  if (dir === "/") return "";
  let st;
  try {
    st = import_node_fs.default.statSync(dir);
  } catch {
    throw new InputError(
      `host root ${raw} does not exist`,
      {},
      "give the directory where the host root is mounted"
    );
  }
  if (!st.isDirectory()) throw new InputError(`host root ${raw} is not a directory`);
  return dir;
}

export {
  nodeHostFs,
  HostRoot,
  describeError,
  resolveHostRoot
};
