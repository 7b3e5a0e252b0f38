// The validation record: an in-toto Statement whose subject is the validated image manifest and
// whose predicate (type https://image-compat.dev/validation/v1, schemas/validation.v1.json) says
// which compatibility artifact was evaluated, each set's verdict with its per-rule results and
// host values, the host (fingerprint and scrubbed NodeFeature), the tool, the runner and the run,
// and when. Building is pure: the caller passes everything in, the time included.
import type { NodeFeature } from '../features/node-feature.js';
import type { CompatibilityResult } from '../match/types.js';
import { sha256Hex, STATEMENT_V1 } from '../sign/statement.js';
import type { Statement } from '../sign/statement.js';
import type { HostFingerprint } from './fingerprint.js';

export const VALIDATION_PREDICATE_TYPE = 'https://image-compat.dev/validation/v1';

export interface SetVerdict {
  /** 0-based index of the set in the spec. */
  index: number;
  tag?: string;
  description?: string;
  /** Every rule of the set matches (and the host can run the platform). */
  compatible: boolean;
  /** NFD's validate-node result for the set, with host values. */
  result: CompatibilityResult;
}

export interface ValidationPredicate {
  /** The image validated: `registry/repository`, the platform manifest's digest, its platform, its index. */
  image: { name: string; digest: string; platform?: string; index?: string };
  /** The compatibility artifact evaluated. */
  artifact: { digest: string };
  /** Some set is compatible. */
  compatible: boolean;
  /** Why the host cannot run the image's platform, when it cannot (every set then fails). */
  refusal?: string;
  sets: SetVerdict[];
  host: HostFingerprint & { nodeFeature: NodeFeature };
  tool: { name: 'image-compat'; version: string };
  runner?: { name?: string; labels?: string[] };
  /** The plan matrix entry's id. */
  matrixId?: string;
  run?: { url: string };
  /** RFC 3339, when the validation ran. */
  time: string;
}

export interface ValidationStatementInput {
  image: ValidationPredicate['image'];
  artifactDigest: string;
  results: CompatibilityResult[];
  /** The sets evaluated (index and tag), in the order of `results`. */
  sets: Array<{ index: number; tag?: string; description?: string }>;
  refusal?: string;
  host: ValidationPredicate['host'];
  version: string;
  runner?: { name?: string; labels?: string[] };
  matrixId?: string;
  runUrl?: string;
  time: Date;
}

export function buildValidationStatement(input: ValidationStatementInput): Statement<ValidationPredicate> {
  const sets = input.sets.map((s, i): SetVerdict => {
    const result = input.results[i]!;
    return {
      index: s.index,
      ...(s.tag !== undefined && { tag: s.tag }),
      ...(s.description !== undefined && { description: s.description }),
      compatible: input.refusal === undefined && result.rules.every((r) => r.isMatch),
      result,
    };
  });
  const runner = {
    ...(input.runner?.name && { name: input.runner.name }),
    ...(input.runner?.labels?.length && { labels: input.runner.labels }),
  };
  const predicate: ValidationPredicate = {
    image: input.image,
    artifact: { digest: input.artifactDigest },
    compatible: sets.some((s) => s.compatible),
    ...(input.refusal !== undefined && { refusal: input.refusal }),
    sets,
    host: input.host,
    tool: { name: 'image-compat', version: input.version },
    ...(Object.keys(runner).length > 0 && { runner }),
    ...(input.matrixId !== undefined && { matrixId: input.matrixId }),
    ...(input.runUrl !== undefined && { run: { url: input.runUrl } }),
    time: input.time.toISOString(),
  };
  return {
    _type: STATEMENT_V1,
    subject: [{ name: input.image.name, digest: { sha256: sha256Hex(input.image.digest) } }],
    predicateType: VALIDATION_PREDICATE_TYPE,
    predicate,
  };
}

/** The run's URL from GitHub Actions' default variables; undefined outside Actions. */
export function runUrlFromGitHubEnv(env: Record<string, string | undefined>): string | undefined {
  if (!env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID) return undefined;
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const attempt = env.GITHUB_RUN_ATTEMPT ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : '';
  return `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}${attempt}`;
}

/** A set's name as the gate and the tables say it: its tag, else `#<index>`. */
export function setLabel(s: { index: number; tag?: string }): string {
  return s.tag ?? `#${s.index}`;
}
