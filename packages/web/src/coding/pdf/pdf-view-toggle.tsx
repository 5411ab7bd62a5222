import { SegmentedControl, Text } from '@mantine/core';

/**
 * PDF / Text for a PDF document. An edited PDF has no page overlay (its text boxes cannot follow
 * the edit), so it is coded as text, and a short note says why.
 */
export function PdfViewToggle({
  available,
  asText,
  onChange,
}: {
  available: boolean;
  asText: boolean;
  onChange: (asText: boolean) => void;
}) {
  if (!available)
    return (
      <Text fz="xs" c="dimmed" data-testid="pdf-view-note">
        Shown as text: this version was edited, so its text no longer lies on the PDF's pages.
      </Text>
    );
  return (
    <SegmentedControl
      size="xs"
      aria-label="Show the document as"
      value={asText ? 'text' : 'pdf'}
      onChange={(value) => onChange(value === 'text')}
      data={[
        { value: 'pdf', label: 'PDF' },
        { value: 'text', label: 'Text' },
      ]}
    />
  );
}
