import { Alert, Badge, Button, Group, List, Modal, Stack, Stepper, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import type { ColumnMappingInput, CommandResults, SearchView, UploadResponse } from '@weft/protocol';
import { useRef, useState } from 'react';
import { sendCommand } from '../api/commands';
import { identificationApi, type UploadPreview } from '../api/identification';
import { errorMessage } from '../api/problem';
import { ColumnMappingForm } from './column-mapping-form';
import { FileDrop, formatBytes } from './file-drop';
import { FORMAT_NAMES } from './format-names';
import { EMPTY_SEARCH, SearchDetailsForm, type SearchDraft } from './search-details-form';
import { UploadPreviewPanel } from './upload-preview-panel';

type ImportResult = CommandResults['import.records'];
type Step = 'file' | 'columns' | 'search' | 'result';

/**
 * File → upload → (tables: column mapping) → search details → import → result. The upload only
 * stores the bytes; nothing enters the project until the import command, which is one
 * transaction (a bad file changes nothing) and records the column mapping it used.
 */
export function ImportWizard({
  projectId,
  opened,
  searches,
  onClose,
  onImported,
}: {
  projectId: string;
  opened: boolean;
  searches: SearchView[];
  onClose: () => void;
  onImported: () => void;
}) {
  const [step, setStep] = useState<Step>('file');
  const [file, setFile] = useState<File | null>(null);
  const [upload, setUpload] = useState<UploadResponse | null>(null);
  const [preview, setPreview] = useState<UploadPreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [existingId, setExistingId] = useState<string | null>(null);
  const [draft, setDraft] = useState<SearchDraft>(EMPTY_SEARCH);
  const [nameError, setNameError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [createdSearchId, setCreatedSearchId] = useState<string | null>(null);
  const [columnMapping, setColumnMapping] = useState<ColumnMappingInput>({});
  const [remapping, setRemapping] = useState(false);
  const [mappingError, setMappingError] = useState<string | null>(null);
  // Answers to earlier mapping changes may arrive after later ones: only the latest is shown.
  const previewRequest = useRef(0);

  const reset = () => {
    setStep('file');
    setColumnMapping({});
    setMappingError(null);
    setFile(null);
    setUpload(null);
    setPreview(null);
    setPreviewError(null);
    setExistingId(null);
    setDraft(EMPTY_SEARCH);
    setNameError(undefined);
    setError(null);
    setResult(null);
    setCreatedSearchId(null);
  };
  const close = () => {
    if (busy) return;
    reset();
    onClose();
  };

  const sendFile = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const uploaded = await identificationApi.upload(projectId, file);
      setUpload(uploaded);
      setPreview(null);
      setPreviewError(null);
      setColumnMapping({});
      setMappingError(null);
      // The import would refuse a file the preview cannot parse, with the same message: say it now.
      let next: Step = 'search';
      try {
        const previewed = await identificationApi.preview(projectId, uploaded.uploadId);
        setPreview(previewed);
        if (previewed.table) next = 'columns';
      } catch (err) {
        setPreviewError(errorMessage(err));
      }
      setStep(next);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const changeMapping = async (changes: ColumnMappingInput) => {
    if (!upload) return;
    const next = { ...columnMapping, ...changes };
    setColumnMapping(next);
    setMappingError(null);
    setRemapping(true);
    const request = ++previewRequest.current;
    try {
      const previewed = await identificationApi.preview(projectId, upload.uploadId, { columnMapping: next });
      if (request === previewRequest.current) setPreview(previewed);
    } catch (err) {
      if (request === previewRequest.current) setMappingError(errorMessage(err));
    } finally {
      if (request === previewRequest.current) setRemapping(false);
    }
  };

  const runImport = async () => {
    if (!upload) return;
    if (existingId === null && !draft.name.trim()) {
      setNameError('Name the search, e.g. “MEDLINE”.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      // A retry after a failed import reuses the search made the first time.
      let searchId = existingId ?? createdSearchId;
      if (!searchId) {
        const created = await sendCommand(
          'search.create',
          {
            sourceType: draft.sourceType,
            name: draft.name.trim(),
            platform: draft.platform.trim(),
            dateRun: draft.dateRun || null,
            query: draft.query,
            reportedCount: draft.reportedCount === '' ? null : draft.reportedCount,
            notes: '',
          },
          projectId,
        );
        searchId = created.result.searchId;
        setCreatedSearchId(searchId);
      }
      const imported = await sendCommand(
        'import.records',
        {
          searchId,
          uploadId: upload.uploadId,
          ...(preview?.table && Object.keys(columnMapping).length > 0 ? { columnMapping } : {}),
        },
        projectId,
      );
      setResult(imported.result);
      setStep('result');
      onImported();
    } catch (err) {
      setError(errorMessage(err));
      onImported();
    } finally {
      setBusy(false);
    }
  };

  // The count mismatch has its own notice above the list; do not say it twice.
  const warnings = (result?.warnings ?? []).filter(
    (w) =>
      !(
        result?.countMismatch &&
        w.line === undefined &&
        w.record === undefined &&
        w.message.includes(`reported ${result.countMismatch.reported} records`)
      ),
  );

  const steps: Step[] = preview?.table
    ? ['file', 'columns', 'search', 'result']
    : ['file', 'search', 'result'];

  return (
    <Modal opened={opened} onClose={close} title="Import records" size="xl" closeOnClickOutside={!busy}>
      <Stepper active={steps.indexOf(step)} size="sm" allowNextStepsSelect={false} mb="lg">
        <Stepper.Step label="File" description={upload ? formatBytes(upload.byteSize) : 'Drop or pick'} />
        {steps.includes('columns') && <Stepper.Step label="Columns" description="Which column is which" />}
        <Stepper.Step label="Search" description="Where it came from" />
        <Stepper.Step label="Result" description="Records and warnings" />
      </Stepper>

      {step === 'file' && (
        <Stack>
          <FileDrop
            file={file}
            onFile={(picked) => {
              setFile(picked);
              setUpload(null);
              setError(null);
            }}
          />
          {error && <ErrorAlert message={error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button onClick={() => void sendFile()} disabled={!file} loading={busy}>
              Upload and continue
            </Button>
          </Group>
        </Stack>
      )}

      {step === 'columns' && upload && preview?.table && (
        <Stack>
          <Text fz="sm" c="dimmed">
            <b>{upload.fileName}</b> is a table ({formatBytes(upload.byteSize)}).
          </Text>
          <ColumnMappingForm table={preview.table} onChange={(changes) => void changeMapping(changes)} />
          {mappingError && (
            <Alert
              color="red"
              variant="light"
              icon={<IconAlertTriangle size={18} />}
              data-testid="mapping-error"
            >
              <Text fz="sm">{mappingError}</Text>
            </Alert>
          )}
          <UploadPreviewPanel preview={preview} busy={remapping} />
          <Group justify="space-between">
            <Button variant="default" onClick={() => setStep('file')}>
              Back
            </Button>
            <Button onClick={() => setStep('search')} disabled={remapping || mappingError !== null}>
              Continue
            </Button>
          </Group>
        </Stack>
      )}

      {step === 'search' && upload && (
        <Stack>
          <Text fz="sm" c="dimmed">
            <b>{upload.fileName}</b> is uploaded ({formatBytes(upload.byteSize)}).{' '}
            {previewError ? '' : 'Say which search it holds the results of.'}
          </Text>
          {preview && <UploadPreviewPanel preview={preview} />}
          {previewError ? (
            <ErrorAlert message={previewError} />
          ) : (
            <SearchDetailsForm
              searches={searches}
              existingId={existingId}
              onExisting={setExistingId}
              draft={draft}
              onDraft={(next) => {
                setDraft(next);
                setNameError(undefined);
              }}
              nameError={nameError}
            />
          )}
          {error && <ErrorAlert message={error} />}
          <Group justify="space-between">
            <Button
              variant="default"
              onClick={() => setStep(preview?.table && !previewError ? 'columns' : 'file')}
              disabled={busy}
            >
              {previewError ? 'Choose another file' : 'Back'}
            </Button>
            {!previewError && (
              <Button onClick={() => void runImport()} loading={busy}>
                Import
              </Button>
            )}
          </Group>
        </Stack>
      )}

      {step === 'result' && result && (
        <Stack data-testid="import-result">
          <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} title="Imported">
            <Text fz="sm">
              <b data-testid="imported-count">{result.recordCount.toLocaleString()}</b>{' '}
              {result.recordCount === 1 ? 'record' : 'records'} from {upload?.fileName}, read as{' '}
              <Badge variant="light" size="sm" data-testid="imported-format">
                {FORMAT_NAMES[result.format] ?? result.format}
              </Badge>
              .
            </Text>
          </Alert>
          {result.countMismatch && (
            <Alert
              color="orange"
              variant="light"
              icon={<IconAlertTriangle size={18} />}
              title="Count differs"
            >
              The database reported {result.countMismatch.reported.toLocaleString()} records for this search;{' '}
              {result.countMismatch.imported.toLocaleString()} have been imported into it. Check the export
              was complete.
            </Alert>
          )}
          {warnings.length > 0 && (
            <Alert
              color="yellow"
              variant="light"
              icon={<IconAlertTriangle size={18} />}
              title={`${warnings.length} ${warnings.length === 1 ? 'warning' : 'warnings'}`}
            >
              <List size="sm" spacing={2} data-testid="import-warnings">
                {warnings.map((warning, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: warnings are a fixed list
                  <List.Item key={index}>
                    {warning.line !== undefined && <b>Line {warning.line}: </b>}
                    {warning.line === undefined && warning.record !== undefined && (
                      <b>Record {warning.record}: </b>
                    )}
                    {warning.message}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={reset}>
              Import another file
            </Button>
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function ErrorAlert({ message }: { message: string }) {
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title="Nothing was imported"
      data-testid="import-error"
    >
      <Text fz="sm">{message}</Text>
      <Text fz="xs" c="dimmed" mt={4}>
        The project is unchanged. Fix the file or pick another, then try again.
      </Text>
    </Alert>
  );
}
