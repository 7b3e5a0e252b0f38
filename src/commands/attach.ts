// `attach`: check the spec file (or compile the config for each platform of the image), then attach
// each spec as an NFD compatibility artifact to its platform manifest, optionally signed. Everything
// is built and signed before the first push, so a bad spec, a config that does not compile, a wrong
// key password or a signing service that is down leaves the registry untouched. A signed artifact
// is listed only after its signature (a referrer of the artifact) is pushed.
import path from 'node:path';
import { platformFileName } from '../platform/platform.js';
import type { ImageCompatConfig } from '../config/types.js';
import { InputError, RegistryError } from '../errors.js';
import type { Descriptor, Platform, RegistryOptions, ResolvedManifest } from '../oci/index.js';
import {
  COMPATIBILITY_SPEC_MEDIA_TYPE,
  compatibilityReferrer,
  formatCreated,
  formatPlatform,
  formatReference,
  hostPlatform,
  openRepository,
  packCompatibilityArtifact,
  parsePlatform,
  parseReference,
  platformsMatch,
  pushReferrer,
  resolveManifests,
  withDigest,
} from '../oci/index.js';
import type { ReferrerManifest } from '../oci/index.js';
import { buildBundleArtifact } from '../sign/bundle-artifact.js';
import type { SignWith } from '../sign/sign.js';
import {
  buildCompatibilityStatement,
  COMPATIBILITY_PREDICATE_TYPE,
  sourceFromGitHubEnv,
} from '../sign/statement.js';
import { parseSource, readSource, throwFirstError, type Diagnostic } from '../spec/document.js';
import { checkSpecDocument, parseSpec, serializeSpec } from '../spec/index.js';
import type { Spec } from '../spec/types.js';
import { setting } from '../settings.js';

export interface AttachOptions extends RegistryOptions {
  image: string;
  /** The spec to attach to every platform manifest (exactly one of specFile and configFile). */
  specFile?: string;
  /** The config to compile into one spec per platform of the image. */
  configFile?: string;
  /** `os/arch[/variant]`: for an index, attach only to that platform's manifest. */
  platform?: string;
  /** Several platforms (the publish action's `platforms`): only those manifests of the index. */
  platforms?: string[];
  /** Pause before a fallback-index write is checked (ms; default 0, any value is safe). */
  settleMs?: number;
  /** The creation time recorded in the artifact (default: now). */
  now?: () => Date;
  /** Sign each artifact and attach the signature as its referrer. */
  sign?: SignWith;
  /** Build, check and sign, but push nothing. */
  dryRun?: boolean;
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
  /** How the referrer was recorded; null on a dry run. */
  referrers: 'api' | 'fallback' | null;
  /** The spec attached, parsed, and its bytes exactly as pushed. */
  spec: Spec;
  specBytes: Buffer;
  /** `registry/repo@digest` of the signature bundle's referrer manifest, when signed. */
  signature?: string;
  signatureDescriptor?: Descriptor;
}

export interface AttachOutcome {
  artifacts: AttachedArtifact[];
  /** The compiler's notes: rules `nfd compat validate-node` cannot check, NFD version needs. */
  notes: string[];
  /** Warnings of the spec or config check (lint warnings). */
  warnings: Diagnostic[];
  /** Platforms of the image no compatibility set applies to (config only): nothing attached there. */
  skipped: string[];
}

/** Checks a spec's text with the spec parser; throws its first error (file:line:column). */
export function checkSpecText(text: string, file: string): { spec: Spec; warnings: Diagnostic[] } {
  const { spec, diagnostics } = checkSpecDocument(parseSource(text, file));
  throwFirstError(diagnostics);
  return { spec: spec!, warnings: diagnostics.filter((d) => d.severity === 'warning') };
}

/** Reads and checks a spec file before anything touches a registry; the bytes are pushed as read. */
export async function readCheckedSpec(
  file: string,
): Promise<{ spec: Spec; bytes: Buffer; warnings: Diagnostic[] }> {
  const text = await readSource(file);
  const { spec, warnings } = checkSpecText(text, file);
  return { spec, bytes: Buffer.from(text, 'utf8'), warnings };
}

/** attach, returning only the artifacts (see attachArtifacts). */
export async function attach(opts: AttachOptions): Promise<AttachedArtifact[]> {
  return (await attachArtifacts(opts)).artifacts;
}

interface Planned {
  subject: ResolvedManifest;
  spec: Spec;
  bytes: Buffer;
  title: string;
}

type Input =
  | { kind: 'spec'; file: string; spec: Spec; bytes: Buffer; warnings: Diagnostic[] }
  | { kind: 'config'; file: string; config: ImageCompatConfig; warnings: Diagnostic[] };

export async function attachArtifacts(opts: AttachOptions): Promise<AttachOutcome> {
  if ((opts.specFile === undefined) === (opts.configFile === undefined)) {
    throw new InputError(`give exactly one of ${setting('spec')} and ${setting('config')}`);
  }
  const reference = parseReference(opts.image);
  const platform = opts.platform !== undefined ? parsePlatform(opts.platform) : undefined;
  const wanted = (opts.platforms ?? []).map((p) => parsePlatform(p));
  // The image is read while the input is checked (the check is CPU, the read a round trip), and
  // nothing is written before the spec or config checks out: when it does not, the read is
  // cancelled and the input's error is the one reported, whatever the read came to. The config
  // rooms (their schema, the compiler) load only for a config.
  const cancel = new AbortController();
  const repo = openRepository(reference, {
    ...opts,
    signal: opts.signal ? AbortSignal.any([opts.signal, cancel.signal]) : cancel.signal,
  });
  const resolving = resolveManifests(repo, reference, {
    ...(platform && { platform }),
    all: true,
    hostPlatform: hostPlatform(),
  });
  resolving.catch(() => undefined); // awaited below, once the input checks out
  let input: Input;
  try {
    input = await readInput(opts);
  } catch (err) {
    cancel.abort(err);
    throw err;
  }
  const subjects = restrict(await resolving, wanted, formatReference(reference));

  const notes = new Set<string>();
  const skipped: string[] = [];
  let planned: Planned[];
  if (input.kind === 'spec') {
    const title = path.basename(input.file);
    planned = subjects.map((subject) => ({ subject, spec: input.spec, bytes: input.bytes, title }));
  } else {
    const { compileForManifest } = await import('../config/compile.js');
    const keyOf = (s: ResolvedManifest) => (s.platform ? formatPlatform(s.platform) : '');
    planned = [];
    // Each manifest its own spec: the sets that target it (`targets:`), or apply to its platform.
    for (const subject of subjects) {
      const key = keyOf(subject);
      const compiled = compileForManifest(input.config, {
        platform: key,
        annotations: subject.annotations ?? {},
      });
      if (!compiled) {
        skipped.push(key);
        continue;
      }
      compiled.notes.forEach((n) => notes.add(n));
      const yaml = serializeSpec(compiled.spec);
      // What we attach must be a spec the spec parser (and NFD) accepts.
      const spec = parseSpec(yaml, `<spec for ${key || 'the image'} compiled from ${input.file}>`);
      planned.push({
        subject,
        spec,
        bytes: Buffer.from(yaml, 'utf8'),
        title: key ? platformFileName(key) : 'spec.yaml',
      });
    }
    if (!planned.length) {
      throw new InputError(
        `no compatibility set applies to any platform of ${formatReference(reference)} (${skipped.join(', ') || 'none'})`,
        { file: input.file },
        "check the sets' platforms",
      );
    }
  }

  // Build every artifact and sign it before the first push: the artifact's digest is known from
  // its bytes (deterministic given the creation time).
  const created = (opts.now ?? (() => new Date()))();
  const source = sourceFromGitHubEnv(opts.env ?? process.env);
  const built = await Promise.all(
    planned.map(async (p) => {
      const packed = packCompatibilityArtifact({
        spec: p.bytes,
        subject: p.subject.descriptor,
        created,
        title: p.title,
      });
      let bundle: ReferrerManifest | undefined;
      if (opts.sign) {
        const statement = buildCompatibilityStatement({
          subjectName: `${reference.registry}/${reference.repository}`,
          artifactDigest: packed.descriptor.digest,
          imageDigest: p.subject.descriptor.digest,
          spec: { digest: packed.layer.digest, mediaType: COMPATIBILITY_SPEC_MEDIA_TYPE },
          ...(source && { source }),
        });
        // Sigstore loads only when signing.
        const { signStatement } = await import('../sign/sign.js');
        const signed = await signStatement(statement, opts.sign);
        const art = buildBundleArtifact({
          bundle: signed.bytes,
          predicateType: COMPATIBILITY_PREDICATE_TYPE,
          subject: packed.descriptor,
          created: formatCreated(created),
        });
        bundle = {
          manifest: art.manifestBytes,
          descriptor: art.manifestDescriptor,
          blobs: art.blobs.map((b) => ({ bytes: b.bytes, mediaType: b.descriptor.mediaType })),
        };
      }
      return { ...p, artifact: compatibilityReferrer(packed, p.bytes), bundle };
    }),
  );

  const settle = opts.settleMs !== undefined ? { settleMs: opts.settleMs } : {};
  // Platforms attach in parallel: each has its own fallback tag. A signed artifact is stored, then
  // its signature pushed, and only then listed: nobody sees it as the newest without its signature.
  const artifacts = await Promise.all(
    built.map(async (b): Promise<AttachedArtifact> => {
      let referrers: AttachedArtifact['referrers'] = null;
      if (!opts.dryRun) {
        const bundle = b.bundle;
        const before = bundle && (() => pushReferrer(repo, b.artifact.descriptor.digest, bundle, settle));
        referrers = (
          await pushReferrer(repo, b.subject.descriptor.digest, b.artifact, {
            ...settle,
            ...(before && { before }),
          })
        ).referrers;
      }
      return {
        platform: b.subject.platform ? formatPlatform(b.subject.platform) : null,
        subject: formatReference(withDigest(reference, b.subject.descriptor.digest)),
        subjectDescriptor: b.subject.descriptor,
        artifact: formatReference(withDigest(reference, b.artifact.descriptor.digest)),
        artifactDescriptor: b.artifact.descriptor,
        referrers,
        spec: b.spec,
        specBytes: b.bytes,
        ...(b.bundle && {
          signature: formatReference(withDigest(reference, b.bundle.descriptor.digest)),
          signatureDescriptor: b.bundle.descriptor,
        }),
      };
    }),
  );
  return { artifacts, notes: [...notes], warnings: input.warnings, skipped };
}

/** The spec file, read and checked, or the config, loaded and checked. */
async function readInput(opts: AttachOptions): Promise<Input> {
  if (opts.specFile !== undefined)
    return { kind: 'spec', file: opts.specFile, ...(await readCheckedSpec(opts.specFile)) };
  const { loadConfig } = await import('../config/load.js');
  return { kind: 'config', file: opts.configFile!, ...(await loadConfig(opts.configFile!)) };
}

/** Only the wanted platforms' manifests (all when none is wanted); each wanted one must be there. */
function restrict(subjects: ResolvedManifest[], wanted: Platform[], image: string): ResolvedManifest[] {
  if (!wanted.length) return subjects;
  for (const w of wanted) {
    if (!subjects.some((s) => s.platform && platformsMatch(w, s.platform))) {
      const offered = subjects.map((s) => (s.platform ? formatPlatform(s.platform) : '?')).join(', ');
      throw new RegistryError(
        `image ${image} has no manifest for ${formatPlatform(w)}; it offers ${offered}`,
      );
    }
  }
  return subjects.filter((s) => s.platform && wanted.some((w) => platformsMatch(w, s.platform!)));
}
