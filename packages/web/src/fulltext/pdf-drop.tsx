import { Button, FileButton, Group, Paper, Text } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import { PDF_ACCEPT, pdfFiles } from './fulltext-api';

/** A drop area for PDFs with a picker button; `multiple` for bulk uploads. */
export function PdfDrop({
  onFiles,
  multiple = false,
  busy = false,
  label,
  testId,
}: {
  onFiles: (files: File[]) => void;
  multiple?: boolean;
  busy?: boolean;
  label: string;
  testId?: string;
}) {
  const [dragging, setDragging] = useState(false);
  const take = (files: File[]) => {
    const pdfs = pdfFiles(files);
    if (pdfs.length > 0) onFiles(multiple ? pdfs : pdfs.slice(0, 1));
  };
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      data-testid={testId}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        take([...event.dataTransfer.files]);
      }}
      style={{
        borderStyle: 'dashed',
        background: dragging ? 'var(--mantine-color-weft-0, var(--mantine-color-blue-0))' : undefined,
      }}
    >
      <Group justify="space-between" gap="sm" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <IconFileTypePdf size={28} stroke={1.4} color="var(--mantine-color-red-7)" />
          <Text fz="sm" c="dimmed">
            {label}
          </Text>
        </Group>
        {multiple ? (
          <FileButton onChange={(files) => take(files)} accept={PDF_ACCEPT} multiple>
            {(props) => (
              <Button {...props} size="xs" variant="light" loading={busy}>
                Choose PDFs
              </Button>
            )}
          </FileButton>
        ) : (
          <FileButton onChange={(file) => file && take([file])} accept={PDF_ACCEPT}>
            {(props) => (
              <Button {...props} size="xs" variant="light" loading={busy}>
                Choose a PDF
              </Button>
            )}
          </FileButton>
        )}
      </Group>
    </Paper>
  );
}
