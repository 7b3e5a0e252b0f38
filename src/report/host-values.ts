// hostValues are bounded where results are printed and written: an expression on a host with 500
// PCI devices has up to 500 distinct values, and 10,000 rules of them made 48 MB of JSON. The
// evaluator keeps every value; the table, the JSON, the reports and the summaries show the first
// HOST_VALUES_SHOWN and the total (`hostValuesTotal`), unless all were asked for
// (`--all-host-values`, input `all-host-values`).

/** How many host values an expression carries in output when not all were asked for. */
export const HOST_VALUES_SHOWN = 16;

export interface HostValuesOptions {
  /** Keep every host value (`--all-host-values`); default: the first HOST_VALUES_SHOWN and the total. */
  allHostValues?: boolean;
}

/** The values an output carries, and the total when they were cut (else no `hostValuesTotal`). */
export function capHostValues(
  values: string[],
  opts: HostValuesOptions = {},
): { hostValues: string[]; hostValuesTotal?: number } {
  // Uncut, the evaluator's own array (output only serialises it; never written to).
  if (opts.allHostValues || values.length <= HOST_VALUES_SHOWN) return { hostValues: values };
  return { hostValues: values.slice(0, HOST_VALUES_SHOWN), hostValuesTotal: values.length };
}

/** How many values the host has: the total when the list was cut, else the list's length. */
export function hostValueCount(e: { hostValues?: readonly string[]; hostValuesTotal?: number }): number {
  return e.hostValuesTotal ?? e.hostValues?.length ?? 0;
}
