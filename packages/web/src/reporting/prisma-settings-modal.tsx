import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  ScrollArea,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { PrismaSettingsView } from '@weft/protocol';
import { useEffect, useState } from 'react';
import { sendCommand } from '../api/commands';
import { errorMessage, isApiError } from '../api/problem';
import { ConflictNotice } from '../project/conflict-notice';
import { PRISMA_LABELS } from './prisma-boxes';

interface Draft {
  labels: Record<string, string>;
  isUpdate: boolean;
  studies: number;
  reports: number;
}

const draftOf = (settings: PrismaSettingsView): Draft => ({
  labels: { ...settings.labels },
  isUpdate: settings.previous !== null,
  studies: settings.previous?.studies ?? 0,
  reports: settings.previous?.reports ?? 0,
});

const TITLES = new Set(['newstud', 'othstud', 'prevstud']);
const PHASES = new Set(['identification', 'screening', 'included']);

/** The template repeats some texts (both columns have "Reports sought for retrieval"): say which box. */
function fieldLabel(key: string, text: string): string {
  if (TITLES.has(key)) return `Column title: ${text}`;
  if (PHASES.has(key)) return `Phase: ${text}`;
  if (key.startsWith('other_')) return `${text} (other methods)`;
  return text;
}

/** Only texts that differ from the template's are stored, so a later template change still shows. */
function payloadOf(draft: Draft) {
  const labels: Record<string, string> = {};
  for (const { key, text } of PRISMA_LABELS) {
    const value = draft.labels[key]?.trim();
    if (value && value !== text) labels[key] = value;
  }
  return { labels, previous: draft.isUpdate ? { studies: draft.studies, reports: draft.reports } : null };
}

/** The lead's settings of the diagram: box texts, and the previous version's counts for an updated review. */
export function PrismaSettingsModal({
  projectId,
  settings,
  opened,
  onClose,
  onSaved,
}: {
  projectId: string;
  settings: PrismaSettingsView;
  opened: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<PrismaSettingsView | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a fresh form each time the modal opens
  useEffect(() => {
    if (!opened) return;
    setDraft(draftOf(settings));
    setError(null);
    setConflict(null);
  }, [opened]);

  const save = async (expectedVersion: number) => {
    setBusy(true);
    setError(null);
    try {
      await sendCommand('prisma.configure', { expectedVersion, ...payloadOf(draft) }, projectId);
      setConflict(null);
      onSaved();
      onClose();
    } catch (err) {
      if (isApiError(err) && err.status === 409 && err.problem.current) {
        setConflict(err.problem.current as PrismaSettingsView);
        onSaved();
      } else setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const setLabel = (key: string, value: string) =>
    setDraft((d) => ({ ...d, labels: { ...d.labels, [key]: value } }));

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Diagram settings"
      size="xl"
      scrollAreaComponent={ScrollArea.Autosize}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save(settings.version);
        }}
      >
        <Stack gap="md">
          {conflict && (
            <ConflictNotice
              busy={busy}
              onOverwrite={() => void save(conflict.version)}
              onDiscard={() => {
                setDraft(draftOf(conflict));
                setConflict(null);
              }}
            >
              {`The settings were saved by someone else (now: ${Object.keys(conflict.labels).length} edited texts, ${
                conflict.previous
                  ? `previous version ${conflict.previous.studies} studies, ${conflict.previous.reports} reports`
                  : 'a new review'
              }).`}
            </ConflictNotice>
          )}
          {error && (
            <Alert color="red" variant="light" role="alert">
              {error}
            </Alert>
          )}
          <Stack gap="xs">
            <Title order={3} fz="md">
              Updated review
            </Title>
            <Switch
              label="This review updates a previous one (draws the “Previous studies” column)"
              checked={draft.isUpdate}
              onChange={(event) => {
                const checked = event.currentTarget.checked;
                setDraft((d) => ({ ...d, isUpdate: checked }));
              }}
            />
            {draft.isUpdate && (
              <SimpleGrid cols={2}>
                <NumberInput
                  label="Studies included in the previous version"
                  min={0}
                  allowDecimal={false}
                  value={draft.studies}
                  onChange={(v) => setDraft((d) => ({ ...d, studies: typeof v === 'number' ? v : 0 }))}
                />
                <NumberInput
                  label="Reports of those studies"
                  min={0}
                  allowDecimal={false}
                  value={draft.reports}
                  onChange={(v) => setDraft((d) => ({ ...d, reports: typeof v === 'number' ? v : 0 }))}
                />
              </SimpleGrid>
            )}
          </Stack>
          <Stack gap="xs">
            <Title order={3} fz="md">
              Box texts
            </Title>
            <Text fz="sm" c="dimmed">
              Each box’s text, PRISMA 2020’s wording unless changed here (an emptied field goes back to it).
              The numbers are always counted by Weft.
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
              {PRISMA_LABELS.map(({ key, text }) => (
                <TextInput
                  key={key}
                  label={fieldLabel(key, text)}
                  placeholder={text}
                  value={draft.labels[key] ?? text}
                  maxLength={300}
                  onChange={(event) => setLabel(key, event.currentTarget.value)}
                />
              ))}
            </SimpleGrid>
          </Stack>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy && !conflict} disabled={conflict !== null}>
              Save settings
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
