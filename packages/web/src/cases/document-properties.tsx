import {
  Alert,
  Autocomplete,
  Button,
  Divider,
  Drawer,
  Group,
  Loader,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { classificationLabel, mayDo } from '@weft/core';
import type { AttributeView, DocumentPropertiesResponse } from '@weft/protocol';
import { useEffect, useState } from 'react';
import { sendCommand } from '../api/commands';
import { errorMessage } from '../api/problem';
import { useResource } from '../api/use-resource';
import { useProjectEvents } from '../live/use-project-events';
import { useProject } from '../project/project-context';
import { AttributeModal } from './attribute-modal';
import { casesApi, isCasesEvent } from './cases-api';
import { displayValue, TYPE_HINTS } from './cell-value';

/**
 * Where a document belongs and what it is: its folder, the case (participant, site…) and the
 * included study it belongs to, and its document attributes. Opened from the documents page;
 * viewers see the same drawer read-only.
 */
export function DocumentProperties({
  projectId,
  documentId,
  opened,
  onClose,
}: {
  projectId: string;
  documentId: string | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { role } = useProject();
  const editable = mayDo(role, 'document.assign');
  const key = opened && documentId ? `document-properties:${projectId}:${documentId}` : null;
  const resource = useResource(key, () => casesApi.documentProperties(projectId, documentId ?? ''));
  // With the drawer closed there is no document: reloading would ask for `/documents//properties`.
  useProjectEvents(
    () => {
      if (key) void resource.reload();
    },
    { relevant: isCasesEvent, delayMs: 250, skipReplay: true },
  );
  const data = resource.data;
  const title = data ? `Properties of “${data.document.name}”` : 'Document properties';
  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="md" title={title}>
      {data ? (
        <PropertiesForm
          projectId={projectId}
          data={data}
          editable={editable}
          onSaved={() => void resource.reload()}
        />
      ) : resource.error !== undefined ? (
        <Alert color="red">{errorMessage(resource.error)}</Alert>
      ) : (
        <Loader aria-label="Loading document properties" />
      )}
    </Drawer>
  );
}

function PropertiesForm({
  projectId,
  data,
  editable,
  onSaved,
}: {
  projectId: string;
  data: DocumentPropertiesResponse;
  editable: boolean;
  onSaved: () => void;
}) {
  const [folder, setFolder] = useState(data.document.folder);
  const [caseId, setCaseId] = useState<string | null>(data.document.caseId);
  const [studyId, setStudyId] = useState<string | null>(data.document.studyId);
  const [busy, setBusy] = useState(false);
  const [defining, setDefining] = useState(false);

  useEffect(() => {
    setFolder(data.document.folder);
    setCaseId(data.document.caseId);
    setStudyId(data.document.studyId);
  }, [data.document]);

  const changed =
    folder.trim() !== data.document.folder ||
    caseId !== data.document.caseId ||
    studyId !== data.document.studyId;

  const save = async () => {
    setBusy(true);
    try {
      await sendCommand(
        'document.assign',
        {
          documentId: data.document.id,
          folder: folder.trim() !== data.document.folder ? folder.trim() : undefined,
          caseId: caseId !== data.document.caseId ? caseId : undefined,
          studyRecordId: studyId !== data.document.studyId ? studyId : undefined,
        },
        projectId,
      );
      notifications.show({ color: 'teal', message: `“${data.document.name}” saved.` });
      onSaved();
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(error), autoClose: 8000 });
    } finally {
      setBusy(false);
    }
  };

  const caseOptions = Object.entries(
    data.cases.reduce<Record<string, { value: string; label: string }[]>>((groups, c) => {
      const group = classificationLabel(c.classification);
      groups[group] = [...(groups[group] ?? []), { value: c.id, label: c.name }];
      return groups;
    }, {}),
  ).map(([group, items]) => ({ group, items }));

  return (
    <Stack gap="md">
      <Autocomplete
        label="Folder"
        description="Documents are listed by folder; a / makes a subfolder (Interviews/Wave 1)."
        data={data.folders}
        value={folder}
        onChange={setFolder}
        readOnly={!editable}
        placeholder="(no folder)"
      />
      <Select
        label="Case"
        description="The participant, site or organisation this document is about."
        data={caseOptions}
        value={caseId}
        onChange={setCaseId}
        clearable
        searchable
        readOnly={!editable}
        placeholder={data.cases.length ? 'Stands alone' : 'No cases yet: add them on the Cases page'}
        nothingFoundMessage="No such case"
      />
      <Select
        label="Included study"
        description="The study whose full text or findings this is."
        data={data.studies.map((s) => ({ value: s.id, label: s.name }))}
        value={studyId}
        onChange={setStudyId}
        clearable
        searchable
        readOnly={!editable}
        placeholder={data.studies.length ? 'Not linked to a study' : 'No included studies yet'}
        nothingFoundMessage="No such study"
      />
      {editable && (
        <Group justify="flex-end">
          <Button onClick={() => void save()} disabled={!changed} loading={busy}>
            Save
          </Button>
        </Group>
      )}
      <Divider label="Document attributes" labelPosition="left" />
      {data.attributes.length === 0 && (
        <Text fz="sm" c="dimmed">
          No document attributes yet.
        </Text>
      )}
      {data.attributes.map((attribute) => (
        <AttributeField
          key={attribute.id}
          projectId={projectId}
          documentId={data.document.id}
          attribute={attribute}
          value={data.values[attribute.id]}
          editable={editable}
          onSaved={onSaved}
        />
      ))}
      {editable && (
        <Button variant="subtle" leftSection={<IconPlus size={16} />} onClick={() => setDefining(true)}>
          New document attribute
        </Button>
      )}
      <AttributeModal
        projectId={projectId}
        classification="document"
        editing={null}
        opened={defining}
        onClose={() => setDefining(false)}
        onDone={(message) => {
          notifications.show({ color: 'teal', message });
          onSaved();
        }}
      />
    </Stack>
  );
}

/** One document attribute: saved when it loses focus (or on change, for a select). */
function AttributeField({
  projectId,
  documentId,
  attribute,
  value,
  editable,
  onSaved,
}: {
  projectId: string;
  documentId: string;
  attribute: AttributeView;
  value: string | undefined;
  editable: boolean;
  onSaved: () => void;
}) {
  const [draft, setDraft] = useState(value ?? '');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setDraft(value ?? ''), [value]);

  const save = async (next: string) => {
    if (next.trim() === (value ?? '')) return;
    setError(null);
    try {
      await sendCommand(
        'attribute.set',
        { attributeId: attribute.id, targetId: documentId, value: next.trim() === '' ? null : next },
        projectId,
      );
      onSaved();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  if (!editable) return <TextInput label={attribute.name} value={displayValue(attribute, value)} readOnly />;
  if (attribute.valueType === 'choice' || attribute.valueType === 'boolean') {
    const options =
      attribute.valueType === 'choice'
        ? attribute.options.map((o) => ({ value: o, label: o }))
        : [
            { value: 'true', label: 'Yes' },
            { value: 'false', label: 'No' },
          ];
    return (
      <Select
        label={attribute.name}
        data={options}
        value={draft || null}
        clearable
        error={error}
        onChange={(v) => {
          setDraft(v ?? '');
          void save(v ?? '');
        }}
      />
    );
  }
  return (
    <TextInput
      label={attribute.name}
      placeholder={TYPE_HINTS[attribute.valueType]}
      value={draft}
      error={error}
      onChange={(e) => setDraft(e.currentTarget.value)}
      onBlur={() => void save(draft)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') void save(draft);
      }}
    />
  );
}
