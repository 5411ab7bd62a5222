import { isBareYear, parseYear } from './year.js';

/**
 * The tag → values bag of one tagged record (RIS, MEDLINE, Web of Science, BibTeX fields,
 * table columns). Mapping tables `take` what they understand, in priority order; whatever
 * is left over becomes `record.extra`, so a field the tables do not know is never lost.
 */
export class TaggedFields {
  private readonly values = new Map<string, string[]>();

  add(tag: string, value: string): void {
    const list = this.values.get(tag);
    if (list) list.push(value);
    else this.values.set(tag, [value]);
  }

  has(tag: string): boolean {
    return (this.values.get(tag)?.length ?? 0) > 0;
  }

  /** Non-consuming look at every value of these tags, in the tags' priority order. */
  peek(tags: readonly string[]): string[] {
    return tags.flatMap((tag) => this.values.get(tag) ?? []);
  }

  /** Consumes the first value of the highest-priority tag present. */
  take(tags: readonly string[]): { tag: string; value: string } | undefined {
    for (const tag of tags) {
      const list = this.values.get(tag);
      if (list && list.length > 0) {
        const value = list.shift() as string;
        return { tag, value };
      }
    }
    return undefined;
  }

  /** Consumes every value of these tags, in the tags' priority order. */
  takeAll(tags: readonly string[]): string[] {
    const out: string[] = [];
    for (const tag of tags) {
      const list = this.values.get(tag);
      if (list) {
        out.push(...list);
        list.length = 0;
      }
    }
    return out;
  }

  /**
   * Consumes the year field and parses it. A value that says more than a bare year (a full
   * date, "2019 Spring") or none at all goes back, so the raw text survives in `extra`.
   */
  takeYear(tags: readonly string[]): { year: number | undefined; tag: string; value: string } | undefined {
    const found = this.take(tags);
    if (!found) return undefined;
    const year = parseYear(found.value);
    if (year === undefined || !isBareYear(found.value)) this.putBack(found.tag, found.value);
    return { year, ...found };
  }

  /** Returns a value to the front of its tag (e.g. a "DOI" that did not parse as one). */
  putBack(tag: string, value: string): void {
    const list = this.values.get(tag);
    if (list) list.unshift(value);
    else this.values.set(tag, [value]);
  }

  /** Everything not consumed, in first-seen tag order. */
  rest(): Record<string, string[]> {
    const extra: Record<string, string[]> = {};
    for (const [tag, list] of this.values) if (list.length > 0) extra[tag] = [...list];
    return extra;
  }
}
