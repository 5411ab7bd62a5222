import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconFileText } from '@tabler/icons-react';
import { mayChangeCoding, type Role } from '@weft/core';
import type { OrphanCodingsResponse } from '@weft/protocol';
import { useState } from 'react';
import { Link } from 'react-router';
import { SegmentText } from '../codebook/segment-text';
import type { useCodebookCommands } from '../codebook/use-codebook-commands';
import { useCurrentUser } from '../session/session-context';
import { CodedWords } from './coded-words';
import { ReviewCodingHeader } from './review-coding-header';

/**
 * Codings an edit placed on text that only approximately matches what was coded. They stay
 * "to confirm" (across later edits too) until their coder or a lead confirms the placement:
 * placing the span exactly where it is, an ordinary logged coding.resize that settles it as kept.
 */
export function FuzzyCodingsList(props: {
  projectId: string;
  role: Role | undefined;
  codings: OrphanCodingsResponse['codings'];
  coderName: (userId: string) => string;
  command: ReturnType<typeof useCodebookCommands>;
  onChanged: () => void;
}) {
  const me = useCurrentUser();
  const [busy, setBusy] = useState<string | null>(null);
  if (props.codings.length === 0) return null;

  const confirm = async (c: OrphanCodingsResponse['codings'][number]) => {
    setBusy(c.id);
    const done = await props.command(
      'coding.resize',
      { codingId: c.id, start: c.start, end: c.end },
      'Not confirmed',
    );
    setBusy(null);
    if (done) {
      notifications.show({ color: 'teal', message: 'Placement confirmed.', autoClose: 2000 });
      props.onChanged();
    }
  };

  return (
    <Stack gap="sm" role="list" aria-label="Codings to confirm">
      <Title order={2} fz="lg">
        To confirm
      </Title>
      <Text fz="sm" c="dimmed">
        {props.codings.length} coding{props.codings.length === 1 ? ' was' : 's were'} placed by approximate
        match after an edit. Check that each still covers what was coded, then confirm it, or open the
        document and resize it.
      </Text>
      {props.codings.map((c) => (
        <Card key={c.id} withBorder radius="md" padding="sm" role="listitem" className="weft-fuzzy-card">
          <ReviewCodingHeader
            codeName={c.codeName}
            documentName={c.documentName}
            coderName={props.coderName(c.coderId)}
            createdAt={c.createdAt}
            badge={
              <Badge size="sm" variant="outline" color="yellow" tt="none">
                match {Math.round(c.score * 100)}%
              </Badge>
            }
          />
          {c.codedExact !== undefined && (
            <>
              <Text fz="xs" c="dimmed" mb={2}>
                Coded on, and what the edit changed:
              </Text>
              <CodedWords coded={c.codedExact} placed={c.exact} />
            </>
          )}
          <Text fz="xs" c="dimmed" mt={c.codedExact !== undefined ? 6 : 0} mb={2}>
            Now placed on:
          </Text>
          <SegmentText segment={c} colour={null} context="paragraph" />
          <Group gap="xs" mt="xs" justify="flex-end">
            <Button
              component={Link}
              to={`/projects/${props.projectId}/documents/${c.documentId}?coding=${c.id}`}
              size="xs"
              variant="default"
              leftSection={<IconFileText size={14} />}
            >
              Open in the document
            </Button>
            {mayChangeCoding(props.role, me.id, c.coderId) && (
              <Button
                size="xs"
                variant="light"
                color="teal"
                leftSection={<IconCheck size={14} />}
                loading={busy === c.id}
                onClick={() => void confirm(c)}
              >
                Confirm
              </Button>
            )}
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
