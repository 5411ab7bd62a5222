import '@mantine/tiptap/styles.css';
import './memo-text.css';
import { RichTextEditor } from '@mantine/tiptap';
import { type Content, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import type { RichDoc } from '@weft/core';
import { useEffect } from 'react';

/*
 * The memo editor and viewer: TipTap (ProseMirror) through Mantine's toolbar. Both render through
 * the editor's schema, so a memo's content can never reach the page as raw HTML; the server keeps
 * only core's whitelist of what is saved (sanitizeRichDoc).
 */

const EXTENSIONS = [
  StarterKit.configure({
    heading: { levels: [2, 3] },
    codeBlock: false,
    link: { openOnClick: false, autolink: true, protocols: ['mailto'] },
  }),
];

/** Whether the keyboard is in a text field (an input, or another editor). */
function focusIsInAField(): boolean {
  const active = document.activeElement;
  return (
    active instanceof HTMLElement && (active.isContentEditable || active.matches('input, textarea, select'))
  );
}

export function MemoEditor({
  value,
  onChange,
  label,
  minHeight = 140,
  autoFocus = false,
  compact = false,
}: {
  value: RichDoc;
  onChange: (doc: RichDoc) => void;
  label: string;
  minHeight?: number;
  autoFocus?: boolean;
  compact?: boolean;
}) {
  const editor = useEditor({
    extensions: EXTENSIONS,
    content: value as Content,
    // The editor's code may arrive after the writer has already gone to another field (the title):
    // focus the editor only if they have not, or their next keys would land in the memo. Checked
    // and focused in one step: TipTap's own focus command waits a frame, long enough for the
    // writer (or a test) to reach the title in between.
    onCreate: ({ editor: created }) => {
      if (!autoFocus || focusIsInAField()) return;
      created.commands.setTextSelection(created.state.doc.content.size);
      created.view.focus();
    },
    immediatelyRender: true,
    shouldRerenderOnTransaction: true,
    editorProps: { attributes: { 'aria-label': label, 'aria-multiline': 'true', role: 'textbox' } },
    onUpdate: ({ editor: e }) => onChange(e.getJSON() as RichDoc),
  });
  return (
    <RichTextEditor editor={editor} variant="subtle">
      <RichTextEditor.Toolbar>
        <RichTextEditor.ControlsGroup>
          <RichTextEditor.Bold />
          <RichTextEditor.Italic />
          <RichTextEditor.Underline />
          <RichTextEditor.Strikethrough />
        </RichTextEditor.ControlsGroup>
        <RichTextEditor.ControlsGroup>
          <RichTextEditor.H2 />
          <RichTextEditor.H3 />
          <RichTextEditor.Blockquote />
        </RichTextEditor.ControlsGroup>
        <RichTextEditor.ControlsGroup>
          <RichTextEditor.BulletList />
          <RichTextEditor.OrderedList />
        </RichTextEditor.ControlsGroup>
        <RichTextEditor.ControlsGroup>
          <RichTextEditor.Link />
          <RichTextEditor.Unlink />
        </RichTextEditor.ControlsGroup>
        <RichTextEditor.ControlsGroup>
          <RichTextEditor.Undo />
          <RichTextEditor.Redo />
        </RichTextEditor.ControlsGroup>
      </RichTextEditor.Toolbar>
      <RichTextEditor.Content mih={minHeight} className={compact ? 'weft-memo-text--compact' : undefined} />
    </RichTextEditor>
  );
}

/** A memo's text, read-only (the same schema as the editor, so it looks as it was written). */
export function MemoText({ content, compact = false }: { content: RichDoc; compact?: boolean }) {
  const editor = useEditor({
    extensions: EXTENSIONS,
    content: content as Content,
    editable: false,
    immediatelyRender: true,
  });
  // A live update from someone else replaces what is shown.
  useEffect(() => {
    if (editor && JSON.stringify(editor.getJSON()) !== JSON.stringify(content))
      editor.commands.setContent(content as Content, { emitUpdate: false });
  }, [editor, content]);
  return (
    <RichTextEditor editor={editor} variant="subtle" withTypographyStyles style={{ border: 'none' }}>
      <RichTextEditor.Content
        className={compact ? 'weft-memo-text weft-memo-text--compact' : 'weft-memo-text'}
      />
    </RichTextEditor>
  );
}
