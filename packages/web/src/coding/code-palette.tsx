import { Badge, Group, Kbd, Modal, ScrollArea, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import type { CodeInfo } from './code-colours';
import { fuzzyFilter } from './fuzzy-score';

export interface CodePaletteProps {
  opened: boolean;
  /** "Code the selection" or "Recode to"; recoding cannot create a code. */
  title: string;
  codes: readonly CodeInfo[];
  /** What is being coded, shown as a reminder. */
  quote?: string;
  allowCreate: boolean;
  onPick: (codeId: string) => void;
  onCreate: (name: string) => void;
  onClose: () => void;
}

type Choice = { kind: 'code'; code: CodeInfo } | { kind: 'create'; name: string };

/** Type a code's name (fuzzy), arrows to choose, Enter to apply; "Create …" when nothing is named so. */
export function CodePalette(props: CodePaletteProps) {
  const { opened, codes, allowCreate } = props;
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  useEffect(() => {
    if (opened) {
      setQuery('');
      setActive(0);
    }
  }, [opened]);

  const choices = useMemo<Choice[]>(() => {
    const found = fuzzyFilter(query, codes, (c) => c.path).slice(0, 50);
    const name = query.trim().replace(/\s+/g, ' ');
    const exists = codes.some((c) => c.name.toLocaleLowerCase('en') === name.toLocaleLowerCase('en'));
    const list: Choice[] = found.map((code) => ({ kind: 'code', code }));
    if (allowCreate && name && !exists) list.push({ kind: 'create', name: name.slice(0, 200) });
    return list;
  }, [query, codes, allowCreate]);

  const choose = (choice: Choice | undefined) => {
    if (!choice) return;
    if (choice.kind === 'code') props.onPick(choice.code.id);
    else props.onCreate(choice.name);
  };

  return (
    <Modal
      opened={opened}
      onClose={props.onClose}
      title={props.title}
      size="lg"
      yOffset="12vh"
      transitionProps={{ duration: 80 }}
    >
      <Stack gap="sm">
        {props.quote && (
          <Text fz="sm" c="dimmed" lineClamp={2} fs="italic">
            “{props.quote}”
          </Text>
        )}
        <TextInput
          data-autofocus
          aria-label="Code name"
          placeholder={allowCreate ? 'Type a code’s name, or a new one' : 'Type a code’s name'}
          leftSection={<IconSearch size={16} />}
          value={query}
          onChange={(e) => {
            setQuery(e.currentTarget.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setActive((a) => Math.min(a + 1, choices.length - 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((a) => Math.max(a - 1, 0));
            } else if (e.key === 'Enter') {
              e.preventDefault();
              choose(choices[active]);
            }
          }}
        />
        <ScrollArea.Autosize mah="45vh">
          <Stack gap={2} role="listbox" aria-label="Codes">
            {choices.length === 0 && (
              <Text fz="sm" c="dimmed" py="xs">
                {codes.length === 0
                  ? 'The codebook is empty: type a name to create the first code.'
                  : 'No code matches.'}
              </Text>
            )}
            {choices.map((choice, i) => (
              <UnstyledButton
                key={choice.kind === 'code' ? choice.code.id : 'create'}
                role="option"
                aria-selected={i === active}
                onMouseEnter={() => setActive(i)}
                onClick={() => choose(choice)}
                px="sm"
                py={6}
                style={{
                  borderRadius: 6,
                  background: i === active ? 'var(--mantine-color-gray-1)' : undefined,
                }}
              >
                {choice.kind === 'code' ? (
                  <Group gap="sm" wrap="nowrap">
                    <span
                      style={{
                        width: 10,
                        height: 10,
                        borderRadius: 3,
                        background: choice.code.colour,
                        flex: 'none',
                      }}
                    />
                    <Text fz="sm" style={{ flex: 1 }} truncate>
                      {choice.code.depth > 0 && (
                        <Text span c="dimmed" fz="sm">
                          {choice.code.path.slice(0, choice.code.path.length - choice.code.name.length)}
                        </Text>
                      )}
                      {choice.code.name}
                    </Text>
                    {choice.code.shortcut && <Kbd size="xs">{choice.code.shortcut}</Kbd>}
                  </Group>
                ) : (
                  <Group gap="sm" wrap="nowrap">
                    <IconPlus size={14} />
                    <Text fz="sm">
                      Create <b>“{choice.name}”</b> and apply it
                    </Text>
                    <Badge size="xs" variant="light" ml="auto">
                      new code
                    </Badge>
                  </Group>
                )}
              </UnstyledButton>
            ))}
          </Stack>
        </ScrollArea.Autosize>
        <Text fz="xs" c="dimmed">
          <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> to choose, <Kbd size="xs">Enter</Kbd> to apply,{' '}
          <Kbd size="xs">Esc</Kbd> to cancel
        </Text>
      </Stack>
    </Modal>
  );
}
