// Running external programs (only `nvidia-smi` today), behind an injectable function so tests
// can fake them. Programs never run against a host root: their answer would be this machine's.

export interface ProgramResult {
  /** Exit code; null when killed (timeout) or not started. */
  code: number | null;
  stdout: string;
  stderr: string;
  /** Set when the program could not be started (ENOENT: not installed) or timed out. */
  error?: { code?: string; message: string; timedOut?: boolean };
}

export type RunProgram = (
  file: string,
  args: string[],
  opts: { timeoutMs: number },
) => Promise<ProgramResult>;

/**
 * The default runner: execFile with a timeout, never a shell; `env` for tests (PATH).
 * node:child_process loads on the first program run, not with every collection.
 */
export function makeProgramRunner(env: NodeJS.ProcessEnv = process.env): RunProgram {
  return (file, args, { timeoutMs }) =>
    new Promise((resolve) => {
      process
        .getBuiltinModule('node:child_process')
        .execFile(
          file,
          args,
          { env, timeout: timeoutMs, maxBuffer: 4 * 1024 * 1024, encoding: 'utf8', killSignal: 'SIGKILL' },
          (err, stdout, stderr) => {
            if (!err) return resolve({ code: 0, stdout, stderr });
            const e = err as NodeJS.ErrnoException & { killed?: boolean; code?: string | number };
            const timedOut = e.killed === true && typeof e.code !== 'number';
            if (typeof e.code === 'number') {
              return resolve({ code: e.code, stdout, stderr });
            }
            resolve({
              code: null,
              stdout,
              stderr,
              error: {
                code: typeof e.code === 'string' ? e.code : undefined,
                message: timedOut ? `timed out after ${timeoutMs} ms` : e.message,
                timedOut,
              },
            });
          },
        );
    });
}

export const runProgram: RunProgram = makeProgramRunner();
