// `attach`: check the spec file, then attach it as an NFD compatibility artifact to the image's
// manifest, or to each platform manifest of an index (`platform` restricts). Nothing is pushed
// unless the spec passed its check; the spec bytes are pushed exactly as read.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { InputError } from '../errors.js';
import type { Descriptor, RegistryOptions } from '../oci/index.js';
import {
  attachCompatibilityArtifact,
  formatPlatform,
  formatReference,
  hostPlatform,
  openRepository,
  parsePlatform,
  parseReference,
  resolveManifests,
  withDigest,
} from '../oci/index.js';

/** Checks a spec's text; throws InputError (with file, line, column) when it is not a valid spec. */
export type SpecCheck = (text: string, file: string) => void;

export interface AttachOptions extends RegistryOptions {
  image: string;
  specFile: string;
  /** `os/arch[/variant]`: for an index, attach only to that platform's manifest. */
  platform?: string;
  /** Settle delay of the fallback-index protocol (ms). */
  settleMs?: number;
  checkSpec?: SpecCheck;
  /** The creation time recorded in the artifact (default: now). */
  now?: () => Date;
}

export interface AttachedArtifact {
  /** `os/arch[/variant]` of the subject, or null when it has none (not an image). */
  platform: string | null;
  /** `registry/repo@digest` of the subject manifest. */
  subject: string;
  subjectDescriptor: Descriptor;
  /** `registry/repo@digest` of the artifact manifest. */
  artifact: string;
  artifactDescriptor: Descriptor;
  referrers: 'api' | 'fallback';
}

/**
 * The minimal check used until the full spec parser is wired in: YAML that parses, `version:
 * v1alpha1`, and a non-empty `compatibilities` list.
 */
export const minimalSpecCheck: SpecCheck = (text, file) => {
  const doc = parseDocument(text, { prettyErrors: false });
  const lineCol = (offset: number | undefined) => {
    if (offset === undefined) return {};
    const before = text.slice(0, offset).split('\n');
    return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
  };
  const first = doc.errors[0];
  if (first)
    throw new InputError(`not valid YAML: ${first.message.split('\n')[0]}`, {
      file,
      ...lineCol(first.pos[0]),
    });
  const value = doc.toJS() as unknown;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError('a spec must be a mapping with version and compatibilities', { file });
  }
  const spec = value as Record<string, unknown>;
  const node = (key: string) =>
    (doc.get(key, true) as { range?: [number, number, number] } | undefined)?.range?.[0];
  if (spec.version !== 'v1alpha1') {
    throw new InputError(
      spec.version === undefined
        ? 'version is missing'
        : `version ${JSON.stringify(spec.version)} is not supported`,
      { file, path: 'version', ...lineCol(node('version')) },
      'expected version: v1alpha1',
    );
  }
  if (!Array.isArray(spec.compatibilities) || spec.compatibilities.length === 0) {
    throw new InputError('compatibilities must be a non-empty list', {
      file,
      path: 'compatibilities',
      ...lineCol(node('compatibilities')),
    });
  }
};

/** Reads and checks the spec before anything touches a registry. */
export async function readCheckedSpec(file: string, check: SpecCheck = minimalSpecCheck): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    throw new InputError(`cannot read the spec: ${(err as Error).message}`, { file });
  }
  check(bytes.toString('utf8'), file);
  return bytes;
}

export async function attach(opts: AttachOptions): Promise<AttachedArtifact[]> {
  const reference = parseReference(opts.image);
  const platform = opts.platform !== undefined ? parsePlatform(opts.platform) : undefined;
  const spec = await readCheckedSpec(opts.specFile, opts.checkSpec);
  const repo = openRepository(reference, opts);
  const subjects = await resolveManifests(repo, reference, {
    ...(platform && { platform }),
    all: true,
    hostPlatform: hostPlatform(),
  });
  const created = (opts.now ?? (() => new Date()))();
  // Platforms attach in parallel: each has its own fallback tag, and their settle delays overlap.
  return Promise.all(
    subjects.map(async (subject) => {
      const result = await attachCompatibilityArtifact(repo, subject.descriptor, spec, {
        created,
        title: path.basename(opts.specFile),
        ...(opts.settleMs !== undefined && { settleMs: opts.settleMs }),
      });
      return {
        platform: subject.platform ? formatPlatform(subject.platform) : null,
        subject: formatReference(withDigest(reference, subject.descriptor.digest)),
        subjectDescriptor: subject.descriptor,
        artifact: formatReference(withDigest(reference, result.artifact.digest)),
        artifactDescriptor: result.artifact,
        referrers: result.referrers,
      };
    }),
  );
}
