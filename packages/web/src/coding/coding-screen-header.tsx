import { Badge, Button, Group, Kbd, Stack, Switch, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowLeft, IconEdit, IconFileText, IconKeyboard, IconTag } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/**
 * The coding screen's header: the document's name and counts, then the toolbar (code the whole
 * document, edit its text, the PDF/text toggle, stripes per coder, the keyboard help).
 */
export function CodingScreenHeader(props: {
  projectId: string;
  name: string;
  kind: string;
  version: number;
  codingCount: number;
  orphanCount: number;
  editable: boolean;
  /** Absent when the document has no text to code whole. */
  onCodeWhole?: () => void;
  onEdit: () => void;
  /** The PDF/text toggle, for a PDF document. */
  viewToggle?: ReactNode;
  byCoder: boolean;
  onByCoder: (byCoder: boolean) => void;
  onHelp: () => void;
}) {
  const { projectId, editable } = props;
  return (
    <Stack gap={6}>
      <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
        <Button
          component={Link}
          to={`/projects/${projectId}/documents`}
          variant="subtle"
          color="gray"
          size="compact-sm"
          px={4}
          aria-label="Back to documents"
        >
          <IconArrowLeft size={16} />
        </Button>
        <IconFileText size={20} stroke={1.5} style={{ flex: 'none' }} />
        <Title order={1} fz={22} lineClamp={1} style={{ minWidth: 0 }}>
          {props.name}
        </Title>
        <Badge variant="light" color="gray" style={{ flex: 'none' }}>
          {props.kind}
        </Badge>
        <Badge variant="light" color="gray" style={{ flex: 'none' }}>
          version {props.version}
        </Badge>
        <Text fz="sm" c="dimmed" data-testid="coding-count" style={{ whiteSpace: 'nowrap' }}>
          {props.codingCount} {props.codingCount === 1 ? 'coding' : 'codings'}
        </Text>
        {props.orphanCount > 0 && (
          <Tooltip label="Codings whose text was lost in an edit: kept, not drawn, waiting for review">
            <Badge
              component={Link}
              to={`/projects/${projectId}/codebook/orphans`}
              variant="light"
              color="yellow"
              style={{ flex: 'none', cursor: 'pointer' }}
              data-testid="orphan-count"
            >
              {props.orphanCount} lost
            </Badge>
          </Tooltip>
        )}
      </Group>
      <Group justify="space-between" gap="xs">
        <Group gap="xs">
          {editable && props.onCodeWhole && (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconTag size={14} />}
              onClick={props.onCodeWhole}
            >
              Code whole document
            </Button>
          )}
          {editable && (
            <Button size="xs" variant="default" leftSection={<IconEdit size={14} />} onClick={props.onEdit}>
              Edit text
            </Button>
          )}
          {props.viewToggle}
          <Switch
            size="xs"
            ml="xs"
            label="Stripes per coder"
            checked={props.byCoder}
            onChange={(e) => props.onByCoder(e.currentTarget.checked)}
          />
        </Group>
        <Group gap={6}>
          <Text fz="xs" c="dimmed">
            {editable ? (
              <>
                Select text, then <Kbd size="xs">c</Kbd> to code, <Kbd size="xs">v</Kbd> in vivo
              </>
            ) : (
              'Read only: viewers see the codings but do not code'
            )}
          </Text>
          <Tooltip label="Keyboard (?)">
            <Button size="xs" variant="subtle" color="gray" onClick={props.onHelp} aria-label="Keyboard">
              <IconKeyboard size={16} />
            </Button>
          </Tooltip>
        </Group>
      </Group>
    </Stack>
  );
}
