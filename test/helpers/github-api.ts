// A stand-in for the GitHub REST API on 127.0.0.1, for the actions that call it (the runner
// passes GITHUB_API_URL, so pointing it here is what GitHub Enterprise Server looks like to them):
// a repository's files at commits, the files of a pull request or a comparison, and a pull
// request's issue comments, with pagination by Link headers as GitHub sends them. Records every
// request (method, path, whether it was authenticated; never the token itself).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChangedFile {
  filename: string;
  status: 'added' | 'modified' | 'removed' | 'renamed';
}

export interface FakeComment {
  id: number;
  body: string;
}

export interface FakeGitHubApi {
  url: string;
  /** path -> text, per commit SHA. */
  contents: Map<string, Map<string, string>>;
  /** pull request number -> files it changed. */
  pullFiles: Map<number, ChangedFile[]>;
  /** `base...head` -> files; `head` alone for a single commit. */
  compareFiles: Map<string, ChangedFile[]>;
  /** pull request number -> its comments. */
  comments: Map<number, FakeComment[]>;
  /** The next comment writes (POST or PATCH) answer this status instead. */
  refuseCommentWrites?: number;
  requests: Array<{ method: string; path: string; authenticated: boolean }>;
  close(): Promise<void>;
}

const PER_PAGE_DEFAULT = 30;

function page<T>(req: IncomingMessage, res: ServerResponse, base: string, all: T[]): T[] {
  const url = new URL(req.url!, base);
  const perPage = Math.min(Number(url.searchParams.get('per_page') ?? PER_PAGE_DEFAULT), 100);
  const n = Math.max(Number(url.searchParams.get('page') ?? 1), 1);
  const last = Math.max(Math.ceil(all.length / perPage), 1);
  if (n < last) {
    const next = new URL(url);
    next.searchParams.set('page', String(n + 1));
    const end = new URL(url);
    end.searchParams.set('page', String(last));
    res.setHeader('link', `<${next}>; rel="next", <${end}>; rel="last"`);
  }
  return all.slice((n - 1) * perPage, n * perPage);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

async function body(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
}

export async function startFakeGitHubApi(owner: string, repo: string): Promise<FakeGitHubApi> {
  let nextId = 1000;
  const api: Omit<FakeGitHubApi, 'url' | 'close'> = {
    contents: new Map(),
    pullFiles: new Map(),
    compareFiles: new Map(),
    comments: new Map(),
    requests: [],
  };
  const prefix = `/repos/${owner}/${repo}`;
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url!, 'http://127.0.0.1');
      const base = `http://${req.headers.host}`;
      api.requests.push({
        method: req.method!,
        path: url.pathname,
        authenticated: /^(token|bearer) \S+/i.test(req.headers.authorization ?? ''),
      });
      if (!url.pathname.startsWith(prefix)) return json(res, 404, { message: 'Not Found' });
      const rest = url.pathname.slice(prefix.length);
      let m: RegExpMatchArray | null;
      if (req.method === 'GET' && (m = rest.match(/^\/pulls\/(\d+)\/files$/))) {
        const files = api.pullFiles.get(Number(m[1]));
        if (!files) return json(res, 404, { message: 'Not Found' });
        return json(res, 200, page(req, res, base, files));
      }
      if (req.method === 'GET' && (m = rest.match(/^\/compare\/(.+)$/))) {
        const files = api.compareFiles.get(decodeURIComponent(m[1]!));
        if (!files) return json(res, 404, { message: 'Not Found' });
        return json(res, 200, { status: 'ahead', files });
      }
      if (req.method === 'GET' && (m = rest.match(/^\/commits\/([^/]+)$/))) {
        const files = api.compareFiles.get(m[1]!);
        if (!files) return json(res, 422, { message: 'No commit found' });
        return json(res, 200, { sha: m[1], files });
      }
      if (req.method === 'GET' && (m = rest.match(/^\/contents\/(.+)$/))) {
        const text = api.contents.get(url.searchParams.get('ref') ?? '')?.get(decodeURIComponent(m[1]!));
        if (text === undefined) return json(res, 404, { message: 'Not Found' });
        if (!/application\/vnd\.github(\.v3)?\.raw/.test(req.headers.accept ?? ''))
          return json(res, 415, { message: 'this stand-in answers only the raw media type' });
        res.writeHead(200, { 'content-type': 'application/vnd.github.raw; charset=utf-8' });
        return res.end(text);
      }
      if ((m = rest.match(/^\/issues\/(\d+)\/comments$/))) {
        const n = Number(m[1]);
        const list = api.comments.get(n) ?? [];
        if (req.method === 'GET') return json(res, 200, page(req, res, base, list));
        if (req.method === 'POST') {
          const { body: text } = await body(req);
          if (api.refuseCommentWrites)
            return json(res, api.refuseCommentWrites, { message: 'Resource not accessible by integration' });
          const c = { id: nextId++, body: String(text) };
          api.comments.set(n, [...list, c]);
          return json(res, 201, c);
        }
      }
      if (req.method === 'PATCH' && (m = rest.match(/^\/issues\/comments\/(\d+)$/))) {
        const { body: text } = await body(req);
        if (api.refuseCommentWrites)
          return json(res, api.refuseCommentWrites, { message: 'Resource not accessible by integration' });
        for (const list of api.comments.values()) {
          const c = list.find((x) => x.id === Number(m![1]));
          if (c) {
            c.body = String(text);
            return json(res, 200, c);
          }
        }
        return json(res, 404, { message: 'Not Found' });
      }
      return json(res, 404, { message: 'Not Found' });
    })().catch((err: unknown) => json(res, 500, { message: String(err) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    ...api,
    get refuseCommentWrites() {
      return api.refuseCommentWrites;
    },
    set refuseCommentWrites(v) {
      api.refuseCommentWrites = v;
    },
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
