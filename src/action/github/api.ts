// The few GitHub REST calls the actions make, through @actions/github's Octokit (which honours
// GITHUB_API_URL, so GitHub Enterprise Server and a test's stand-in server work alike): the files a
// change touched, a file's text at a commit, and the issue comments of a pull request. One object
// per repository and token, so the client lives as long as the step that made it.
import { getOctokit } from '@actions/github';
import { RegistryError } from '../../errors.js';
import type { Change } from '../../check/event.js';

export type Octokit = ReturnType<typeof getOctokit>;

/** The REST API's own cap: pulls.listFiles lists at most 3,000 files, compare at most 300. */
const MAX_FILE_PAGES = 30;
/** A config is small; a larger file at the base commit is not one (and is not read whole). */
const MAX_CONTENT_BYTES = 4 * 1024 * 1024;

export interface ChangedFiles {
  /** Paths relative to the repository root, of files added, modified, renamed or copied. */
  files: string[];
  /** True when the API listed only part of the change (its caps). */
  truncated: boolean;
}

export interface IssueComment {
  id: number;
  body: string;
}

/** An error status of a REST call: 403 and 404 tell "this token may not" from a fault. */
export function statusOf(err: unknown): number | undefined {
  const status = (err as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** A failed REST call as the registry/network category (exit 3), naming the call and its status. */
function apiError(call: string, err: unknown): RegistryError {
  const status = statusOf(err);
  const message = (err as Error)?.message ?? String(err);
  return new RegistryError(`GitHub API ${call}: ${status ? `${status} ` : ''}${message}`);
}

export class GitHubRepository {
  readonly owner: string;
  readonly repo: string;
  private readonly octokit: Octokit;

  /** `repository` is `owner/name` (GITHUB_REPOSITORY). */
  constructor(token: string, repository: string, octokit?: Octokit) {
    const [owner, repo, ...rest] = repository.split('/');
    if (!owner || !repo || rest.length)
      throw new RegistryError(`not a repository name (owner/name): ${JSON.stringify(repository)}`);
    this.owner = owner;
    this.repo = repo;
    this.octokit = octokit ?? getOctokit(token);
  }

  /** The files a change touched, without those it removed (nothing there to lint). */
  async changedFiles(change: Change): Promise<ChangedFiles> {
    const { owner, repo } = this;
    type File = { filename: string; status: string };
    let listed: File[];
    let truncated = false;
    try {
      if (change.kind === 'pull_request' && change.pullNumber !== undefined) {
        listed = [];
        let pages = 0;
        for await (const page of this.octokit.paginate.iterator(this.octokit.rest.pulls.listFiles, {
          owner,
          repo,
          pull_number: change.pullNumber,
          per_page: 100,
        })) {
          listed.push(...(page.data as File[]));
          if (++pages >= MAX_FILE_PAGES) {
            truncated = page.data.length === 100;
            break;
          }
        }
      } else if (change.base !== undefined) {
        const { data } = await this.octokit.rest.repos.compareCommitsWithBasehead({
          owner,
          repo,
          basehead: `${change.base}...${change.head}`,
          per_page: 100,
        });
        listed = (data.files ?? []) as File[];
        truncated = listed.length >= 300;
      } else {
        const { data } = await this.octokit.rest.repos.getCommit({ owner, repo, ref: change.head });
        listed = (data.files ?? []) as File[];
        truncated = listed.length >= 300;
      }
    } catch (err) {
      throw apiError('list the changed files', err);
    }
    return { files: listed.filter((f) => f.status !== 'removed').map((f) => f.filename), truncated };
  }

  /** A file's text at a commit; undefined when it does not exist there. */
  async textAt(file: string, ref: string): Promise<string | undefined> {
    let data: unknown;
    try {
      ({ data } = await this.octokit.rest.repos.getContent({
        owner: this.owner,
        repo: this.repo,
        path: file,
        ref,
        mediaType: { format: 'raw' },
      }));
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw apiError(`read ${file} at ${ref}`, err);
    }
    if (typeof data !== 'string') throw apiError(`read ${file} at ${ref}`, new Error('not a file'));
    if (Buffer.byteLength(data) > MAX_CONTENT_BYTES)
      throw apiError(`read ${file} at ${ref}`, new Error(`larger than ${MAX_CONTENT_BYTES} bytes`));
    return data;
  }

  /** The pull request's comments (issue comments) whose body contains the marker. */
  async commentsWith(pullNumber: number, marker: string): Promise<IssueComment[]> {
    const found: IssueComment[] = [];
    for await (const page of this.octokit.paginate.iterator(this.octokit.rest.issues.listComments, {
      owner: this.owner,
      repo: this.repo,
      issue_number: pullNumber,
      per_page: 100,
    })) {
      for (const c of page.data) if (c.body?.includes(marker)) found.push({ id: c.id, body: c.body });
    }
    return found;
  }

  async createComment(pullNumber: number, body: string): Promise<number> {
    const { data } = await this.octokit.rest.issues.createComment({
      owner: this.owner,
      repo: this.repo,
      issue_number: pullNumber,
      body,
    });
    return data.id;
  }

  async updateComment(id: number, body: string): Promise<void> {
    await this.octokit.rest.issues.updateComment({
      owner: this.owner,
      repo: this.repo,
      comment_id: id,
      body,
    });
  }
}
