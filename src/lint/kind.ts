// Which kind of document a value is, by content: a config says `version: 1` and names its sets; a
// spec says `version: v1alpha1` (or has sets of rules). Apart from the linter, so that telling a
// config from a spec (validate --spec refuses a config) loads neither.
export type DocumentKind = 'config' | 'spec';

export function detectKind(value: unknown): DocumentKind | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const v = value as { version?: unknown; compatibilities?: unknown };
  if (typeof v.version === 'string' && /^v\d/.test(v.version)) return 'spec';
  if (typeof v.version === 'number') return 'config';
  const sets = Array.isArray(v.compatibilities) ? (v.compatibilities as Array<Record<string, unknown>>) : [];
  if (sets.some((s) => s && typeof s === 'object' && ('name' in s || 'require' in s))) return 'config';
  if (sets.some((s) => s && typeof s === 'object' && 'rules' in s)) return 'spec';
  return undefined;
}
