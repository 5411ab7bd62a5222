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
      prefix: text.slice(widenBackward(text, Math.max(0, start - QUOTE_CONTEXT_LENGTH)), start),
      suffix: text.slice(end, widenForward(text, end + QUOTE_CONTEXT_LENGTH)),
    },
  };
}

/** True when `offset` falls between the two halves of a surrogate pair (an emoji, say). */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/*
 * A context cut inside a pair would store a lone surrogate, which is not valid Unicode: PostgreSQL
 * refuses such JSON. So the cut moves one unit outward and takes the whole character.
 */
function widenBackward(text: string, offset: number): number {
  return splitsSurrogatePair(text, offset) ? offset - 1 : offset;
}

function widenForward(text: string, offset: number): number {
  return splitsSurrogatePair(text, offset) ? offset + 1 : offset;
}

/**
 * Refuses a span whose start or end falls inside a surrogate pair: the quote would hold half a
 * character. A person coding always selects whole characters; a client that sends such an offset
 * has miscounted, and the error names the offset so it can be found.
 */
export function checkSpanBoundaries(text: string, start: number, end: number): void {
  for (const [name, offset] of [
    ['start', start],
    ['end', end],
  ] as const) {
    if (splitsSurrogatePair(text, offset))
      throw new WeftError(
        'validation',
        `The coding's ${name} (offset ${offset}) falls inside a character made of two UTF-16 units (an emoji or similar); move it before or after that character.`,
        { [name]: offset },
      );
  }
}
