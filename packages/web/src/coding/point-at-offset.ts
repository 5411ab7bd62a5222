/**
 * A text offset as a DOM point among the rendered runs (elements carrying `data-o`, their first
 * character's offset): the inverse of `pointOffset`, for putting a selection made by keys on the
 * page. Null when that text is not rendered (the view is virtualised). At a boundary between two
 * runs a start takes the later run and an end the earlier, so the selection covers no extra node.
 */
export function pointAtOffset(
  root: Element,
  offset: number,
  bias: 'start' | 'end',
): { node: Text; offset: number } | null {
  for (const run of root.querySelectorAll<HTMLElement>('[data-o]')) {
    if (run.closest('[data-skip]')) continue;
    let at = Number(run.dataset.o);
    if (at > offset) break;
    const walker = run.ownerDocument.createTreeWalker(run, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = (node as Text).data.length;
      if (offset < at + length || (bias === 'end' && offset === at + length))
        return { node: node as Text, offset: offset - at };
      at += length;
    }
  }
  return null;
}
