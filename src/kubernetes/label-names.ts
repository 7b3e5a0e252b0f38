// Kubernetes label keys for the generated NodeFeatureRule: `<prefix>/<name>`, the prefix a DNS
// subdomain (at most 253 characters), the name at most 63 characters of [a-zA-Z0-9-_.] that
// begins and ends alphanumeric (apimachinery IsQualifiedName). Names are stable: the same image
// and set always give the same key; text that does not fit is cut and ends in a hash of the whole.
import { InputError } from '../errors.js';

export const DEFAULT_LABEL_PREFIX = 'image-compat.dev';
const NAME_MAX = 63;
const PREFIX_MAX = 253;
const NAME_RE = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const DNS_LABEL_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function isDnsSubdomain(s: string): boolean {
  return s.length > 0 && s.length <= PREFIX_MAX && s.split('.').every((p) => DNS_LABEL_RE.test(p));
}

export function isLabelName(s: string): boolean {
  return s.length <= NAME_MAX && NAME_RE.test(s);
}

/** A valid label key, as Kubernetes' IsQualifiedName checks it. */
export function isQualifiedName(key: string): boolean {
  const slash = key.lastIndexOf('/');
  if (slash < 0) return isLabelName(key);
  return isDnsSubdomain(key.slice(0, slash)) && isLabelName(key.slice(slash + 1));
}

export function checkLabelPrefix(prefix: string, what: string): void {
  if (!isDnsSubdomain(prefix)) {
    throw new InputError(
      `${what} ${JSON.stringify(prefix)} is not a DNS subdomain (lower-case a-z, 0-9, '-' and '.', at most 253 characters)`,
      {},
      `e.g. ${DEFAULT_LABEL_PREFIX}`,
    );
  }
}

/** node:crypto loads here, for a name that needs a hash, not with every start that reads labels. */
function shortHash(text: string): string {
  return process.getBuiltinModule('node:crypto').createHash('sha256').update(text).digest('hex').slice(0, 10);
}

/**
 * A label name for `text`: itself when valid, else the text with every other character made `-`,
 * ends trimmed to alphanumerics, cut to fit and followed by `-<hash of text>` so that two texts
 * never share a name by the rewrite.
 */
export function labelName(text: string, max = NAME_MAX): string {
  if (text.length <= max && NAME_RE.test(text)) return text;
  const hash = shortHash(text);
  const cleaned = text
    .replace(/[^-A-Za-z0-9_.]/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, max - hash.length - 1)
    .replace(/[^A-Za-z0-9]+$/, '');
  return cleaned ? `${cleaned}-${hash}` : hash;
}

/** A DNS subdomain for an object name (`metadata.name`), lower-cased, hashed when rewritten. */
export function objectName(text: string): string {
  if (isDnsSubdomain(text)) return text;
  const hash = shortHash(text);
  const cleaned = text
    .toLowerCase()
    .split('.')
    .map((part) => part.replace(/[^-a-z0-9]/g, '-').replace(/^-+|-+$/g, ''))
    .filter((part) => part !== '')
    .join('.')
    .slice(0, PREFIX_MAX - hash.length - 1)
    .replace(/[^a-z0-9]+$/, '');
  const name = cleaned ? `${cleaned}-${hash}` : hash;
  return isDnsSubdomain(name) ? name : hash;
}
