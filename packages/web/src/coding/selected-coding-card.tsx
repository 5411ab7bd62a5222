import { Badge, Button, Card, Group, Kbd, Stack, Text } from '@mantine/core';
import { IconArrowsExchange, IconCheck, IconTrash } from '@tabler/icons-react';
import { mayChangeCoding } from '@weft/core';
import type { CodingView } from '@weft/protocol';
import { AnnotationPopover } from '../memos/annotation-popover';
import { useProject } from '../project/project-context';
import { useCurrentUser } from '../session/session-context';
import { RelativeTime } from '../ui/relative-time';
import type { CodeInfo } from './code-colours';

const STATUS_NOTE: Record<CodingView['anchorStatus'], string | null> = {
  kept: null,
  moved: 'moved with the text after an edit',
  fuzzy: 'placed by approximate match after an edit: check it',
  orphan: 'lost its text after an edit',
};

/**
 * The selected coding: its code, coder and text, its annotations, and uncode and recode for its
 * coder or a lead (another reviewer's coding is read-only: the server refuses the change too).
 */
export function SelectedCodingCard(props: {
  coding: CodingView;
  code: CodeInfo | undefined;
  coderName: string;
  editable: boolean;
  onUncode: () => void;
  onRecode: () => void;
  /** Settles a fuzzy placement as right where it is (the span placed again, as it stands). */
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { coding, code } = props;
  const note = STATUS_NOTE[coding.anchorStatus];
  const { projectId, role } = useProject();
  const me = useCurrentUser();
  const mine = mayChangeCoding(role, me.id, coding.coderId);
  return (
    <Card withBorder radius="md" p="sm" data-testid="selected-coding">
      <Stack gap={6}>
        <Group gap={8} wrap="nowrap">
          <span
            style={{
              width: 12,
              height: 12,
              borderRadius: 3,
              background: code?.colour ?? '#868e96',
              flex: 'none',
            }}
          />
          <Text fw={600} fz="sm" truncate style={{ flex: 1 }}>
            {code?.path ?? 'Code not in the codebook'}
          </Text>
          <AnnotationPopover projectId={projectId} codingId={coding.id} />
          <Button
            size="compact-xs"
            variant="subtle"
            color="gray"
            onClick={props.onClose}
            aria-label="Deselect"
          >
            ✕
          </Button>
        </Group>
        <Text
          fz="sm"
          lineClamp={4}
          style={{ borderLeft: `3px solid ${code?.colour ?? '#868e96'}`, paddingLeft: 8 }}
        >
          {coding.exact}
        </Text>
        <Text fz="xs" c="dimmed">
          {props.coderName} · <RelativeTime iso={coding.createdAt} /> · characters {coding.start}–{coding.end}
        </Text>
        {note && (
          <Badge color={coding.anchorStatus === 'fuzzy' ? 'yellow' : 'gray'} variant="light" size="sm">
            {note}
          </Badge>
        )}
        {props.editable && !mine && (
          <Text fz="xs" c="dimmed">
            {props.coderName}’s coding: only its coder or a lead may change it.
          </Text>
        )}
        {props.editable && mine && (
          <>
            <Group gap="xs">
              <Button
                size="xs"
                variant="light"
                leftSection={<IconArrowsExchange size={14} />}
                onClick={props.onRecode}
              >
                Recode
              </Button>
              <Button
                size="xs"
                variant="light"
                color="red"
                leftSection={<IconTrash size={14} />}
                onClick={props.onUncode}
              >
                Uncode
              </Button>
              {coding.anchorStatus === 'fuzzy' && (
                <Button
                  size="xs"
                  variant="light"
                  color="teal"
                  leftSection={<IconCheck size={14} />}
                  onClick={props.onConfirm}
                >
                  Confirm placement
                </Button>
              )}
            </Group>
            <Text fz="xs" c="dimmed">
              Extent: <Kbd size="xs">Shift</Kbd>+<Kbd size="xs">←/→</Kbd> moves the end by a word, with{' '}
              <Kbd size="xs">Alt</Kbd> the start.
            </Text>
          </>
        )}
      </Stack>
    </Card>
  );
}
