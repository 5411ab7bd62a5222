import { Badge, Tooltip } from '@mantine/core';
import type { CodingView } from '@weft/protocol';

const ANCHOR: Record<CodingView['anchorStatus'], { color: string; label: string; help: string }> = {
  kept: { color: 'gray', label: 'kept', help: 'The passage is where it was coded.' },
  moved: {
    color: 'blue',
    label: 'moved',
    help: 'An edit moved the passage; the coding followed the exact text.',
  },
  fuzzy: {
    color: 'yellow',
    label: 'fuzzy',
    help: 'An edit changed the passage; the coding follows the closest match.',
  },
  orphan: { color: 'red', label: 'lost', help: 'An edit removed the passage; the coding needs a new place.' },
};

/** Whether a coding still sits on the text it was made on, after the document's edits. */
export function AnchorBadge({ status, score }: { status: CodingView['anchorStatus']; score?: number }) {
  const a = ANCHOR[status];
  const match = status === 'fuzzy' && score !== undefined ? ` (match ${Math.round(score * 100)}%)` : '';
  return (
    <Tooltip label={`${a.help}${match}`} openDelay={300}>
      <Badge size="xs" variant="light" color={a.color}>
        {a.label}
      </Badge>
    </Tooltip>
  );
}
