// Terminal colours, on only when asked (the CLI enables them on a TTY without NO_COLOR).
export interface Style {
  ok(s: string): string;
  fail(s: string): string;
  heading(s: string): string;
  dim(s: string): string;
}

const sgr = (open: string, close: string) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`;

export function makeStyle(color: boolean): Style {
  if (!color) return { ok: (s) => s, fail: (s) => s, heading: (s) => s, dim: (s) => s };
  return {
    ok: sgr('32', '39'),
    fail: sgr('31', '39'),
    heading: (s) => sgr('1', '22')(sgr('36', '39')(s)),
    dim: sgr('2', '22'),
  };
}

/** Printable width: escape sequences take no room. */
export function visibleWidth(s: string): number {
  // eslint-disable-next-line no-control-regex
  return [...s.replace(/\x1b\[[0-9;]*m/g, '')].length;
}
