import { WeftError } from '../errors.js';

/** Characters of context kept on each side of a quote (DESIGN.md: 32, as Hypothesis stores). */
export const QUOTE_CONTEXT_LENGTH = 32;

/** Where a coding sits, in UTF-16 code units of one document version's canonical text. */
export interface TextPositionSelector {
  type: 'text-position';
  start: number;
  end: number;
}

/** What a coding covers, with the text either side so a repeated phrase can be told apart. */
export interface TextQuoteSelector {
  type: 'text-quote';
  exact: string;
  prefix: string;
  suffix: string;
}

/** A coding's target, as a web annotation anchors one: a position verified by a quote. */
export interface Anchor {
  position: TextPositionSelector;
  quote: TextQuoteSelector;
}

/** The anchor of `text[start, end)`; throws a validation error for a range outside the text or empty. */
export function makeAnchor(text: string, start: number, end: number): Anchor {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new WeftError(
      'validation',
      `an anchor needs 0 ≤ start < end ≤ ${text.length} (the text's length); got start ${start}, end ${end}`,
      { start, end, length: text.length },
    );
  }
  return {
    position: { type: 'text-position', start, end },
    quote: {
      type: 'text-quote',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + QUOTE_CONTEXT_LENGTH),
    },
  };
}
