import { Text } from '@mantine/core';
import type { Segment } from '@weft/protocol';

/** A coded passage with its context: the text before and after dimmed, the passage marked. */
export function SegmentText({ segment, colour }: { segment: Segment; colour: string | null }) {
  const mark = colour ?? '#868e96';
  return (
    <Text fz="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      <Text span c="dimmed" inherit>
        {segment.before.length === 200 ? '…' : ''}
        {segment.before}
      </Text>
      <Text
        span
        inherit
        fw={500}
        style={{ background: `${mark}33`, boxShadow: `inset 0 -2px 0 ${mark}`, borderRadius: 2 }}
      >
        {segment.exact}
      </Text>
      <Text span c="dimmed" inherit>
        {segment.after}
        {segment.after.length === 200 ? '…' : ''}
      </Text>
    </Text>
  );
}
