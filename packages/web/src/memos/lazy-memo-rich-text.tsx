import { Loader, Text } from '@mantine/core';
import { type RichDoc, richDocText } from '@weft/core';
import type { ComponentProps } from 'react';
import { CodeLoadFailed } from '../ui/code-load-failed';
import { lazyModule, useLazyModule } from '../ui/use-lazy-module';
import type { MemoEditor, MemoText } from './memo-rich-text';

// TipTap and ProseMirror are about 440 kB: they load the first time a memo is shown or written,
// not with every page that has a memo panel (the coding screen, the cases page).
const richText = lazyModule(() => import('./memo-rich-text'));

export const EMPTY_DOC: RichDoc = { type: 'doc', content: [{ type: 'paragraph' }] };

/** `MemoEditor`, loaded on first use. */
export function LazyMemoEditor(props: ComponentProps<typeof MemoEditor>) {
  const { module, failed } = useLazyModule(richText);
  if (module) return <module.MemoEditor {...props} />;
  if (failed) return <CodeLoadFailed what="memo editor" />;
  return <Loader size="sm" aria-label="Loading the memo editor" />;
}

/** `MemoText`, loaded on first use; until then (or if it fails) the memo's words as plain text. */
export function LazyMemoText(props: ComponentProps<typeof MemoText>) {
  const { module } = useLazyModule(richText);
  if (module) return <module.MemoText {...props} />;
  return (
    <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
      {richDocText(props.content)}
    </Text>
  );
}
