import { Button, Group, Modal, Select, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import type { AttributeType } from '@weft/core';
import type { AttributeView } from '@weft/protocol';
import { useEffect, useState } from 'react';
import { sendCommand } from '../api/commands';
import { errorMessage } from '../api/problem';
import { TYPE_HINTS, TYPE_LABELS } from './cell-value';

/** Defines a new attribute of a classification, or renames one and edits a choice's options. */
export function AttributeModal({
  projectId,
  classification,
  editing,
  opened,
  onClose,
  onDone,
}: {
  projectId: string;
  classification: string;
  /** The attribute to edit; null to define a new one. */
  editing: AttributeView | null;
  opened: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const [name, setName] = useState('');
  const [valueType, setValueType] = useState<AttributeType>('text');
  const [options, setOptions] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!opened) return;
    setName(editing?.name ?? '');
    setValueType(editing?.valueType ?? 'text');
    setOptions(editing?.options ?? []);
    setError(null);
  }, [opened, editing]);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      if (editing) {
        await sendCommand(
          'attribute.edit',
          {
            attributeId: editing.id,
            name: name.trim() === editing.name ? undefined : name,
            options: editing.valueType === 'choice' ? options : undefined,
          },
          projectId,
        );
        onDone(`“${name.trim()}” saved.`);
      } else {
        await sendCommand(
          'attribute.define',
          { classification, name, valueType, options: valueType === 'choice' ? options : [] },
          projectId,
        );
        onDone(`Attribute “${name.trim()}” added.`);
      }
      onClose();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const type = editing?.valueType ?? valueType;
  return (
    <Modal opened={opened} onClose={onClose} title={editing ? `Edit “${editing.name}”` : 'New attribute'}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <TextInput
            label="Name"
            placeholder="e.g. Age, Setting, Role"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
            data-autofocus
          />
          <Select
            label="Type"
            data={(Object.keys(TYPE_LABELS) as AttributeType[]).map((t) => ({
              value: t,
              label: TYPE_LABELS[t],
            }))}
            value={type}
            onChange={(v) => v && setValueType(v as AttributeType)}
            disabled={editing !== null}
            description={editing ? 'The type is fixed once values may exist.' : TYPE_HINTS[type]}
            allowDeselect={false}
          />
          {type === 'choice' && (
            <TagsInput
              label="Options"
              description="Type an option and press Enter."
              value={options}
              onChange={setOptions}
              aria-label="Options"
            />
          )}
          {error && (
            <Text c="red" fz="sm" role="alert">
              {error}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy} disabled={name.trim() === ''}>
              {editing ? 'Save' : 'Add attribute'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
