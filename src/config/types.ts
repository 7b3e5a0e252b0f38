// The declarative compatibility config (`.github/image-compat.yaml`): what image authors write.
// Field names are a contract with users' repositories; the JSON Schema is in ./schema.ts.
import type { Rule } from '../spec/types.js';

export const CONFIG_VERSION = 1;
export const DEFAULT_CONFIG_PATH = '.github/image-compat.yaml';

/** A string or a list of strings: `vendor: nvidia` and `vendor: [nvidia, amd]` both work. */
export type OneOrMany<T> = T | T[];
/** A semver-style range (`>=5.15 <6.9`, `^535`) or, for counts, a number (`2`) or range (`>=8`). */
export type Range = string | number;

export interface KernelRequirement {
  /**
   * Kernel releases: a range over NFD's major/minor/revision (`>=5.15 <6.9`, `5.4.x`), and exact
   * releases with a suffix (`5.0.0-23-generic`, kernel.version `full`), joined by `||`.
   */
  version?: Range;
  /** Modules loaded or built in (kernel.enabledmodule); dashes or underscores, as you like. */
  modules?: OneOrMany<string>;
  /** Modules that must be loaded (kernel.loadedmodule, `/proc/modules`). */
  loadedModules?: OneOrMany<string>;
  /** Kernel options (without or with CONFIG_) -> accepted values (`y`, `m`, `[y, m]`; `n` = unset). */
  config?: Record<string, OneOrMany<string | number> | boolean>;
}

export interface CpuRequirement {
  vendor?: OneOrMany<string>;
  level?: 'x86-64-v2' | 'x86-64-v3' | 'x86-64-v4';
  flags?: OneOrMany<string>;
  model?: { family?: OneOrMany<number>; id?: OneOrMany<number> };
}

export interface GpuRequirement {
  vendor?: OneOrMany<string>;
  count?: Range;
  driver?: Range;
  computeCapability?: Range;
  model?: OneOrMany<string>;
  /** Device memory in MiB (integer range). */
  memory?: Range;
}

export interface PciRequirement {
  vendor?: OneOrMany<string>;
  device?: OneOrMany<string>;
  class?: OneOrMany<string>;
}

export interface SriovRequirement {
  vendor?: OneOrMany<string>;
  device?: OneOrMany<string>;
  /** Virtual functions the device can provide (pci.device sriov_totalvfs). */
  vfs?: Range;
  /** Virtual functions configured now on a network interface (network.device sriov_numvfs). */
  numVfs?: Range;
}

export interface RdmaRequirement {
  vendor?: OneOrMany<string>;
  linkLayer?: string;
}

export interface OsRequirement {
  id?: OneOrMany<string>;
  version?: Range;
}

export interface MemoryRequirement {
  numa?: boolean;
  swap?: boolean;
  hugepages1G?: Range;
  hugepages2M?: Range;
  /** Pages of any of these sizes (`[1G, 2M]`), at least `count` of them (default >=1). */
  hugepages?: { size: OneOrMany<string>; count?: Range };
}

export interface Requirements {
  kernel?: KernelRequirement;
  cpu?: CpuRequirement;
  gpu?: GpuRequirement;
  pci?: PciRequirement[];
  sriov?: SriovRequirement;
  rdma?: boolean | RdmaRequirement;
  os?: OneOrMany<OsRequirement>;
  memory?: MemoryRequirement;
  /** Either/or: the host meets at least one group (each group is requirements, all required). */
  anyOf?: Requirements[];
}

/** Where `plan` routes a set's jobs (src/config/runner.ts). */
export type RunnerConfig = OneOrMany<string> | Record<string, OneOrMany<string>>;

/**
 * A manifest of the image's index that a set is for: its platform, variant included and compared
 * exactly (`linux/amd64` is not `linux/amd64/v3`), and/or annotations its index descriptor carries
 * (every one given, equal). Several manifests may share a platform: a generic and a CUDA build.
 */
export interface TargetSelector {
  platform?: string;
  annotations?: Record<string, string>;
}

export interface CompatibilityConfig {
  name: string;
  description?: string;
  weight?: number;
  platforms?: string[];
  /** The manifests this set is for (any selector matching); instead of `platforms`. */
  targets?: TargetSelector[];
  /** A label, a list of labels, or a map from platform (`os/arch[/variant]`) to a label or list. */
  runner?: RunnerConfig;
  require?: Requirements;
  rules?: Rule[];
}

export interface ImageCompatConfig {
  version: typeof CONFIG_VERSION;
  /** The image's platforms: the default for sets that name none. */
  platforms?: string[];
  compatibilities: CompatibilityConfig[];
}
