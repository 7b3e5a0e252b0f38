// The publish action's work, apart from reading inputs: pick how to sign (sign: auto|true|keyless|
// key|none|false), compile the config for each platform of the image, lint it, sign and attach
// (the same attachArtifacts as `image-compat attach --config`), write each platform's spec under
// RUNNER_TEMP, then publish outputs, the job summary and lint warnings as annotations.
import path from 'node:path';
import { attachArtifacts, type AttachOutcome } from '../../commands/attach.js';
import { resolveSigning } from '../../commands/signing.js';
import { platformFileName } from '../../platform/platform.js';
import { lintSource } from '../../lint/index.js';
import type { Annotation } from '../../report/annotations.js';
import type { SignWith } from '../../sign/sign.js';
import type { Diagnostic } from '../../spec/document.js';
import { registryOptions, settleFromEnv } from '../../commands/registry-options.js';
import { inInputWords } from '../words.js';
import {
  annotate,
  info,
  inputError,
  overflowMarkdown,
  setOutputs,
  type PublishInputs,
  writeSummary,
} from '../runtime.js';
import { publishMarkdown } from './publish-summary.js';
import { writeOutput } from '../../io/write.js';
import { readSource } from '../../spec/document.js';

export interface PublishedArtifact {
  platform: string | null;
  /** `registry/repo@digest` of the platform manifest. */
  subject: string;
  /** `registry/repo@digest` of the compatibility artifact. */
  artifact: string;
  /** `registry/repo@digest` of the signature bundle's manifest; null when unsigned. */
  signature: string | null;
}

export interface PublishOutcome {
  outcome: AttachOutcome;
  artifacts: PublishedArtifact[];
  /** platform -> spec file (the key is `default` for an image without a platform). */
  specs: Record<string, string>;
  /** How it signed: `keyless`, `key` or `none`. */
  signing: 'keyless' | 'key' | 'none';
  /** Lint findings on the config (warnings: errors stop before this). */
  lint: Diagnostic[];
  /** Said when sign: auto found nothing to sign with. */
  unsignedWarning?: string;
}

/** The signing the inputs ask for; undefined for unsigned. Secrets stay in memory. */
export async function signingFor(
  inputs: PublishInputs,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ sign?: SignWith; warning?: string }> {
  const key = inputs.signingKey;
  const password = inputs.signingKeyPassword;
  const withKey = () =>
    resolveSigning({ keyText: key!, ...(password !== undefined && { password }) }, env).then((sign) => ({
      sign,
    }));
  const keyless = () => resolveSigning({ keylessOnly: true }, env).then((sign) => ({ sign }));
  switch (inputs.sign) {
    case 'none':
    case 'false':
      return {};
    case 'key':
      if (!key) throw inputError('signing-key', 'required when sign is "key"');
      return withKey();
    case 'keyless':
      return keyless();
    case 'true':
      if (inputs.oidc) return keyless();
      if (key) return withKey();
      throw inputError(
        'sign',
        'is true, but there is neither an OIDC token (grant `permissions: id-token: write`) nor a signing-key',
      );
    case 'auto':
      if (inputs.oidc) return keyless();
      if (key) return withKey();
      return {
        warning:
          'publishing unsigned compatibility artifacts: grant the job `permissions: id-token: write` for keyless signing, or give signing-key',
      };
  }
}

export async function run(inputs: PublishInputs): Promise<PublishOutcome> {
  const registry = await registryOptions(inputs.registry);
  const { sign, warning } = await signingFor(inputs);
  const settleMs = settleFromEnv();
  const outcome = await attachArtifacts({
    image: inputs.image,
    configFile: inputs.config,
    ...(inputs.platforms.length && { platforms: inputs.platforms }),
    ...registry,
    ...(settleMs !== undefined && { settleMs }),
    ...(sign && { sign }),
    dryRun: inputs.dryRun,
  });
  // The config compiled (its errors would have stopped attach): lint it for rules that never match.
  const lint = lintSource(await readSource(inputs.config), inputs.config).diagnostics;

  const dir = path.join(inputs.outputDir, 'specs');
  const specs: Record<string, string> = {};
  for (const a of outcome.artifacts) {
    const file = path.join(dir, a.platform ? platformFileName(a.platform) : 'spec.yaml');
    await writeOutput(file, a.specBytes, { what: 'the spec' });
    specs[a.platform ?? 'default'] = file;
  }
  return {
    outcome,
    artifacts: outcome.artifacts.map((a) => ({
      platform: a.platform,
      subject: a.subject,
      artifact: a.artifact,
      signature: a.signature ?? null,
    })),
    specs,
    signing: sign?.kind ?? 'none',
    lint,
    ...(warning && { unsignedWarning: warning }),
  };
}

export async function publish(result: PublishOutcome, inputs: PublishInputs): Promise<void> {
  for (const a of result.artifacts) {
    info(
      `${inputs.dryRun ? 'Would attach' : 'Attached'} ${a.artifact} to ${a.subject} (${a.platform ?? 'no platform'})${a.signature ? `, signed: ${a.signature}` : ''}`,
    );
  }
  for (const note of result.outcome.notes) info(`note: ${inInputWords(note)}`);
  for (const p of result.outcome.skipped) info(`No compatibility set applies to ${p}: nothing attached`);
  setOutputs({ artifacts: JSON.stringify(result.artifacts), specs: JSON.stringify(result.specs) });
  const annotations: Annotation[] = result.lint.map((d) => ({
    level: d.severity === 'error' ? 'error' : 'warning',
    title: 'image-compat lint',
    message: `${d.position.path ? `${d.position.path}: ` : ''}${d.message}${d.hint ? ` (${d.hint})` : ''}`,
    ...(d.position.file && { file: d.position.file }),
    ...(d.position.line !== undefined && { line: d.position.line }),
    ...(d.position.column !== undefined && { column: d.position.column }),
  }));
  if (result.unsignedWarning)
    annotations.push({ level: 'warning', title: 'image-compat: unsigned', message: result.unsignedWarning });
  const overflow = annotate(annotations);
  await writeSummary(publishMarkdown(result, inputs) + overflowMarkdown(overflow));
}
