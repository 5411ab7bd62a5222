import type { DuplicateEvidenceView } from '@weft/protocol';

export type FieldOutcome = DuplicateEvidenceView['outcome'] | 'differs' | 'same';

const squash = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * How one row of a duplicate pair reads. The engine's verdict wins, except its "missing": the engine
 * says so when it did not weigh the field (abstracts under 100 characters, or titles too far apart to
 * bother), which is not the same as a record lacking it. With both values present, compare the text.
 */
export function fieldOutcome(
  a: string,
  b: string,
  found: Pick<DuplicateEvidenceView, 'outcome'> | undefined,
): FieldOutcome {
  if (!a || !b) return 'missing';
  if (found && found.outcome !== 'missing') return found.outcome;
  return squash(a) === squash(b) ? 'same' : 'differs';
}
