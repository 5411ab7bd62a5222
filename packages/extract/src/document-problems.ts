import type { ExtractedDocument } from './extracted-document.js';

/**
 * Checks the offset map of a document against its text and returns what is wrong (empty
 * when sound): spans inside the text, non-empty, without surrounding whitespace, blocks in
 * order; utterances start with "Speaker: "; PDF pages and items inside and in order.
 * Storage can run it before saving a version; the tests run it on every fixture.
 */
export function documentProblems(document: ExtractedDocument): string[] {
  const { text } = document;
  const problems: string[] = [];
  const span = (what: string, start: number, end: number) => {
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start > end)
      problems.push(`${what}: [${start}, ${end}) is not a span of the ${text.length}-character text`);
  };
  let previousStart = 0;
  document.structure.forEach((block, i) => {
    const what = `block ${i} (${block.kind})`;
    span(what, block.start, block.end);
    const content = text.slice(block.start, block.end);
    if (content === '') problems.push(`${what} is empty`);
    if (content !== content.trim()) problems.push(`${what} has surrounding whitespace`);
    if (block.start < previousStart) problems.push(`${what} starts before the block ahead of it`);
    previousStart = block.start;
    if (block.speaker !== undefined && !content.startsWith(`${block.speaker}: `))
      problems.push(`${what} does not start with '${block.speaker}: '`);
    if (block.kind === 'heading' && !(block.level !== undefined && block.level >= 1 && block.level <= 6))
      problems.push(`${what} has no heading level 1–6`);
    if (block.startMs !== undefined && block.endMs !== undefined && block.endMs < block.startMs)
      problems.push(`${what} ends before it starts`);
  });
  document.pages?.forEach((page, i) => {
    span(`page ${page.page}`, page.start, page.end);
    if (page.page !== i + 1) problems.push(`page ${i + 1} is numbered ${page.page}`);
    const previous = document.pages?.[i - 1];
    if (previous && page.start < previous.end)
      problems.push(`page ${page.page} overlaps page ${previous.page}`);
  });
  document.items?.forEach((item, i) => {
    span(`item ${i}`, item.start, item.end);
    const page = document.pages?.find((p) => p.page === item.page);
    if (!page || item.start < page.start || item.end > page.end)
      problems.push(`item ${i} lies outside page ${item.page}`);
  });
  return problems;
}
