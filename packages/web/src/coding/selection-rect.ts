/** Where the selection's action bar goes (viewport coordinates). */
export interface SelectionRect {
  left: number;
  top: number;
  bottom: number;
}

/**
 * The page's selection, where it now is on screen, if it lies in `scroller` and can be seen there;
 * null when it has scrolled out of view (or a virtualised row holding it has gone).
 */
export function visibleSelectionRect(scroller: HTMLElement): SelectionRect | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!scroller.contains(range.commonAncestorContainer)) return null;
  const rect = range.getBoundingClientRect();
  const view = scroller.getBoundingClientRect();
  if (rect.bottom <= view.top || rect.top >= view.bottom) return null;
  return { left: rect.left, top: rect.top, bottom: rect.bottom };
}
