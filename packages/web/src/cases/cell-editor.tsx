import type { AttributeView } from '@weft/protocol';
import type { KeyboardEvent } from 'react';
import { TYPE_HINTS } from './cell-value';

export type CommitMove = 'down' | 'right' | 'left' | 'none';

/**
 * The editor inside one cell: a select for choices and yes/no, a text box for the rest (dates as
 * YYYY-MM-DD, as stored and exported). Enter commits and moves down, Tab right, Esc cancels; the
 * server checks the value and the sheet shows its message when it is refused.
 */
export function CellEditor({
  attribute,
  draft,
  label,
  onDraft,
  onCommit,
  onCancel,
}: {
  /** Null for the case-name column. */
  attribute: AttributeView | null;
  draft: string;
  label: string;
  onDraft: (value: string) => void;
  onCommit: (move: CommitMove) => void;
  onCancel: () => void;
}) {
  const keys = (event: KeyboardEvent<HTMLInputElement | HTMLSelectElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      onCommit('down');
    } else if (event.key === 'Tab') {
      event.preventDefault();
      onCommit(event.shiftKey ? 'left' : 'right');
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
    event.stopPropagation();
  };
  const choices =
    attribute?.valueType === 'choice'
      ? attribute.options.map((o) => ({ value: o, label: o }))
      : attribute?.valueType === 'boolean'
        ? [
            { value: 'true', label: 'Yes' },
            { value: 'false', label: 'No' },
          ]
        : null;
  if (choices)
    return (
      <select
        className="weft-cell-editor"
        aria-label={label}
        // biome-ignore lint/a11y/noAutofocus: the editor opens because the user asked to edit this cell
        autoFocus
        value={draft}
        onChange={(e) => onDraft(e.currentTarget.value)}
        onKeyDown={keys}
        onBlur={() => onCommit('none')}
      >
        <option value="">(none)</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    );
  return (
    <input
      className="weft-cell-editor"
      aria-label={label}
      // biome-ignore lint/a11y/noAutofocus: the editor opens because the user asked to edit this cell
      autoFocus
      value={draft}
      placeholder={attribute ? TYPE_HINTS[attribute.valueType] : 'Case name'}
      inputMode={attribute?.valueType === 'number' ? 'decimal' : undefined}
      onChange={(e) => onDraft(e.currentTarget.value)}
      onKeyDown={keys}
      onBlur={() => onCommit('none')}
    />
  );
}
