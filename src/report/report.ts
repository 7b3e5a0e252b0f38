// The validation report: what `validate` writes for one (image, platform, compatibility set, host)
// and what the `report` action merges across a matrix run. `results` keeps the shape of NFD's
// `nfd compat validate-node --output-json` (so tools that read NFD's output read ours), with one
// addition per expression: `hostValues`, what this host actually has for that key.

// The results are the evaluator's own types: one definition of NFD's result shape.
import type { CompatibilityResult } from '../match/types.js';
export type {
  CompatibilityResult,
  MatchAnyResult as MatchedAny,
  MatchedExpression,
  ProcessedRule,
} from '../match/types.js';

export interface GpuSummary {
  /** Marketing name when known (`NVIDIA H100 80GB HBM3`), else `vendor:device` PCI ids. */
  model: string;
  /** Kernel driver and version, e.g. `nvidia 550.135`. */
  driver?: string;
  /** Human-readable, e.g. `81559 MiB`. */
  memory?: string;
  /** NVIDIA compute capability, e.g. `9.0`. */
  computeCapability?: string;
}

export interface NicSummary {
  /** Interface name (`ens1f0`), or the PCI address when it has none. */
  name: string;
  /** PCI vendor id (`15b3`) or name. */
  vendor?: string;
  /** SR-IOV virtual functions the device supports (`sriov_totalvfs`). */
  vfs?: number;
}

export interface RdmaSummary {
  name: string;
  linkLayer?: string;
  state?: string;
  rate?: string;
}

/** What a person needs to know about a runner to read a verdict; produced from collected features. */
export interface HardwareSummary {
  /** e.g. `Intel family 6 model 143, 2 sockets, x86-64-v4`. */
  cpu?: string;
  /** Kernel release, e.g. `6.8.0-45-generic`. */
  kernel?: string;
  /** e.g. `Ubuntu 24.04.1 LTS`. */
  os?: string;
  gpus: GpuSummary[];
  nics: NicSummary[];
  rdma: RdmaSummary[];
}

export interface HostInfo {
  /** Host name of the machine that was validated. */
  name: string;
  /** The GitHub runner's name (RUNNER_NAME) when validated inside Actions. */
  runner?: string;
  hardware: HardwareSummary;
}

/** Why no verdict could be reached (registry unreachable, signature policy failed, ...). */
export interface ReportError {
  /** The exit code of the command-line contract (2 input, 3 registry, 4 signature). */
  code: number;
  message: string;
}

export interface ValidationReport {
  /** The image reference validated; absent when a local spec file was used. */
  image?: string;
  /** The spec file validated instead of an image's artifact. */
  spec?: string;
  /** `os/arch[/variant]` of the platform manifest whose artifact was read. */
  platform?: string;
  /** Digest of the compatibility artifact (manifest) that was evaluated. */
  artifact?: string;
  /** The set requested (its tag), when one was; else every set was evaluated. */
  compatibility?: string;
  /** The verdict of `validate`: the requested set (or any set) matched on this host. */
  compatible: boolean;
  host: HostInfo;
  results: CompatibilityResult[];
  error?: ReportError;
}

/** A set matched when every rule matched (NFD: an empty set matches). */
export function setMatched(set: CompatibilityResult): boolean {
  return set.rules.every((r) => r.isMatch);
}

/** The name people know a set by: its tag, else its description, else its position. */
export function setName(set: CompatibilityResult, index: number): string {
  return set.tag || set.description || `set ${index + 1}`;
}
