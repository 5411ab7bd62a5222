import { Alert, Button, Card, FileButton, Group, List, Stack, Text, TextInput } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import type { UploadResponse } from '@weft/protocol';
import { useState } from 'react';
import { postBytes } from '../api/client';
import { codingApi } from '../api/coding';
import { sendCommand } from '../api/commands';
import { errorMessage } from '../api/problem';
import { queryString } from '../api/query-string';

interface Outcome {
  fileName: string;
  ok: boolean;
  message: string;
  warnings: string[];
}

const ACCEPT =
  '.txt,.md,.markdown,.html,.htm,.docx,.pdf,.vtt,.srt,text/plain,text/markdown,text/html,application/pdf';

/**
 * Drop or pick files: each is uploaded (its bytes stored), then `document.add` extracts it into a
 * document. Warnings from extraction ("page 3 has no text layer") and refusals are listed per file.
 */
export function DocumentUpload({ projectId, onAdded }: { projectId: string; onAdded: () => void }) {
  const [folder, setFolder] = useState('');
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);

  const add = async (files: File[]) => {
    if (files.length === 0) return;
    setBusy(true);
    const results: Outcome[] = [];
    for (const file of files) {
      try {
        const upload = await postBytes<UploadResponse>(
          `${codingApi.documentUploadUrl(projectId)}${queryString({ fileName: file.name })}`,
          file,
        );
        const { result } = await sendCommand(
          'document.add',
          { uploadId: upload.uploadId, folder: folder.trim() },
          projectId,
        );
        results.push({
          fileName: file.name,
          ok: true,
          message: `added as ${result.kind} (${result.length.toLocaleString('en')} characters)`,
          warnings: result.warnings,
        });
      } catch (error) {
        results.push({ fileName: file.name, ok: false, message: errorMessage(error), warnings: [] });
      }
    }
    setOutcomes(results);
    setBusy(false);
    onAdded();
  };

  return (
    <Card
      withBorder
      radius="md"
      p="md"
      data-testid="document-drop"
      style={{
        borderStyle: 'dashed',
        borderWidth: 2,
        borderColor: dragging ? 'var(--mantine-color-blue-5)' : undefined,
        background: dragging ? 'var(--mantine-color-blue-0)' : undefined,
      }}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        void add([...e.dataTransfer.files]);
      }}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" gap="md">
          <Group gap="sm" align="center">
            <IconUpload size={28} stroke={1.4} color="var(--mantine-color-dimmed)" />
            <div>
              <Text fw={600}>Add documents</Text>
              <Text fz="sm" c="dimmed">
                Drop files here: text, Markdown, HTML, Word (.docx), PDF, transcripts (.vtt, .srt, or
                “Speaker: text” lines).
              </Text>
            </div>
          </Group>
          <Group gap="sm" align="flex-end">
            <TextInput
              size="sm"
              label="Folder"
              placeholder="e.g. Interviews/Wave 1"
              value={folder}
              onChange={(e) => setFolder(e.currentTarget.value)}
              w={220}
            />
            <FileButton onChange={(files) => void add(files)} accept={ACCEPT} multiple>
              {(props) => (
                <Button {...props} loading={busy}>
                  Choose files
                </Button>
              )}
            </FileButton>
          </Group>
        </Group>
        {outcomes.map((o) => (
          <Alert
            key={o.fileName}
            color={!o.ok ? 'red' : o.warnings.length ? 'yellow' : 'teal'}
            variant="light"
            title={`${o.fileName}: ${o.ok ? o.message : 'not added'}`}
            data-testid="document-upload-outcome"
          >
            {!o.ok && o.message}
            {o.warnings.length > 0 && (
              <List size="sm">
                {o.warnings.map((w) => (
                  <List.Item key={w}>{w}</List.Item>
                ))}
              </List>
            )}
          </Alert>
        ))}
      </Stack>
    </Card>
  );
}
