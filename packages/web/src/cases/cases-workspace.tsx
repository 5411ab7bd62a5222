import { Alert, Badge, Button, Card, Group, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconPlus, IconRefresh, IconRestore, IconUpload } from '@tabler/icons-react';
import { classificationLabel, normaliseClassificationName } from '@weft/core';
import type { AttributeView, CasesResponse, CaseView } from '@weft/protocol';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { sendCommand } from '../api/commands';
import { errorMessage } from '../api/problem';
import type { Resource } from '../api/use-resource';
import { AttributeModal } from './attribute-modal';
import { CaseMemos } from './case-memos';
import { casesApi } from './cases-api';
import { ClassificationSheet } from './classification-sheet';
import { CodeCasePalette } from './code-case-palette';
import { DocumentProperties } from './document-properties';
import { ImportSheetModal } from './import-sheet-modal';

/** The classification tabs, the toolbar of the open one and its sheet. */
export function CasesWorkspace({
  projectId,
  resource,
  editable,
}: {
  projectId: string;
  resource: Resource<CasesResponse>;
  editable: boolean;
}) {
  const data = resource.data as CasesResponse;
  const [params, setParams] = useSearchParams();
  const [extra, setExtra] = useState<string[]>([]);
  const [newClassification, setNewClassification] = useState('');
  const [newCase, setNewCase] = useState('');
  const [attributeModal, setAttributeModal] = useState<{ editing: AttributeView | null } | null>(null);
  const [importing, setImporting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [openDocument, setOpenDocument] = useState<string | null>(null);
  const [codingCase, setCodingCase] = useState<CaseView | null>(null);
  const [selectedCase, setSelectedCase] = useState<CaseView | undefined>(undefined);

  const tabs = [
    ...data.classifications.map((c) => ({ name: c.name, label: c.label, count: c.caseCount })),
    ...extra
      .filter((name) => !data.classifications.some((c) => c.name === name))
      .map((name) => ({ name, label: classificationLabel(name), count: 0 })),
  ];
  const current = params.get('classification') ?? tabs[0]?.name ?? 'participant';
  const label = classificationLabel(current);
  const attributes = data.attributes.filter((a) => a.classification === current);
  const cases = data.cases.filter((c) => c.classification === current && c.status === 'active');
  const deleted = data.cases.filter((c) => c.classification === current && c.status === 'deleted');

  const select = (name: string) => setParams({ classification: name }, { replace: true });
  const done = (message: string) => {
    notifications.show({ color: 'teal', message });
    void resource.reload();
  };
  /** Runs a command and reloads; `message` (when given) says what was done. */
  const run = async (what: () => Promise<unknown>, message: string | null) => {
    setBusy(true);
    try {
      await what();
      if (message) done(message);
      else void resource.reload();
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not done', message: errorMessage(error), autoClose: 8000 });
    } finally {
      setBusy(false);
    }
  };

  const addCase = () => {
    const name = newCase.trim();
    if (!name) return;
    void run(async () => {
      await sendCommand('case.create', { classification: current, name }, projectId);
      setNewCase('');
    }, `Case “${name}” added.`);
  };

  const addClassification = () => {
    const name = normaliseClassificationName(newClassification);
    if (!name || name === 'document') return;
    setExtra((list) => [...list, name]);
    setNewClassification('');
    select(name);
  };

  const onSaved = (change: { caseId: string; attributeId: string | null; value: string | null }) => {
    const next: CasesResponse = {
      ...data,
      cases: data.cases.map((c): CaseView => {
        if (c.id !== change.caseId) return c;
        if (change.attributeId === null) return { ...c, name: change.value ?? c.name };
        const values = { ...c.values };
        if (change.value === null) delete values[change.attributeId];
        else values[change.attributeId] = change.value;
        return { ...c, values };
      }),
    };
    resource.setData(next);
  };

  return (
    <Stack gap="md">
      <Tabs value={current} onChange={(v) => v && select(v)} keepMounted={false}>
        <Tabs.List>
          {tabs.map((t) => (
            <Tabs.Tab
              key={t.name}
              value={t.name}
              rightSection={
                <Badge size="xs" variant="light" color={t.count ? 'indigo' : 'gray'}>
                  {t.count}
                </Badge>
              }
            >
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>

      {editable && (
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
          <Group gap="xs" align="flex-end">
            <TextInput
              label={`New ${label.toLowerCase()} case`}
              placeholder="Name"
              value={newCase}
              onChange={(e) => setNewCase(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') addCase();
              }}
              w={220}
            />
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={addCase}
              disabled={!newCase.trim()}
              loading={busy}
            >
              Add case
            </Button>
            <Button
              variant="light"
              leftSection={<IconPlus size={16} />}
              onClick={() => setAttributeModal({ editing: null })}
            >
              Add attribute
            </Button>
          </Group>
          <Group gap="xs" align="flex-end">
            <TextInput
              label="New classification"
              placeholder="e.g. School"
              value={newClassification}
              onChange={(e) => setNewClassification(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') addClassification();
              }}
              w={170}
            />
            <Button variant="default" onClick={addClassification} disabled={!newClassification.trim()}>
              Add
            </Button>
          </Group>
        </Group>
      )}

      <Group gap="xs">
        <Button
          component="a"
          href={casesApi.exportUrl(projectId, current)}
          download
          variant="default"
          size="xs"
          leftSection={<IconDownload size={14} />}
        >
          Export CSV
        </Button>
        {editable && (
          <Button
            variant="default"
            size="xs"
            leftSection={<IconUpload size={14} />}
            onClick={() => setImporting(true)}
          >
            Import CSV…
          </Button>
        )}
        {editable && current === 'study' && (
          <Button
            variant="default"
            size="xs"
            leftSection={<IconRefresh size={14} />}
            loading={busy}
            onClick={() =>
              void run(async () => {
                const { result } = await sendCommand('case.sync-studies', {}, projectId);
                notifications.show({
                  color: 'teal',
                  message: `${result.created} new study case(s), ${result.updated} updated from the included studies.`,
                });
              }, null)
            }
          >
            Sync included studies
          </Button>
        )}
      </Group>

      {cases.length === 0 ? (
        <Card withBorder radius="md" p="xl">
          <Text c="dimmed" ta="center">
            {current === 'study'
              ? 'No study cases yet. “Sync included studies” makes one per study included at the last screening stage.'
              : `No ${label.toLowerCase()} cases yet.${editable ? ' Add one above, or import a CSV sheet.' : ''}`}
          </Text>
          {attributes.length > 0 && (
            <Text c="dimmed" ta="center" fz="sm" mt="xs">
              Attributes: {attributes.map((a) => a.name).join(', ')}
            </Text>
          )}
        </Card>
      ) : (
        <ClassificationSheet
          projectId={projectId}
          attributes={attributes}
          cases={cases}
          documents={data.documents}
          onOpenDocument={setOpenDocument}
          editable={editable}
          onSaved={onSaved}
          onEditAttribute={(attribute) => setAttributeModal({ editing: attribute })}
          onRemoveAttribute={(attribute) =>
            void run(
              () => sendCommand('attribute.remove', { attributeId: attribute.id }, projectId),
              `Attribute “${attribute.name}” removed.`,
            )
          }
          onCodeCase={setCodingCase}
          onActiveCase={setSelectedCase}
          onDeleteCase={(item) =>
            void run(
              () => sendCommand('case.delete', { caseId: item.id }, projectId),
              `Case “${item.name}” deleted.`,
            )
          }
        />
      )}
      {editable && cases.length > 0 && (
        <Text fz="xs" c="dimmed">
          Arrows move between cells · Enter or typing edits · Enter / Tab saves · Esc cancels · Delete clears
        </Text>
      )}

      {cases.length > 0 && (
        <CaseMemos projectId={projectId} item={cases.find((c) => c.id === selectedCase?.id) ?? cases[0]} />
      )}

      {deleted.length > 0 && (
        <Alert color="gray" variant="light" title="Deleted cases">
          <Group gap="xs">
            {deleted.map((c) => (
              <Button
                key={c.id}
                size="xs"
                variant="default"
                leftSection={<IconRestore size={14} />}
                disabled={!editable}
                onClick={() =>
                  void run(
                    () => sendCommand('case.restore', { caseId: c.id }, projectId),
                    `Case “${c.name}” restored.`,
                  )
                }
              >
                {c.name}
              </Button>
            ))}
          </Group>
        </Alert>
      )}

      <AttributeModal
        projectId={projectId}
        classification={current}
        editing={attributeModal?.editing ?? null}
        opened={attributeModal !== null}
        onClose={() => setAttributeModal(null)}
        onDone={done}
      />
      <CodeCasePalette projectId={projectId} target={codingCase} onClose={() => setCodingCase(null)} />
      <DocumentProperties
        projectId={projectId}
        documentId={openDocument}
        opened={openDocument !== null}
        onClose={() => setOpenDocument(null)}
      />
      <ImportSheetModal
        projectId={projectId}
        classification={current}
        label={label.toLowerCase()}
        opened={importing}
        onClose={() => setImporting(false)}
        onDone={done}
      />
    </Stack>
  );
}
