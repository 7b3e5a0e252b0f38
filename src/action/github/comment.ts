// The pull-request comment that carries a check's result and is updated in place on every run,
// found again by a hidden marker (as dependency-review-action does), so a pull request has one
// comment per check, not one per push. `comment-summary-in-pr` says when: always, on-failure
// (also updating an earlier comment once the check passes, so no stale failure stays) or never.
import type { GitHubRepository } from './api.js';
import { statusOf } from './api.js';

export type CommentPolicy = 'always' | 'on-failure' | 'never';
export const COMMENT_POLICIES: readonly CommentPolicy[] = ['always', 'on-failure', 'never'];

/** GitHub refuses comment bodies over 65,536 characters. */
export const COMMENT_LIMIT = 65_536;

/** The hidden line that identifies this comment among the pull request's comments. */
export function commentMarker(id: string): string {
  // An HTML comment cannot contain `--`; the id is ours (action and config path), keep it tame.
  return `<!-- image-compat: ${id.replace(/-{2,}/g, '-').replace(/[<>]/g, '')} -->`;
}

/** The comment's body: the marker, then the markdown, cut to fit with a note where it was cut. */
export function commentBody(marker: string, markdown: string, limit = COMMENT_LIMIT): string {
  const body = `${marker}\n${markdown}`;
  if (body.length <= limit) return body;
  const note = '\n\n… cut to fit a comment: the job summary has the whole result.\n';
  return body.slice(0, limit - note.length) + note;
}

export type CommentOutcome =
  | { action: 'created' | 'updated'; id: number }
  | { action: 'skipped'; reason: string }
  | { action: 'forbidden' | 'failed'; reason: string };

/**
 * Creates or updates the marked comment when the policy asks for one. A token that may not
 * comment (403/404: a fork's pull request, no `pull-requests: write`) is an outcome, not an
 * error, and neither is any other failure of the API: the caller warns, the check's verdict stands.
 */
export async function upsertComment(
  github: GitHubRepository,
  pullNumber: number,
  marker: string,
  body: string,
  policy: CommentPolicy,
  failed: boolean,
): Promise<CommentOutcome> {
  if (policy === 'never') return { action: 'skipped', reason: 'comment-summary-in-pr is never' };
  try {
    const existing = await github.commentsWith(pullNumber, marker);
    const mine = existing[0];
    if (policy === 'on-failure' && !failed && !mine)
      return { action: 'skipped', reason: 'the check passed (comment-summary-in-pr is on-failure)' };
    if (mine) {
      if (mine.body !== body) await github.updateComment(mine.id, body);
      return { action: 'updated', id: mine.id };
    }
    return { action: 'created', id: await github.createComment(pullNumber, body) };
  } catch (err) {
    const status = statusOf(err);
    if (status === 403 || status === 404)
      return {
        action: 'forbidden',
        reason: `the token may not comment on pull request #${pullNumber} (${status}): give the job \`pull-requests: write\`; a pull request from a fork gets a read-only token`,
      };
    return {
      action: 'failed',
      reason: `cannot comment on pull request #${pullNumber}: ${(err as Error).message}`,
    };
  }
}
