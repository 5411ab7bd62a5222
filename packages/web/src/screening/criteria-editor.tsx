import {
  ActionIcon,
  Button,
  Group,
  SegmentedControl,
  Select,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { CRITERION_GROUPS, type CriterionGroup, type StageView } from '@weft/protocol';
import { useState } from 'react';
import { sendCommand } from '../api/commands';
import { errorMessage } from '../api/problem';
import { useProject } from '../project/project-context';
import { GROUP_LABEL } from './criteria-panel';

interface Draft {
  key: string;
  id?: string;
  group: CriterionGroup;
  kind: 'include' | 'exclude';
  text: string;
}

/** Eligibility criteria (grouped, include/exclude) and the keyword lists highlighted on screen. */
export function CriteriaEditor({ stage, onSaved }: { stage: StageView; onSaved: () => void }) {
  const { projectId } = useProject();
  const [drafts, setDrafts] = useState<Draft[]>(() =>
    stage.criteria.map((c) => ({ key: c.id, id: c.id, group: c.group, kind: c.kind, text: c.text })),
  );
  const [include, setInclude] = useState<string[]>(stage.includeKeywords);
  const [exclude, setExclude] = useState<string[]>(stage.excludeKeywords);
  const [busy, setBusy] = useState(false);
  const change = (key: string, patch: Partial<Draft>) =>
    setDrafts((list) => list.map((d) => (d.key === key ? { ...d, ...patch } : d)));

  const save = async () => {
    setBusy(true);
    try {
      await sendCommand(
        'stage.set-criteria',
        {
          stageId: stage.id,
          expectedVersion: stage.version,
          criteria: drafts
            .filter((d) => d.text.trim())
            .map((d) => ({
              ...(d.id ? { id: d.id } : {}),
              group: d.group,
              kind: d.kind,
              text: d.text.trim(),
            })),
          includeKeywords: include,
          excludeKeywords: exclude,
        },
        projectId,
      );
      notifications.show({ color: 'teal', message: 'Criteria and keywords saved.', autoClose: 2000 });
      onSaved();
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="md" data-testid="criteria-editor">
      <Stack gap="xs">
        {drafts.length === 0 && (
          <Text fz="sm" c="dimmed">
            No criteria yet. Add the inclusion and exclusion criteria of your protocol, grouped as its table
            groups them; reviewers see them beside every record.
          </Text>
        )}
        {drafts.map((d) => (
          <Group key={d.key} gap="xs" wrap="nowrap" align="flex-start">
            <Select
              aria-label="Group"
              data={CRITERION_GROUPS.map((g) => ({ value: g, label: GROUP_LABEL[g] }))}
              value={d.group}
              onChange={(v) => v && change(d.key, { group: v as CriterionGroup })}
              w={230}
              allowDeselect={false}
            />
            <SegmentedControl
              aria-label="Include or exclude"
              value={d.kind}
              onChange={(v) => change(d.key, { kind: v as 'include' | 'exclude' })}
              data={[
                { value: 'include', label: 'Include if' },
                { value: 'exclude', label: 'Exclude if' },
              ]}
              color={d.kind === 'include' ? 'teal' : 'red'}
            />
            <TextInput
              aria-label="Criterion"
              value={d.text}
              onChange={(e) => change(d.key, { text: e.currentTarget.value })}
              style={{ flex: 1 }}
              placeholder="e.g. Adults aged 65 or over"
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              size="lg"
              aria-label="Remove criterion"
              onClick={() => setDrafts((list) => list.filter((x) => x.key !== d.key))}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="light"
          size="xs"
          w="fit-content"
          leftSection={<IconPlus size={14} />}
          onClick={() =>
            setDrafts((list) => [
              ...list,
              {
                key: crypto.randomUUID(),
                group: list[list.length - 1]?.group ?? 'population',
                kind: 'include',
                text: '',
              },
            ])
          }
        >
          Add criterion
        </Button>
      </Stack>
      <TagsInput
        label="Include keywords"
        description="Highlighted green on screen. * matches any word ending, e.g. collaborat*"
        value={include}
        onChange={setInclude}
        clearable
      />
      <TagsInput
        label="Exclude keywords"
        description="Highlighted red on screen, e.g. rat*, protocol, editorial"
        value={exclude}
        onChange={setExclude}
        clearable
      />
      <Group>
        <Button onClick={() => void save()} loading={busy}>
          Save criteria and keywords
        </Button>
      </Group>
    </Stack>
  );
}
