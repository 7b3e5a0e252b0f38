// The validate action's work, apart from reading inputs: the same sources and command as
// `image-compat validate` (a spec file or an image's artifact, with its signature policy; this
// host, a host root or a snapshot), then the report and host snapshot files it names in outputs,
// the job summary (hardware, then per rule expected / host value / OK-FAIL) and annotations.
import * as core from '@actions/core';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { registryOptions } from '../../commands/registry-options.js';
import { validate } from '../../commands/validate.js';
import {
  buildReport,
  hostFromMachine,
  nodeFeatureOf,
  specFromImage,
} from '../../commands/validate-sources.js';
import { ExitCode, formatPositioned, InputError } from '../../errors.js';
import type { NodeFeature, UnavailableSource } from '../../features/index.js';
import { MAX_FEATURES_BYTES, parseFeaturesDocument } from '../../features/snapshot.js';
import type { ValidationReport } from '../../report/report.js';
import { renderValidationMarkdown, validationAnnotations } from '../../report/validation.js';
import { resolvePolicy } from '../../sign/trust.js';
import type { VerificationPolicy } from '../../sign/verify.js';
import { parseSource, readSource, throwFirstError } from '../../spec/document.js';
import { checkSpecDocument } from '../../spec/parse.js';
import type { Spec } from '../../spec/types.js';
import { annotate, overflowMarkdown, setOutputs, writeSummary, type ValidateInputs } from '../runtime.js';
import { inInputWords } from '../words.js';

export interface ValidateOutcome {
  report: ValidationReport;
  /** Path of the JSON report (output `report`). */
  reportFile: string;
  /** Path of the host snapshot, a NodeFeature (output `features`). */
  featuresFile: string;
  markdown: string;
  /** Warnings met on the way (spec warnings, ignored artifacts, unavailable sources). */
  warnings: string[];
  notes: string[];
}

/** `public-key` is PEM content, or the path of a PEM file. */
function publicKeyText(value: string): { text: string; source: string } {
  if (value.includes('-----BEGIN')) return { text: value, source: 'input "public-key"' };
  if (!existsSync(value)) throw new InputError(`input "public-key": ${value} is neither PEM nor a file`);
  return { text: readFileSync(value, 'utf8'), source: value };
}

/**
 * The signature policy of the inputs. Keyless without `trusted-root` trusts the Sigstore
 * public-good instance (TUF refresh, else the cached or embedded root; a note says which).
 */
async function policyOf(inputs: ValidateInputs, notes: string[]): Promise<VerificationPolicy | undefined> {
  const key = inputs.publicKey ? publicKeyText(inputs.publicKey) : undefined;
  const root = inputs.trustedRoot;
  return resolvePolicy(
    {
      ...(key && { key: key.text, keySource: key.source }),
      ...(inputs.certificateIdentity && { certificateIdentity: inputs.certificateIdentity }),
      ...(inputs.certificateIdentityRegexp && {
        certificateIdentityRegexp: inputs.certificateIdentityRegexp,
      }),
      ...(inputs.certificateOidcIssuer && { certificateOidcIssuer: inputs.certificateOidcIssuer }),
      ...(root && { trustedRoot: trustedRootText(root), trustedRootSource: root }),
    },
    { note: (message) => notes.push(message) },
  );
}

function trustedRootText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError(
      `input "trusted-root": ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      {
        file,
      },
    );
  }
}

async function specFile(file: string, warnings: string[]): Promise<Spec> {
  const { spec, diagnostics } = checkSpecDocument(parseSource(await readSource(file), file));
  for (const d of diagnostics.filter((x) => x.severity === 'warning'))
    warnings.push(formatPositioned(d.message, d.position, d.hint));
  throwFirstError(diagnostics);
  return spec!;
}

export async function run(inputs: ValidateInputs): Promise<ValidateOutcome> {
  const warnings: string[] = [];
  const notes: string[] = [];
  const registry = await registryOptions(inputs.registry);
  const policy = await policyOf(inputs, notes);
  let spec: Spec;
  let about: { image?: string; spec?: string; platform?: string; artifact?: string };
  if (inputs.image) {
    const got = await specFromImage({
      image: inputs.image,
      ...(inputs.platform && { platform: inputs.platform }),
      ...(policy && { policy }),
      requireSignature: inputs.requireSignature,
      ...registry,
    });
    warnings.push(...got.warnings);
    spec = got.spec;
    about = { image: inputs.image, ...(got.platform && { platform: got.platform }), artifact: got.artifact };
  } else {
    spec = await specFile(inputs.spec!, warnings);
    about = { spec: inputs.spec! };
  }

  let host;
  let unavailable: UnavailableSource[] = [];
  let nodeFeature: NodeFeature;
  if (inputs.features) {
    const hosts = parseFeaturesDocument(
      await readSource(inputs.features, MAX_FEATURES_BYTES),
      inputs.features,
    );
    if (hosts.length !== 1)
      throw new InputError(`input "features": the snapshot holds ${hosts.length} nodes; give one host`);
    host = hosts[0]!;
    nodeFeature = nodeFeatureOf(host);
  } else {
    const machine = await hostFromMachine(inputs.hostRoot, process.env);
    host = machine.host;
    unavailable = machine.unavailable;
    nodeFeature = machine.nodeFeature;
    for (const u of unavailable) notes.push(`feature source ${u.source} unavailable: ${u.reason}`);
  }

  const tags = inputs.compatibility ? [inputs.compatibility] : undefined;
  const result = validate({ spec, hosts: [host], ...(tags && { tags }) });
  const report = buildReport({
    result,
    host,
    ...about,
    ...(inputs.compatibility && { compatibility: inputs.compatibility }),
    unavailable,
    ...(inputs.runnerName && { runner: inputs.runnerName }),
  });
  await mkdir(inputs.outputDir, { recursive: true });
  const reportFile = path.join(inputs.outputDir, 'report.json');
  const featuresFile = path.join(inputs.outputDir, 'features.json');
  await writeFile(reportFile, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(featuresFile, `${JSON.stringify(nodeFeature, null, 2)}\n`);
  return { report, reportFile, featuresFile, markdown: renderValidationMarkdown(report), warnings, notes };
}

export async function publish(outcome: ValidateOutcome, inputs: ValidateInputs): Promise<void> {
  for (const n of outcome.notes) core.info(inInputWords(n));
  for (const w of outcome.warnings) core.warning(inInputWords(w), { title: 'image-compat' });
  const { report } = outcome;
  setOutputs({ compatible: report.compatible, report: outcome.reportFile, features: outcome.featuresFile });
  const overflow = annotate(validationAnnotations(report));
  await writeSummary(outcome.markdown + overflowMarkdown(overflow));
  core.info(`${report.host.name}: ${report.compatible ? 'compatible' : 'not compatible'}`);
  if (!report.compatible && inputs.failOnIncompatible) process.exitCode = ExitCode.incompatible;
}
