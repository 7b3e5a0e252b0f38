// What changed, read from the event that started the workflow: a pull request (its base and head
// SHAs and number), a merge queue group (merge_group: base_sha, head_sha) or a push (before,
// after). Pure: the payload in, the change out, so the check can ask the GitHub API for the files
// and the base config instead of needing a full-depth checkout.

export type ChangeKind = 'pull_request' | 'merge_group' | 'push';

export interface Change {
  kind: ChangeKind;
  /** The commit compared with; undefined for a push that created the branch (nothing before it). */
  base?: string;
  head: string;
  /** The pull request's number, where there is one to comment on. */
  pullNumber?: number;
}

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
/** A push that creates a branch has `before` all zeros. */
const NO_COMMIT = /^0+$/;

type Payload = Record<string, unknown> | undefined;

function sha(value: unknown): string | undefined {
  return typeof value === 'string' && SHA.test(value) ? value : undefined;
}

function field(obj: unknown, key: string): unknown {
  return obj !== null && typeof obj === 'object' ? (obj as Record<string, unknown>)[key] : undefined;
}

/** The event name a payload's shape says (the CLI's `--event FILE` has no name beside it). */
export function eventNameOf(payload: Payload): ChangeKind | undefined {
  if (field(payload, 'pull_request') !== undefined) return 'pull_request';
  if (field(payload, 'merge_group') !== undefined) return 'merge_group';
  if (field(payload, 'after') !== undefined && field(payload, 'before') !== undefined) return 'push';
  return undefined;
}

/** The change of a pull_request(_target), merge_group or push event; undefined for any other event. */
export function changeOf(eventName: string, payload: Payload): Change | undefined {
  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target': {
      const pr = field(payload, 'pull_request');
      const base = sha(field(field(pr, 'base'), 'sha'));
      const head = sha(field(field(pr, 'head'), 'sha'));
      const number = field(pr, 'number') ?? field(payload, 'number');
      if (!base || !head) return undefined;
      return {
        kind: 'pull_request',
        base,
        head,
        ...(typeof number === 'number' &&
          Number.isSafeInteger(number) &&
          number > 0 && { pullNumber: number }),
      };
    }
    case 'merge_group': {
      const group = field(payload, 'merge_group');
      const base = sha(field(group, 'base_sha'));
      const head = sha(field(group, 'head_sha'));
      return base && head ? { kind: 'merge_group', base, head } : undefined;
    }
    case 'push': {
      const head = sha(field(payload, 'after'));
      if (!head) return undefined;
      const before = field(payload, 'before');
      const base = typeof before === 'string' && NO_COMMIT.test(before) ? undefined : sha(before);
      return { kind: 'push', head, ...(base && { base }) };
    }
    default:
      return undefined;
  }
}
