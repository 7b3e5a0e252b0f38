// Runs a bundled action (dist/<entry>.js) exactly as the runner does: a separate Node process (the
// Node 24 that runs `npm run`, like `runs.using: node24`), inputs as INPUT_<NAME> variables, and
// temporary GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_STATE / GITHUB_ENV / GITHUB_EVENT_PATH
// files; then reads back the outputs, summary, state and the workflow commands printed on stdout.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  state: Record<string, string>;
  env: Record<string, string>;
  /** `::command props::message` lines from stdout, unescaped. */
  commands: WorkflowCommand[];
  /** The RUNNER_TEMP the action ran with (removed after the run unless `keepTemp`). */
  runnerTemp: string;
}

export interface ActionOptions {
  /** Input names as in action.yml (`fail-on-incompatible`). */
  inputs?: Record<string, string>;
  env?: NodeJS.ProcessEnv;
  /** GITHUB_WORKSPACE and the working directory; default: the repository root. */
  workspace?: string;
  event?: unknown;
  timeoutMs?: number;
}

/** The runner's mapping: upper-cased, spaces to `_`, hyphens kept. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

export async function runAction(entry: string, opts: ActionOptions = {}): Promise<ActionRun> {
  const bundle = path.resolve('dist', `${entry}.js`);
  const files = await mkdtemp(path.join(tmpdir(), 'ic-action-'));
  const runnerTemp = path.join(files, 'runner-temp');
  const paths = {
    GITHUB_OUTPUT: path.join(files, 'output'),
    GITHUB_STEP_SUMMARY: path.join(files, 'summary'),
    GITHUB_STATE: path.join(files, 'state'),
    GITHUB_ENV: path.join(files, 'env'),
    GITHUB_EVENT_PATH: path.join(files, 'event.json'),
  };
  for (const f of Object.values(paths).filter((p) => p !== paths.GITHUB_EVENT_PATH)) await writeFile(f, '');
  await writeFile(paths.GITHUB_EVENT_PATH, JSON.stringify(opts.event ?? {}));
  const workspace = opts.workspace ?? process.cwd();

  // Only what a runner sets: no INPUT_* or GITHUB_* leaking in from the test's own environment.
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!/^(INPUT_|GITHUB_|RUNNER_|ACTIONS_)/.test(k)) env[k] = v;
  }
  Object.assign(env, paths, {
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: runnerTemp,
    RUNNER_NAME: 'test-runner',
    RUNNER_OS: 'Linux',
  });
  for (const [name, value] of Object.entries(opts.inputs ?? {})) env[inputVariable(name)] = value;
  Object.assign(env, opts.env);

  try {
    const { code, stdout, stderr } = await spawnNode(bundle, env, workspace, opts.timeoutMs ?? 60_000);
    return {
      code,
      stdout,
      stderr,
      outputs: parseKeyValueFile(await readFile(paths.GITHUB_OUTPUT, 'utf8')),
      summary: await readFile(paths.GITHUB_STEP_SUMMARY, 'utf8'),
      state: parseKeyValueFile(await readFile(paths.GITHUB_STATE, 'utf8')),
      env: parseKeyValueFile(await readFile(paths.GITHUB_ENV, 'utf8')),
      commands: parseWorkflowCommands(stdout),
      runnerTemp,
    };
  } finally {
    await rm(files, { recursive: true, force: true });
  }
}

function spawnNode(
  script: string,
  env: NodeJS.ProcessEnv,
  cwd: string,
  timeout: number,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], timeout });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** GITHUB_OUTPUT / GITHUB_STATE / GITHUB_ENV: `name=value` lines and `name<<DELIM` blocks. */
export function parseKeyValueFile(content: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line) continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!);
      if (i >= lines.length) throw new Error(`unterminated ${name}<<${delimiter} block`);
      out[name!] = value.join('\n');
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 1) throw new Error(`not a name=value line: ${line}`);
    out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

/** `::error file=a.yaml,line=3::message` -> {command, properties, message}, unescaped as the runner does. */
export function parseWorkflowCommands(stdout: string): WorkflowCommand[] {
  const out: WorkflowCommand[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const m = /^::([A-Za-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const properties: Record<string, string> = {};
    for (const pair of (m[2] ?? '').split(',').filter(Boolean)) {
      const eq = pair.indexOf('=');
      properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
    }
    out.push({ command: m[1]!, properties, message: unescapeData(m[3]!) });
  }
  return out;
}

const ESCAPES: Record<string, string> = { '%25': '%', '%0D': '\r', '%0A': '\n', '%3A': ':', '%2C': ',' };

function unescapeData(s: string): string {
  return s.replace(/%(25|0D|0A)/g, (e) => ESCAPES[e]!);
}

function unescapeProperty(s: string): string {
  return s.replace(/%(25|0D|0A|3A|2C)/g, (e) => ESCAPES[e]!);
}
