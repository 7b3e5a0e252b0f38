// Image references, `host[:port]/path[:tag][@digest]`, with Docker Hub's defaults (`nginx` ->
// `docker.io/library/nginx:latest`, served by `registry-1.docker.io`). Errors name the part at fault.
import { InputError } from '../errors.js';
import { isDigest } from './digest.js';
import { setting } from '../settings.js';

export interface Reference {
  /** The registry as written (or `docker.io`), used for credentials and display. */
  registry: string;
  /** The host[:port] the API lives at (Docker Hub's differs from its name). */
  apiHost: string;
  repository: string;
  tag?: string;
  digest?: string;
}

const COMPONENT_RE = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG_RE = /^\w[\w.-]{0,127}$/;
const HOST_RE =
  /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:.]+\])(?::[0-9]{1,5})?$/;

export const DOCKER_HUB = 'docker.io';
const DOCKER_HUB_API = 'registry-1.docker.io';

function bad(input: string, why: string): InputError {
  return new InputError(
    `invalid image reference ${JSON.stringify(input)}: ${why}`,
    {},
    'expected host[:port]/path[:tag][@digest]',
  );
}

export function parseReference(input: string): Reference {
  const text = input.trim();
  if (text === '') throw bad(input, 'it is empty');
  if (/\s/.test(text)) throw bad(input, 'it contains white space');
  if (/^[a-z]+:\/\//i.test(text))
    throw bad(input, `leave out the scheme (use ${setting('plain-http')} for HTTP)`);

  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!isDigest(digest))
      throw bad(input, `the digest ${JSON.stringify(digest)} is not sha256:<64 hex> or sha512:<128 hex>`);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG_RE.test(tag)) throw bad(input, `the tag ${JSON.stringify(tag)} is not valid`);
  }

  let registry = DOCKER_HUB;
  let path = rest;
  const slash = rest.indexOf('/');
  if (slash >= 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost' || first.startsWith('[')) {
      registry = first;
      path = rest.slice(slash + 1);
    }
  }
  if (!HOST_RE.test(registry))
    throw bad(input, `the registry ${JSON.stringify(registry)} is not a host[:port]`);
  const port = /:(\d+)$/.exec(registry)?.[1];
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535))
    throw bad(input, `port ${port} is out of range`);
  if (path === '') throw bad(input, 'the repository path is missing');
  for (const component of path.split('/')) {
    if (component === '') throw bad(input, 'the repository path has an empty component');
    if (!COMPONENT_RE.test(component)) {
      const why = /[A-Z]/.test(component)
        ? 'must be lowercase'
        : 'may hold only a-z, 0-9 and separators . _ __ -';
      throw bad(input, `the repository component ${JSON.stringify(component)} ${why}`);
    }
  }
  if (path.length > 255) throw bad(input, 'the repository path is longer than 255 characters');

  let apiHost = registry;
  if (registry === DOCKER_HUB || registry === 'index.docker.io') {
    registry = DOCKER_HUB;
    apiHost = DOCKER_HUB_API;
    if (!path.includes('/')) path = `library/${path}`;
  }
  if (tag === undefined && digest === undefined) tag = 'latest';
  return {
    registry,
    apiHost,
    repository: path,
    ...(tag !== undefined && { tag }),
    ...(digest !== undefined && { digest }),
  };
}

/** The reference as `registry/repository[:tag][@digest]`. */
export function formatReference(ref: Reference): string {
  return `${ref.registry}/${ref.repository}${ref.tag !== undefined ? `:${ref.tag}` : ''}${ref.digest !== undefined ? `@${ref.digest}` : ''}`;
}

/** The same repository pinned to a digest (the tag dropped). */
export function withDigest(ref: Reference, digest: string): Reference {
  return { registry: ref.registry, apiHost: ref.apiHost, repository: ref.repository, digest };
}
