import { Alert, Badge, Button, Group, List, Modal, Stack, Stepper, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import type { CommandResults, SearchView, UploadResponse } from '@weft/protocol';
import { useState } from 'react';
import { sendCommand } from '../api/commands';
import { identificationApi, type UploadPreview } from '../api/identification';
import { errorMessage } from '../api/problem';
import { FileDrop, formatBytes } from './file-drop';
import { FORMAT_NAMES } from './format-names';
import { EMPTY_SEARCH, SearchDetailsForm, type SearchDraft } from './search-details-form';
import { UploadPreviewPanel } from './upload-preview-panel';

type ImportResult = CommandResults['import.records'];

/**
 * File → upload → search details → import → result. The upload only stores the bytes; nothing
 * enters the project until the import command, which is one transaction (a bad file changes nothing).
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
  const [step, setStep] = useState(0);
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

  const reset = () => {
    setStep(0);
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
      // The import would refuse a file the preview cannot parse, with the same message: say it now.
      try {
        setPreview(await identificationApi.preview(projectId, uploaded.uploadId));
      } catch (err) {
        setPreviewError(errorMessage(err));
      }
      setStep(1);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
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
        { searchId, uploadId: upload.uploadId },
        projectId,
      );
      setResult(imported.result);
      setStep(2);
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

  return (
    <Modal opened={opened} onClose={close} title="Import records" size="xl" closeOnClickOutside={!busy}>
      <Stepper active={step} size="sm" allowNextStepsSelect={false} mb="lg">
        <Stepper.Step label="File" description={upload ? formatBytes(upload.byteSize) : 'Drop or pick'} />
        <Stepper.Step label="Search" description="Where it came from" />
        <Stepper.Step label="Result" description="Records and warnings" />
      </Stepper>

      {step === 0 && (
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

      {step === 1 && upload && (
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
            <Button variant="default" onClick={() => setStep(0)} disabled={busy}>
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

      {step === 2 && result && (
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
