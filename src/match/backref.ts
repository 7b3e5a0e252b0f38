// The rule.matched feature of one evaluateSpec: as NFD's InsertAttributeFeatures, it exists from
// the first rule on, even with no vars, and gathers every rule's vars. Only the lists that read
// rule.matched see it (ListOutcomes): they get a working copy of the host's features with it,
// made when such a list is first evaluated; every other list reads the host's features as they
// are, so that a spec without rule.matched terms (nearly every spec) copies nothing per host.
import type { Features } from '../features/types.js';
import { assignOwn } from './host.js';

export class Backref {
  /** Whether a rule has been evaluated: from then on rule.matched exists. */
  private started = false;
  private elements?: Record<string, string>;
  private working?: Features;

  /** `host`: the host's features, as given (never written to). */
  constructor(private readonly host: Features) {}

  /** The features as a list reading rule.matched sees them now. */
  features(): Features {
    if (!this.started) return this.host;
    if (!this.working) {
      const attributes = { ...(this.host.attributes ?? {}) };
      attributes['rule.matched'] = { elements: this.own() };
      this.working = { ...this.host, attributes };
    }
    return this.working;
  }

  /** After each rule: its vars (NFD's rule output) join rule.matched. */
  add(vars: Record<string, string> | undefined): void {
    this.started = true;
    if (vars && Object.keys(vars).length) assignOwn(this.own(), vars);
  }

  /** rule.matched's elements, copied once from the host's (if any), then grown in place. */
  private own(): Record<string, string> {
    return (this.elements ??= { ...(this.host.attributes?.['rule.matched']?.elements ?? {}) });
  }
}
