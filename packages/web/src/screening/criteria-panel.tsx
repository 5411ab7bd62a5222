import { Group, List, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { CRITERION_GROUPS, type CriterionGroup, type CriterionView } from '@weft/protocol';

export const GROUP_LABEL: Record<CriterionGroup, string> = {
  population: 'Population and setting',
  intervention: 'Intervention or collaboration',
  outcomes: 'Outcomes',
  design: 'Study design',
  publication: 'Publication type',
  other: 'Other',
};

/** The stage's eligibility criteria, grouped as the protocol's table groups them. */
export function CriteriaPanel({ criteria }: { criteria: CriterionView[] }) {
  if (criteria.length === 0)
    return (
      <Text fz="sm" c="dimmed">
        No criteria written for this stage yet. The lead adds them in the stage settings.
      </Text>
    );
  return (
    <Stack gap="sm" data-testid="screening-criteria">
      {CRITERION_GROUPS.filter((group) => criteria.some((c) => c.group === group)).map((group) => (
        <Stack key={group} gap={4}>
          <Text fz="xs" fw={700} tt="uppercase" c="dimmed" style={{ letterSpacing: '0.05em' }}>
            {GROUP_LABEL[group]}
          </Text>
          <List spacing={4} size="sm" center={false}>
            {criteria
              .filter((c) => c.group === group)
              .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'include' ? -1 : 1))
              .map((c) => (
                <List.Item
                  key={c.id}
                  icon={
                    <ThemeIcon
                      size={16}
                      radius="xl"
                      variant="light"
                      color={c.kind === 'include' ? 'teal' : 'red'}
                      aria-label={c.kind === 'include' ? 'Include if' : 'Exclude if'}
                    >
                      {c.kind === 'include' ? <IconCheck size={11} /> : <IconX size={11} />}
                    </ThemeIcon>
                  }
                >
                  <Text fz="sm" lh={1.45}>
                    {c.text}
                  </Text>
                </List.Item>
              ))}
          </List>
        </Stack>
      ))}
      <Group gap="md" mt={2}>
        <Group gap={4}>
          <ThemeIcon size={12} radius="xl" variant="light" color="teal">
            <IconCheck size={8} />
          </ThemeIcon>
          <Text fz="xs" c="dimmed">
            include if
          </Text>
        </Group>
        <Group gap={4}>
          <ThemeIcon size={12} radius="xl" variant="light" color="red">
            <IconX size={8} />
          </ThemeIcon>
          <Text fz="xs" c="dimmed">
            exclude if
          </Text>
        </Group>
      </Group>
    </Stack>
  );
}
