import { Button, ColorInput, Group, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { CodebookNode } from '@weft/protocol';
import { useEffect, useState } from 'react';
import type { CodebookCommand } from './use-codebook-commands';

/** A palette that stays readable as highlight stripes on white. */
export const CODE_SWATCHES = [
  '#e03131',
  '#f08c00',
  '#f2c200',
  '#2f9e44',
  '#0c8599',
  '#1971c2',
  '#6741d9',
  '#c2255c',
  '#868e96',
];

interface Fields {
  name: string;
  description: string;
  inclusion: string;
  exclusion: string;
  example: string;
  colour: string;
  shortcut: string;
}

const fieldsOf = (node: CodebookNode): Fields => ({
  name: node.name,
  description: node.description,
  inclusion: node.inclusion,
  exclusion: node.exclusion,
  example: node.example,
  colour: node.colour ?? '',
  shortcut: node.shortcut ?? '',
});

const DETAIL_KEYS = ['description', 'inclusion', 'exclusion', 'example'] as const;

/**
 * Name and guidance of one code. Saving sends a rename when the name changed and one edit with
 * only the details that changed, so the history shows what was actually changed. Someone else's
 * change to the code replaces the fields unless there are unsaved edits.
 */
export function CodeDetailsForm({
  node,
  editable,
  command,
}: {
  node: CodebookNode;
  editable: boolean;
  command: CodebookCommand;
}) {
  const saved = fieldsOf(node);
  const [fields, setFields] = useState(saved);
  const [saving, setSaving] = useState(false);
  const dirty = (Object.keys(saved) as (keyof Fields)[]).some((k) => fields[k] !== saved[k]);
  const savedKey = JSON.stringify(saved);
  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the server's copy while nothing is edited
  useEffect(() => {
    if (!dirty) setFields(fieldsOf(node));
  }, [savedKey]);

  const set = (key: keyof Fields) => (value: string) => setFields((f) => ({ ...f, [key]: value }));
  const colourValid = fields.colour === '' || /^#[0-9a-fA-F]{6}$/.test(fields.colour);

  const save = async () => {
    setSaving(true);
    try {
      const name = fields.name.trim();
      if (name !== node.name && name !== '') {
        if (!(await command('code.rename', { codeId: node.id, name }, 'Not renamed'))) return;
      }
      const edit: Record<string, string | null> = {};
      for (const key of DETAIL_KEYS) if (fields[key] !== saved[key]) edit[key] = fields[key];
      if (fields.colour !== saved.colour)
        edit.colour = fields.colour === '' ? null : fields.colour.toLowerCase();
      if (fields.shortcut.trim() !== saved.shortcut) edit.shortcut = fields.shortcut.trim() || null;
      if (Object.keys(edit).length > 0) await command('code.edit', { codeId: node.id, ...edit }, 'Not saved');
    } finally {
      setSaving(false);
    }
  };

  const readOnly = !editable;
  return (
    <Stack gap="sm">
      <TextInput
        label="Name"
        value={fields.name}
        readOnly={readOnly}
        maxLength={200}
        error={fields.name.trim() === '' ? 'A code needs a name' : undefined}
        onChange={(e) => set('name')(e.currentTarget.value)}
      />
      <Textarea
        label="Description"
        description="What the code means."
        autosize
        minRows={2}
        maxRows={8}
        value={fields.description}
        readOnly={readOnly}
        onChange={(e) => set('description')(e.currentTarget.value)}
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        <Textarea
          label="Use when (inclusion)"
          autosize
          minRows={2}
          maxRows={6}
          value={fields.inclusion}
          readOnly={readOnly}
          onChange={(e) => set('inclusion')(e.currentTarget.value)}
        />
        <Textarea
          label="Do not use when (exclusion)"
          autosize
          minRows={2}
          maxRows={6}
          value={fields.exclusion}
          readOnly={readOnly}
          onChange={(e) => set('exclusion')(e.currentTarget.value)}
        />
      </SimpleGrid>
      <Textarea
        label="Example"
        autosize
        minRows={1}
        maxRows={6}
        value={fields.example}
        readOnly={readOnly}
        onChange={(e) => set('example')(e.currentTarget.value)}
      />
      <Group grow align="flex-start">
        <ColorInput
          label="Colour"
          placeholder="none"
          format="hex"
          swatches={CODE_SWATCHES}
          swatchesPerRow={9}
          value={fields.colour}
          readOnly={readOnly}
          disallowInput={readOnly}
          withPicker={!readOnly}
          error={colourValid ? undefined : 'Write a colour as #rrggbb'}
          onChange={set('colour')}
        />
        <TextInput
          label="Shortcut key"
          description="Applies the code while coding."
          placeholder="e.g. 1 or m"
          maxLength={20}
          value={fields.shortcut}
          readOnly={readOnly}
          onChange={(e) => set('shortcut')(e.currentTarget.value)}
        />
      </Group>
      {editable && (
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="xs" disabled={!dirty || saving} onClick={() => setFields(saved)}>
            Discard
          </Button>
          <Button
            size="xs"
            disabled={!dirty || !colourValid || fields.name.trim() === ''}
            loading={saving}
            onClick={() => void save()}
          >
            Save
          </Button>
        </Group>
      )}
    </Stack>
  );
}
