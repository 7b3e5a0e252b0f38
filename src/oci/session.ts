// What a client learns about one registry while a command runs, on one object with that lifetime
// (no module-level state): which repositories serve the referrers API, which blobs were seen in
// which repository (for cross-repository mounts), and the blob uploads in flight (concurrent pushes
// of one blob share one upload). Repositories opened with the same session share it; a command
// opens one, so two commands in one process (tests, a long-lived action) never see each other's.
import type { Descriptor } from './types.js';

export class RegistrySession {
  /** Per repository name: whether the registry serves the referrers API there. */
  readonly referrersApi = new Map<string, Promise<boolean>>();
  /** Per blob digest: a repository of this registry it was seen in. */
  private readonly blobs = new Map<string, string>();
  /** Per `repository@digest`: the upload in flight. */
  readonly uploads = new Map<string, Promise<Descriptor>>();

  rememberBlob(repository: string, digest: string): void {
    this.blobs.set(digest, repository);
  }

  /** A repository other than `repository` the blob was seen in, to mount it from. */
  mountSource(repository: string, digest: string): string | undefined {
    const from = this.blobs.get(digest);
    return from !== undefined && from !== repository ? from : undefined;
  }
}
