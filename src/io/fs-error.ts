// File-system errors in words a person can act on (`no space left on device`), from Node's errno
// codes; the code stays in the text so that it can be searched for.
const WORDS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EISDIR: 'is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  EEXIST: 'exists and is not a folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOSPC: 'no space left on device',
  EIO: 'input/output error',
  EROFS: 'read-only file system',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'name too long',
  EMFILE: 'too many open files',
  EINVAL: 'invalid argument',
  EBADF: 'bad file descriptor',
  ENXIO: 'no such device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
};

export function fsErrorDetail(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code && WORDS[code]) return `${WORDS[code]} (${code})`;
  if (code) return code;
  return err instanceof Error ? err.message : String(err);
}
