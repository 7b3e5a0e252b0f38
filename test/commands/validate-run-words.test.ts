// The shared validation run (src/commands/validate-run.ts) names the request's fields as settings
// (src/settings.ts), like every lower room; each edge writes them in its own words: the CLI its
// flags, the validate action its inputs. Every refusal of checkRequest and runValidation, at both edges.
import { describe, expect, it } from '@jest/globals';
import { inInputWords } from '../../src/action/words.js';
import { inCliWords } from '../../src/cli/words.js';
import { checkRequest, runValidation, type ValidationRequest } from '../../src/commands/validate-run.js';

const BASE: ValidationRequest = { policy: {}, requireSignature: false };
const QUIET = { note: () => undefined, warn: () => undefined };

async function refusal(req: Partial<ValidationRequest>): Promise<string> {
  try {
    await runValidation({ ...BASE, ...req }, QUIET);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('validate-run messages in each edge’s words', () => {
  it.each<[Partial<ValidationRequest>, string, string]>([
    [
      {},
      'give exactly one of --spec FILE, --config FILE and --image REF',
      'give exactly one of `spec`, `config` and `image`',
    ],
    [
      { spec: 's.yaml', features: 'f.json', hostRoot: '/host' },
      'give --features or --host-root, not both',
      'give `features` or `host-root`, not both',
    ],
    [
      { spec: 's.yaml', tags: ['a'], compatibility: 'b' },
      'give --tags or --compatibility, not both',
      'give `compatibility` or `compatibility`, not both',
    ],
    [
      { spec: 's.yaml', platform: 'linux/amd64' },
      '--platform needs --image REF or --config FILE',
      '`platform` needs `image` or `config`',
    ],
    [{ spec: 's.yaml', manifest: 'sha256:00' }, '--manifest needs --image REF', '`manifest` needs `image`'],
    [
      { spec: 's.yaml', requireSignature: true },
      '--require-signature needs --image REF',
      '`require-signature` needs `image`',
    ],
    [
      { spec: 's.yaml', policy: { key: 'k.pub' } },
      'signature policy (--key, --certificate-identity, --certificate-identity-regexp, --certificate-oidc-issuer, --trusted-root) needs --image REF',
      'signature policy (`public-key`, `certificate-identity`, `certificate-identity-regexp`, `certificate-oidc-issuer`, `trusted-root`) needs `image`',
    ],
  ])('checkRequest %j', (req, cli, action) => {
    let message = '';
    try {
      checkRequest({ ...BASE, ...req });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(inCliWords(message)).toBe(cli);
    expect(inInputWords(message)).toBe(action);
  });

  it('a required signature without a policy lists the policy settings', async () => {
    const message = await refusal({ image: 'registry.invalid/app:1', requireSignature: true });
    expect(inCliWords(message)).toBe(
      '--require-signature needs a policy: --key, or --certificate-identity (or --certificate-identity-regexp) with --certificate-oidc-issuer [and --trusted-root]',
    );
    expect(inInputWords(message)).toBe(
      '`require-signature` needs a policy: `public-key`, or `certificate-identity` (or `certificate-identity-regexp`) with `certificate-oidc-issuer` [and `trusted-root`]',
    );
  });

  it('one host: names the settings that asked for it, and the snapshot that gave several', async () => {
    const cluster = { spec: 'examples/specs/gpu.yaml', features: 'examples/hosts/cluster.json' };
    const one = await refusal({ ...cluster, oneHost: ['report'] });
    expect(inCliWords(one)).toBe('--report describes one host; --features gave 3');
    expect(inInputWords(one)).toBe('`report` describes one host; `features` gave 3');
    const all = await refusal({ ...cluster, oneHost: ['report', 'save-features', 'attest'] });
    expect(inCliWords(all)).toBe(
      '--report, --save-features and --attest describe one host; --features gave 3',
    );
  });

  it('a set selection that selects nothing names the setting that made it', async () => {
    const base = { spec: 'examples/specs/gpu.yaml', features: 'examples/hosts/h100-server.json' };
    const tags = await refusal({ ...base, tags: ['nope'] });
    expect(inCliWords(tags)).toMatch(/^--tags nope selects no compatibility set/);
    expect(inInputWords(tags)).toMatch(/^`compatibility` nope selects no compatibility set/);
    const set = await refusal({ ...base, compatibility: 'nope' });
    expect(inCliWords(set)).toMatch(/^--compatibility nope selects no compatibility set/);
    expect(inInputWords(set)).toMatch(/^`compatibility` nope selects no compatibility set/);
  });
});
