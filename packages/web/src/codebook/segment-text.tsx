import { Text } from '@mantine/core';
import type { Segment } from '@weft/protocol';
import { type SegmentContext, segmentContext } from './segment-context';

/**
 * A coded passage with as much context as asked for: the text before and after dimmed, the
 * passage itself marked in its code's colour and set in full contrast so it stands out.
 */
export function SegmentText({
  segment,
  colour,
  context = 'paragraph',
}: {
  segment: Segment;
  colour: string | null;
  context?: SegmentContext;
}) {
  const mark = colour ?? '#868e96';
  const around = segmentContext(segment.before, segment.after, context);
  return (
    <Text fz="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      <Text span c="dimmed" inherit>
        {around.cutBefore ? '…' : ''}
        {around.before}
      </Text>
      <Text
        span
        inherit
        fw={600}
        c="var(--mantine-color-text)"
        data-testid="segment-passage"
        style={{
          background: `${mark}40`,
          boxShadow: `inset 0 -2px 0 ${mark}`,
          borderRadius: 3,
          padding: '1px 2px',
        }}
      >
        {segment.exact}
      </Text>
      <Text span c="dimmed" inherit>
        {around.after}
        {around.cutAfter ? '…' : ''}
      </Text>
    </Text>
  );
}
