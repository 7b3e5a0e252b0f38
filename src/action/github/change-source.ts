// Where the check action learns what a change touched: the event (pull_request, merge_group or
// push) names the base and head commits, and the GitHub API lists the changed files and reads the
// config at the base commit, so the default depth-1 checkout serves (no `fetch-depth: 0`, no
// `git diff`). Explicit inputs win: base-ref/base-config/base-image, and files.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ImageCompatError } from '../../errors.js';
import type { GitHubRepository } from './api.js';
import { changeOf, type Change } from '../../check/event.js';

export interface ChangeSourceOptions {
  github: GitHubRepository;
  /** GITHUB_EVENT_NAME and GITHUB_EVENT_PATH. */
  eventName: string;
  eventPath: string;
  /** The head config, relative to the workspace (the repository root of the checkout). */
  config: string;
  workspace: string;
  /** Read the base config through the API (no explicit baseline input was given). */
  base: boolean;
  /** List the changed files through the API (no `files` input was given). */
  files: boolean;
}

export interface ChangeFromApi {
  change: Change;
  /** Changed files, relative to the workspace; undefined when not asked. */
  files?: string[];
  /** The config at the base commit; undefined when not asked. */
  baseContent?: { ref: string; text: string | undefined };
  notes: string[];
}

async function payloadOf(file: string): Promise<Record<string, unknown> | undefined> {
  try {
    const value: unknown = JSON.parse(await readFile(file, 'utf8'));
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The change of the event through the API; undefined for another event (the check uses git then). */
export async function changeFromApi(opts: ChangeSourceOptions): Promise<ChangeFromApi | undefined> {
  const change = changeOf(opts.eventName, await payloadOf(opts.eventPath));
  if (!change || (!opts.base && !opts.files)) return undefined;
  const notes: string[] = [];
  const out: ChangeFromApi = { change, notes };
  try {
    if (opts.files) {
      const listed = await opts.github.changedFiles(change);
      out.files = listed.files;
      if (listed.truncated) notes.push('the GitHub API listed only part of the changed files (its cap)');
    }
    if (opts.base) {
      const rel = path
        .relative(opts.workspace, path.resolve(opts.workspace, opts.config))
        .split(path.sep)
        .join('/');
      if (change.base === undefined) {
        // A push that created the branch: nothing before it to compare with.
        out.baseContent = { ref: "the new branch's start", text: undefined };
      } else {
        out.baseContent = { ref: change.base, text: await opts.github.textAt(rel, change.base) };
      }
    }
  } catch (err) {
    if (!(err instanceof ImageCompatError)) throw err;
    notes.push(`${err.message}: falling back to git`);
    return { change, notes };
  }
  return out;
}
