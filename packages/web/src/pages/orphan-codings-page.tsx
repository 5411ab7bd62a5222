import { Anchor, Button, Card, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconFileText, IconTrash } from '@tabler/icons-react';
import { mayDo } from '@weft/core';
import { useCallback, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { codingApi } from '../api/coding';
import { useResource } from '../api/use-resource';
import { SegmentText } from '../codebook/segment-text';
import { isCodebookEvent } from '../codebook/use-codebook';
import { useCodebookCommands } from '../codebook/use-codebook-commands';
import { useProjectEvents } from '../live/use-project-events';
import { useProject } from '../project/project-context';
import { ProjectGate } from '../project/project-gate';
import { LoadError } from '../ui/load-error';
import { PageHeader } from '../ui/page-header';
import { FuzzyCodingsList } from './fuzzy-codings-list';
import { ReviewCodingHeader } from './review-coding-header';

/**
 * Codings whose passage an edit removed. They are never deleted on their own: a coder removes
 * each, or opens the document to code the passage where it now is and then removes the old one.
 */
export function OrphanCodingsPage() {
  const { projectId, members } = useProject();
  const orphans = useResource(projectId, () => codingApi.orphans(projectId));
  const fuzzy = useResource(projectId, () => codingApi.fuzzy(projectId));
  const { reload } = orphans;
  const reloadFuzzy = fuzzy.reload;
  useProjectEvents(
    useCallback(() => {
      void reload();
      void reloadFuzzy();
    }, [reload, reloadFuzzy]),
    { relevant: (t) => isCodebookEvent(t) || t.startsWith('document.'), delayMs: 150, skipReplay: true },
  );
  const command = useCodebookCommands(projectId);
  const [busy, setBusy] = useState<string | null>(null);
  const names = useMemo(() => new Map((members ?? []).map((m) => [m.userId, m.displayName])), [members]);

  const remove = async (codingId: string) => {
    setBusy(codingId);
    const done = await command('coding.remove', { codingId }, 'Not removed');
    setBusy(null);
    if (done) {
      notifications.show({ color: 'teal', message: 'Coding removed.', autoClose: 2000 });
      void reload();
    }
  };

  return (
    <ProjectGate>
      {(_project, role) => {
        const toConfirm = (
          <FuzzyCodingsList
            projectId={projectId}
            role={role}
            codings={fuzzy.data?.codings ?? []}
            coderName={(id) => names.get(id) ?? 'a former member'}
            command={command}
            onChanged={() => void reloadFuzzy()}
          />
        );
        const editable = mayDo(role, 'coding.remove');
        const list = orphans.data?.codings ?? [];
        return (
          <Stack gap="md">
            <Anchor component={Link} to={`/projects/${projectId}/codebook`} fz="sm">
              <Group gap={4}>
                <IconArrowLeft size={14} /> Codebook
              </Group>
            </Anchor>
            <PageHeader
              title="Lost codings"
              description="Codings whose passage a document edit removed or changed beyond recognition. Each keeps the text it was made on. Remove it, or open the document, code the passage where it now is, and remove the old coding. Codings an edit placed only approximately are listed below, to confirm."
            />
            {orphans.error && !orphans.data ? (
              <LoadError error={orphans.error} what="the lost codings" onRetry={orphans.reload} />
            ) : !orphans.data ? (
              <Center py="xl">
                <Loader aria-label="Loading lost codings" />
              </Center>
            ) : list.length === 0 ? (
              <Card withBorder radius="md" padding="lg">
                <Text c="dimmed" fz="sm">
                  No lost codings: every coding is still on its passage.
                </Text>
              </Card>
            ) : (
              <Stack gap="sm" role="list" aria-label="Lost codings">
                <Text fz="sm" c="dimmed">
                  {list.length} coding{list.length === 1 ? '' : 's'} to review
                </Text>
                {list.map((c) => (
                  <Card key={c.id} withBorder radius="md" padding="sm" role="listitem">
                    <ReviewCodingHeader
                      codeName={c.codeName}
                      documentName={c.documentName}
                      coderName={names.get(c.coderId) ?? 'a former member'}
                      createdAt={c.createdAt}
                    />
                    <Text fz="xs" c="dimmed" mb={2}>
                      Was coded, between the words stored with it:
                    </Text>
                    <SegmentText segment={c} colour={null} context="paragraph" />
                    <Group gap="xs" mt="xs" justify="flex-end">
                      <Button
                        component={Link}
                        to={`/projects/${projectId}/documents/${c.documentId}?coding=${c.id}`}
                        size="xs"
                        variant="default"
                        leftSection={<IconFileText size={14} />}
                      >
                        Re-place in the document
                      </Button>
                      {editable && (
                        <Button
                          size="xs"
                          variant="light"
                          color="red"
                          leftSection={<IconTrash size={14} />}
                          loading={busy === c.id}
                          onClick={() => void remove(c.id)}
                        >
                          Remove coding
                        </Button>
                      )}
                    </Group>
                  </Card>
                ))}
              </Stack>
            )}
            {toConfirm}
          </Stack>
        );
      }}
    </ProjectGate>
  );
}
