import { Loader, Text } from '@mantine/core';
import { type RichDoc, richDocText } from '@weft/core';
import { type ComponentProps, lazy, Suspense } from 'react';
import type { MemoEditor, MemoText } from './memo-rich-text';

// TipTap and ProseMirror are about 440 kB: they load the first time a memo is shown or written,
// not with every page that has a memo panel (the coding screen, the cases page).
const MemoEditorModule = lazy(async () => ({ default: (await import('./memo-rich-text')).MemoEditor }));
const MemoTextModule = lazy(async () => ({ default: (await import('./memo-rich-text')).MemoText }));

export const EMPTY_DOC: RichDoc = { type: 'doc', content: [{ type: 'paragraph' }] };

/** `MemoEditor`, loaded on first use. */
export function LazyMemoEditor(props: ComponentProps<typeof MemoEditor>) {
  return (
    <Suspense fallback={<Loader size="sm" aria-label="Loading the memo editor" />}>
      <MemoEditorModule {...props} />
    </Suspense>
  );
}

/** `MemoText`, loaded on first use; until then the memo's words as plain text, so nothing jumps. */
export function LazyMemoText(props: ComponentProps<typeof MemoText>) {
  return (
    <Suspense
      fallback={
        <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {richDocText(props.content)}
        </Text>
      }
    >
      <MemoTextModule {...props} />
    </Suspense>
  );
}
