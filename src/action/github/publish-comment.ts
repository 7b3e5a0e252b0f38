// The one way an action comments on the pull request that started it: find the pull request in
// the event, create or update the marked comment as comment-summary-in-pr asks, and log what
// happened; a token that may not comment is a warning, never a failed step.
import * as core from '@actions/core';
import { readFile } from 'node:fs/promises';
import { GitHubRepository } from './api.js';
import { upsertComment, type CommentPolicy } from './comment.js';
import { changeOf } from '../../check/event.js';

export interface PullRequestComment {
  /** The API client, or the token and repository to make one. */
  github?: GitHubRepository;
  token?: string;
  repository?: string;
  /** GITHUB_EVENT_NAME and GITHUB_EVENT_PATH. */
  eventName?: string;
  eventPath?: string;
  /** The pull request's number, when the caller knows it already. */
  pullNumber?: number;
  marker: string;
  body: string;
  policy: CommentPolicy;
  failed: boolean;
  /** The annotation title of a warning (`image-compat check`). */
  title: string;
}

async function pullNumberOf(
  eventName: string | undefined,
  eventPath: string | undefined,
): Promise<number | undefined> {
  if (!eventName || !eventPath) return undefined;
  try {
    return changeOf(eventName, JSON.parse(await readFile(eventPath, 'utf8')) as Record<string, unknown>)
      ?.pullNumber;
  } catch {
    return undefined;
  }
}

export async function publishComment(c: PullRequestComment): Promise<void> {
  if (c.policy === 'never') return;
  const pull = c.pullNumber ?? (await pullNumberOf(c.eventName, c.eventPath));
  if (pull === undefined) return; // not a pull request: nothing to comment on
  if (!c.github && (!c.token || !c.repository)) {
    core.info(`pull request #${pull}: no comment: no github-token`);
    return;
  }
  const github = c.github ?? new GitHubRepository(c.token!, c.repository!);
  const done = await upsertComment(github, pull, c.marker, c.body, c.policy, c.failed);
  if ('id' in done) core.info(`pull request #${pull}: comment ${done.action} (${done.id})`);
  else if (done.action === 'skipped') core.info(`pull request #${pull}: no comment: ${done.reason}`);
  else core.warning(done.reason, { title: c.title });
}
