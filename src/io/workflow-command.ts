// GitHub runners read any output line that starts with `::` as a workflow command (`::error`,
// `::add-mask`, `::stop-commands`), and a command's payload ends at a line break. Text from a spec,
// a config, a host or a registry is the author's (in a pull request check: anyone's), so it must
// never start such a line nor break out of a payload. This is the one place that neutralises it:
// every renderer of human-readable output (lint, check, validate and report tables, Markdown, the
// actions' messages) passes its text through `neutraliseText`, and every workflow command we print
// ourselves builds its payload with `commandData`/`commandProperty`.

/** Zero-width space: keeps `::` readable while no longer at the start of the line. */
const BREAK = '\u200b';

/**
 * Human-readable text made safe for a runner's log: every line whose first non-blank characters
 * are `::` gets a zero-width space between the colons. CR alone is a line break to a terminal and
 * to the runner, so it is treated as one. Idempotent.
 */
export function neutraliseText(text: string): string {
  if (!text.includes('::')) return text;
  return text.replace(/(^|[\r\n])([ \t]*):(?=:)/g, `$1$2:${BREAK}`);
}

/** A workflow command's message: `%`, CR and LF escaped as the runner unescapes them. */
export function commandData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: also `:` and `,`. */
export function commandProperty(s: string): string {
  return commandData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::level k=v,...::message`, every part escaped. */
export function workflowCommand(
  command: string,
  properties: Record<string, string | number | undefined>,
  message: string,
): string {
  const props = Object.entries(properties)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${commandProperty(String(v))}`);
  return `::${command}${props.length ? ` ${props.join(',')}` : ''}::${commandData(message)}`;
}
