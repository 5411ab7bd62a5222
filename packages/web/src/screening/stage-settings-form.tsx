import {
  Button,
  Group,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { mayDo } from '@weft/core';
import type { ScreeningMode, StageView } from '@weft/protocol';
import { useState } from 'react';
import { sendCommand } from '../api/commands';
import { errorMessage } from '../api/problem';
import { useProject } from '../project/project-context';

/** Name, mode (single, dual, dual on a sample), reviewers and whether exclusions need a reason. */
export function StageSettingsForm({ stage, onSaved }: { stage: StageView; onSaved: () => void }) {
  const { projectId, members } = useProject();
  const [name, setName] = useState(stage.name);
  const [mode, setMode] = useState<ScreeningMode>(stage.mode);
  const [samplePercent, setSamplePercent] = useState<number>(stage.samplePercent ?? 10);
  const [reviewerIds, setReviewerIds] = useState<string[]>(stage.reviewerIds);
  const [reasonRequired, setReasonRequired] = useState(stage.reasonRequired);
  const [busy, setBusy] = useState(false);
  const reviewers = (members ?? []).filter((m) => mayDo(m.role, 'screening.decide'));

  const save = async () => {
    setBusy(true);
    try {
      await sendCommand(
        'stage.update',
        {
          stageId: stage.id,
          expectedVersion: stage.version,
          name,
          mode,
          samplePercent: mode === 'sample' ? samplePercent : null,
          reviewerIds,
          reasonRequired,
        },
        projectId,
      );
      notifications.show({ color: 'teal', message: 'Stage settings saved.', autoClose: 2000 });
      onSaved();
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="md" maw={620} data-testid="stage-settings">
      <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} />
      <Stack gap={4}>
        <Text fz="sm" fw={500}>
          Who screens each record
        </Text>
        <SegmentedControl
          aria-label="Screening mode"
          value={mode}
          onChange={(v) => setMode(v as ScreeningMode)}
          data={[
            { value: 'single', label: 'One reviewer' },
            { value: 'dual', label: 'Two reviewers' },
            { value: 'sample', label: 'Two on a sample' },
          ]}
        />
        <Text fz="xs" c="dimmed">
          {mode === 'single'
            ? 'Each record needs one decision.'
            : mode === 'dual'
              ? 'Each record needs two independent, blinded decisions; disagreements become conflicts.'
              : 'A random sample (drawn once from a recorded seed) is screened by two reviewers; the rest by one.'}
        </Text>
      </Stack>
      {mode === 'sample' && (
        <NumberInput
          label="Dual-screened sample"
          suffix="%"
          min={1}
          max={100}
          value={samplePercent}
          onChange={(v) => setSamplePercent(typeof v === 'number' ? v : 10)}
          w={260}
          description={`Seed ${stage.sampleSeed}: the same sample every time.`}
        />
      )}
      <MultiSelect
        label="Reviewers"
        description="Leave empty to let every reviewer of the project pull from the shared queue."
        placeholder={reviewerIds.length === 0 ? 'Everyone (shared queue)' : undefined}
        data={reviewers.map((m) => ({ value: m.userId, label: m.displayName }))}
        value={reviewerIds}
        onChange={setReviewerIds}
        searchable
      />
      <Switch
        label="A reason is required for every exclusion"
        description="Usual at full text; the counts by reason feed the PRISMA diagram."
        checked={reasonRequired}
        onChange={(e) => setReasonRequired(e.currentTarget.checked)}
      />
      <Group>
        <Button onClick={() => void save()} loading={busy} disabled={!name.trim()}>
          Save settings
        </Button>
      </Group>
    </Stack>
  );
}
