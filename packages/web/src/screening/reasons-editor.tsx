import { ActionIcon, Button, Group, Kbd, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import type { StageView } from '@weft/protocol';
import { useState } from 'react';
import { sendCommand } from '../api/commands';
import { errorMessage } from '../api/problem';
import { useProject } from '../project/project-context';

interface Draft {
  key: string;
  id?: string;
  label: string;
  excludedCount: number;
}

/** Exclusion reasons: add, rename, reorder (the order gives the number keys), remove. */
export function ReasonsEditor({ stage, onSaved }: { stage: StageView; onSaved: () => void }) {
  const { projectId } = useProject();
  const [drafts, setDrafts] = useState<Draft[]>(() =>
    [...stage.reasons]
      .sort((a, b) => a.position - b.position)
      .map((r) => ({ key: r.id, id: r.id, label: r.label, excludedCount: r.excludedCount })),
  );
  const [busy, setBusy] = useState(false);
  const move = (index: number, by: number) =>
    setDrafts((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      if (item) next.splice(index + by, 0, item);
      return next;
    });

  const save = async () => {
    setBusy(true);
    try {
      await sendCommand(
        'stage.set-reasons',
        {
          stageId: stage.id,
          expectedVersion: stage.version,
          reasons: drafts
            .filter((d) => d.label.trim())
            .map((d) => ({ ...(d.id ? { id: d.id } : {}), label: d.label.trim() })),
        },
        projectId,
      );
      notifications.show({ color: 'teal', message: 'Exclusion reasons saved.', autoClose: 2000 });
      onSaved();
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="xs" maw={680} data-testid="reasons-editor">
      {drafts.map((d, index) => (
        <Group key={d.key} gap="xs" wrap="nowrap">
          <Kbd w={28} ta="center" style={{ visibility: index < 9 ? 'visible' : 'hidden' }}>
            {index + 1}
          </Kbd>
          <TextInput
            aria-label={`Reason ${index + 1}`}
            value={d.label}
            onChange={(e) => {
              const label = e.currentTarget.value;
              setDrafts((list) => list.map((x) => (x.key === d.key ? { ...x, label } : x)));
            }}
            style={{ flex: 1 }}
          />
          <Text fz="xs" c="dimmed" w={90} ta="right">
            {d.excludedCount > 0 ? `${d.excludedCount} excluded` : ''}
          </Text>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label="Move up"
            disabled={index === 0}
            onClick={() => move(index, -1)}
          >
            <IconArrowUp size={16} />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label="Move down"
            disabled={index === drafts.length - 1}
            onClick={() => move(index, 1)}
          >
            <IconArrowDown size={16} />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label="Remove reason"
            onClick={() => setDrafts((list) => list.filter((x) => x.key !== d.key))}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Text fz="xs" c="dimmed">
        Removing a reason retires it: decisions that cite it keep it. The first nine have number keys on the
        screening screen.
      </Text>
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() =>
            setDrafts((list) => [...list, { key: crypto.randomUUID(), label: '', excludedCount: 0 }])
          }
        >
          Add reason
        </Button>
        <Button size="xs" onClick={() => void save()} loading={busy}>
          Save reasons
        </Button>
      </Group>
    </Stack>
  );
}
