// The validation report: what `validate` writes for one (image, platform, compatibility set, host)
// and what the `report` action merges across a matrix run. `results` keeps the shape of NFD's
// `nfd compat validate-node --output-json` (so tools that read NFD's output read ours), with our
// additions per expression: `hostValues`, what this host actually has for that key (capped:
// `hostValuesTotal`), and `unreadable` when the source it would come from could not be read.

// The results are the evaluator's own types: one definition of NFD's result shape.
import type { CompatibilityResult, MatchedExpression } from '../match/types.js';
export type {
  CompatibilityResult,
  MatchAnyResult as MatchedAny,
  MatchedExpression,
  ProcessedRule,
} from '../match/types.js';

// The host's hardware is the collectors' summary (src/report/hardware.ts): one type for the
// features table, the validate report and the merged matrix report.
import type { HardwareSummary } from './hardware.js';
export type { HardwareSummary } from './hardware.js';

/**
 * An expression as printed and written: NFD's fields, then ours. `hostValues` holds at most
 * HOST_VALUES_SHOWN values unless all were asked for; `hostValuesTotal`, present only when it was
 * cut, says how many the host has. `unreadable`, present only when `hostValues` is empty and the
 * feature's source could not be read on the host: the host may have it (the verdict is NFD's).
 */
export interface ReportedExpression extends MatchedExpression {
  hostValuesTotal?: number;
  unreadable?: UnreadableSource;
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
  /** The plan matrix entry this run was (`--matrix-id`, input `matrix-id`): `report --matrix` reconciles by it. */
  id?: string;
  /** The image reference validated; absent when a local spec file was used. */
  image?: string;
  /** The spec file validated instead of an image's artifact. */
  spec?: string;
  /** The config file compiled (for `platform`) and validated instead of a spec (validate --config). */
  config?: string;
  /** `os/arch[/variant]` of the platform manifest whose artifact was read. */
  platform?: string;
  /** Digest of the compatibility artifact (manifest) that was evaluated. */
  artifact?: string;
  /** The set requested (its tag), when one was; else every set was evaluated. */
  compatibility?: string;
  /** The verdict of `validate`: the requested set (or any set) matched on this host. */
  compatible: boolean;
  /** Why the host cannot run the image's platform (then not compatible, whatever `results` say). */
  refusal?: string;
  host: HostInfo;
  results: CompatibilityResult[];
  error?: ReportError;
  /** Digest of the signed validation record attached to the image (`validate --attest`). */
  attestation?: string;
}

/** A feature source that could not be read on the host (the collectors' record). */
export interface UnreadableSource {
  source: string;
  reason: string;
}

/**
 * The unreadable source an expression's feature comes from, if any: sources are named by feature
 * (`kernel.enabledmodule`), sometimes with the tool in parentheses (`gpu.device (nvidia-smi)`).
 * An expression that finds nothing there says nothing about the hardware: the source could not be
 * read. The verdict stays NFD's (the expression fails as NFD fails it).
 */
export function unreadableSource(
  feature: string,
  unavailable: readonly UnreadableSource[] | undefined,
): UnreadableSource | undefined {
  return unavailable?.find((u) => u.source === feature || u.source.startsWith(`${feature} `));
}

/**
 * The unreadable source behind an expression that found nothing on the host: what the table, the
 * JSON (`unreadable`) and the reports say instead of "the host has none".
 */
export function unreadableOf(
  e: { feature: string; hostValues?: readonly string[] },
  unavailable: readonly UnreadableSource[] | undefined,
): UnreadableSource | undefined {
  return e.hostValues?.length ? undefined : unreadableSource(e.feature, unavailable);
}

/** What the host column says instead of "none" when the source could not be read. */
export function unreadableText(u: UnreadableSource): string {
  return `source could not be read (${u.reason})`;
}

/** The unreadable sources that the failed, empty-handed expressions of `results` depend on (each once). */
export function unreadableUsed(
  results: readonly CompatibilityResult[],
  unavailable: readonly UnreadableSource[] | undefined,
): UnreadableSource[] {
  const used = new Set<UnreadableSource>();
  for (const set of results) {
    for (const rule of set.rules) {
      const all = [
        ...(rule.matchedExpressions ?? []),
        ...(rule.matchedAny ?? []).flatMap((a) => a.matchedExpressions ?? []),
      ];
      for (const e of all) {
        const u = e.isMatch ? undefined : unreadableOf(e, unavailable);
        if (u) used.add(u);
      }
    }
  }
  return [...used];
}

/** `kernel.enabledmodule (cannot read /lib/modules/6.8.0/modules.builtin)`, for summaries. */
export function describeUnreadable(list: readonly UnreadableSource[]): string {
  return list.map((u) => `${u.source} (${u.reason})`).join('; ');
}

/** A set matched when every rule matched (NFD: an empty set matches). */
export function setMatched(set: CompatibilityResult): boolean {
  return set.rules.every((r) => r.isMatch);
}

/** The name people know a set by: its tag, else its description, else its position. */
export function setName(set: CompatibilityResult, index: number): string {
  return set.tag || set.description || `set ${index + 1}`;
}
