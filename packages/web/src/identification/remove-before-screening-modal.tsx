import { Alert, Button, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { sendCommand } from '../api/commands';
import { errorMessage } from '../api/problem';

export type RemovalKind = 'automation' | 'other';

/** The PRISMA 2020 box each kind of removal is counted in, worded as the diagram words it. */
export const REMOVAL_BOX: Record<RemovalKind, string> = {
  automation: 'Records marked as ineligible by automation tools',
  other: 'Records removed for other reasons',
};

export const REMOVAL_LABEL: Record<RemovalKind, string> = {
  automation: 'by an automation tool',
  other: 'for another reason',
};

const REASON_MAX = 200;

/**
 * Removes the chosen records before screening: they leave every stage's pool and count in one
 * of PRISMA 2020's "removed before screening" boxes. Records someone screened are refused by
 * the server (they are excluded at their stage instead); its message is shown as it comes.
 */
export function RemoveBeforeScreeningModal({
  projectId,
  recordIds,
  opened,
  onClose,
  onRemoved,
}: {
  projectId: string;
  recordIds: string[];
  opened: boolean;
  onClose: () => void;
  onRemoved: (count: number) => void;
}) {
  const [kind, setKind] = useState<RemovalKind>('other');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reasonError, setReasonError] = useState<string | undefined>(undefined);

  useEffect(() => {
    if (!opened) return;
    setError(null);
    setReasonError(undefined);
  }, [opened]);

  const n = recordIds.length;
  const submit = async () => {
    const trimmed = reason.trim();
    if (!trimmed) {
      setReasonError(
        kind === 'automation'
          ? 'Say which tool and what it found, e.g. "RCT classifier: not a randomised trial".'
          : 'Say why, e.g. "Retracted" or "Published before 2000".',
      );
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await sendCommand('records.remove-before-screening', { recordIds, kind, reason: trimmed }, projectId);
      setReason('');
      onRemoved(n);
      onClose();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={`Remove ${n.toLocaleString()} ${n === 1 ? 'record' : 'records'} before screening`}
      size="lg"
    >
      <Stack gap="md">
        <Text fz="sm" c="dimmed">
          Removed records leave every screening stage and are reported in the PRISMA flow diagram as removed
          before screening. Records someone has already screened cannot be removed: exclude them at their
          stage. You can restore removed records later.
        </Text>
        <Radio.Group
          label="Removed"
          value={kind}
          onChange={(value) => setKind(value as RemovalKind)}
          data-testid="removal-kind"
        >
          <Stack gap="xs" mt={6}>
            {(['automation', 'other'] as const).map((value) => (
              <Radio
                key={value}
                value={value}
                label={REMOVAL_LABEL[value]}
                description={`Counted in the PRISMA box “${REMOVAL_BOX[value]}”`}
              />
            ))}
          </Stack>
        </Radio.Group>
        <TextInput
          label="Reason"
          description="Listed with its count in the methods record and the review log."
          placeholder={kind === 'automation' ? 'RCT classifier: not a randomised trial' : 'Retracted'}
          value={reason}
          maxLength={REASON_MAX}
          onChange={(event) => {
            setReason(event.currentTarget.value);
            setReasonError(undefined);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') void submit();
          }}
          error={reasonError}
          data-autofocus
        />
        {error && (
          <Alert color="red" title="Nothing was removed" data-testid="removal-error">
            {error}
          </Alert>
        )}
        <Group justify="space-between">
          <Text fz="sm" c="dimmed" data-testid="removal-box">
            Will count in: <b>{REMOVAL_BOX[kind]}</b>
          </Text>
          <Group gap="sm">
            <Button variant="default" onClick={onClose} disabled={busy}>
              Cancel
            </Button>
            <Button color="red" onClick={() => void submit()} loading={busy} data-testid="confirm-removal">
              Remove {n.toLocaleString()} {n === 1 ? 'record' : 'records'}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
