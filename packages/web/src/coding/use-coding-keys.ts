import type { CodingView } from '@weft/protocol';
import { useEffect, useRef } from 'react';
import { isTypingTarget } from '../screening/screening-keys';
import { adjacentBlockWords } from './block-selection';
import { codingKeyAction } from './coding-keys';
import { moveEdgeByWord } from './selection-offsets';
import type { TextBlock } from './text-blocks';
import type { CodingDocument, Range } from './use-coding-document';

const sameRange = (a: Range, b: Range) => a.start === b.start && a.end === b.end;

export type PaletteMode = { kind: 'apply'; range: Range } | { kind: 'recode'; codingId: string } | null;

/**
 * The coding screen's keys (coding-keys.ts decides what a key means; this carries it out):
 * select text, code, in vivo, shortcuts, recode, uncode, resize by word, undo/redo, help, clear.
 * Off while a dialog is open (`blocked`) or the codebook tree has focus (it has its own keys).
 */
export function useCodingKeys(state: {
  blocked: boolean;
  editable: boolean;
  selection: Range | null;
  selectedCoding: CodingView | undefined;
  shortcuts: ReadonlyMap<string, string>;
  text: string;
  /** The text's blocks, when it is shown as text (a PDF's pages are selected with the mouse). */
  blocks: readonly TextBlock[] | null;
  doc: CodingDocument;
  apply: (codeId: string) => void;
  inVivo: (range: Range) => void;
  clearSelection: () => void;
  /** Selects text by keys: shown selected on the page, as if dragged over with the mouse. */
  selectRange: (range: Range) => void;
  setPalette: (mode: PaletteMode) => void;
  setSelectedCodingId: (id: string | null) => void;
  setReveal: (offset: number) => void;
  openHelp: () => void;
}): void {
  // One listener for the screen's life, reading the state of the latest render: listing every
  // piece of state as an effect dependency re-subscribed it on each selection change.
  const latest = useRef(state);
  latest.current = state;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const { blocked, editable, selection, selectedCoding, shortcuts, text, blocks, doc } = latest.current;
      const {
        apply,
        inVivo,
        clearSelection,
        selectRange,
        setPalette,
        setSelectedCodingId,
        setReveal,
        openHelp,
      } = latest.current;
      if (blocked) return;
      const target = e.target instanceof Element ? e.target : null;
      if (target?.closest('[role="tree"]')) return;
      const action = codingKeyAction(e, {
        typing: isTypingTarget(e.target),
        hasSelection: editable && selection !== null,
        hasCoding: editable && selectedCoding !== undefined,
        shortcuts,
      });
      if (!action) return;
      if (!editable && action.kind !== 'help' && action.kind !== 'clear') return;
      e.preventDefault();
      switch (action.kind) {
        case 'palette':
          if (selection) setPalette({ kind: 'apply', range: selection });
          break;
        case 'in-vivo':
          if (selection) inVivo(selection);
          break;
        case 'shortcut':
          apply(action.codeId);
          break;
        case 'recode':
          if (selectedCoding) setPalette({ kind: 'recode', codingId: selectedCoding.id });
          break;
        case 'uncode':
          if (selectedCoding) {
            void doc.removeCoding(selectedCoding.id);
            setSelectedCodingId(null);
          }
          break;
        case 'resize':
          if (selectedCoding) {
            const next = moveEdgeByWord(text, selectedCoding, action.edge, action.forward);
            if (next && !sameRange(next, selectedCoding)) {
              doc.resize(selectedCoding.id, next);
              setReveal(action.edge === 'end' ? next.end : next.start);
            }
          }
          break;
        case 'select-block': {
          const from =
            selection ?? (selectedCoding ? { start: selectedCoding.start, end: selectedCoding.end } : null);
          const next = blocks ? adjacentBlockWords(text, blocks, from, action.forward) : null;
          if (next) selectRange(next);
          break;
        }
        case 'adjust-selection':
          if (selection) {
            const next = moveEdgeByWord(text, selection, action.edge, action.forward);
            if (next && !sameRange(next, selection)) selectRange(next);
          }
          break;
        case 'undo':
        case 'redo':
          void doc.undoRedo(action.kind);
          break;
        case 'help':
          openHelp();
          break;
        case 'clear':
          clearSelection();
          setSelectedCodingId(null);
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
