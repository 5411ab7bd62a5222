import type { CSSProperties } from 'react';
import { type compileKeywords, highlightKeywords } from './highlight-keywords';

const MARK: Record<'include' | 'exclude', CSSProperties> = {
  include: {
    background: 'var(--mantine-color-teal-0)',
    color: 'var(--mantine-color-teal-9)',
    boxShadow: 'inset 0 -2px 0 var(--mantine-color-teal-4)',
  },
  exclude: {
    background: 'var(--mantine-color-red-0)',
    color: 'var(--mantine-color-red-9)',
    boxShadow: 'inset 0 -2px 0 var(--mantine-color-red-4)',
  },
};

/** Text with the stage's include/exclude keywords marked (green/red, underlined for colour-blind readers). */
export function HighlightedText({
  text,
  keywords,
}: {
  text: string;
  keywords: ReturnType<typeof compileKeywords>;
}) {
  return (
    <>
      {highlightKeywords(text, keywords).map((segment, index) =>
        segment.kind ? (
          <mark
            // Segments never reorder: the index is a stable key.
            // biome-ignore lint/suspicious/noArrayIndexKey: positional segments of one text
            key={index}
            data-keyword={segment.kind}
            title={`${segment.kind === 'include' ? 'Include' : 'Exclude'} keyword: ${segment.keyword}`}
            style={{ ...MARK[segment.kind], borderRadius: 2, padding: '0 1px' }}
          >
            {segment.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: positional segments of one text
          <span key={index}>{segment.text}</span>
        ),
      )}
    </>
  );
}
