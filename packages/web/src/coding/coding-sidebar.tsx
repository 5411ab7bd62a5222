import { Loader, Stack, Text } from '@mantine/core';
import type { CodebookNode, CodingView } from '@weft/protocol';
import type { CSSProperties } from 'react';
import { CodebookTree } from '../codebook/codebook-tree';
import { MemoPanel } from '../memos/memo-panel';
import type { CodeInfo } from './code-colours';
import { DocumentCodesLegend, type LegendEntry } from './document-codes-legend';
import { SelectedCodingCard } from './selected-coding-card';

/**
 * The column beside the text: the codebook, this document's codes and its memo. A selected
 * coding's card (and its memo) floats over the column's top instead of being stacked above the
 * codebook: stacked, selecting a coding pushed the codebook down and it jumped back on clearing.
 * Selecting text clears the coding, so the codebook is uncovered whenever a code is to be applied.
 */
export function CodingSidebar(props: {
  projectId: string;
  documentId: string;
  height: string;
  editable: boolean;
  codebook: CodebookNode[] | undefined;
  selectedCoding: CodingView | undefined;
  code: CodeInfo | undefined;
  coderName: string;
  legend: LegendEntry[];
  hoveredLane: number | null;
  onHoverLane: (lane: number | null) => void;
  onOpenCode: (codeId: string) => void;
  onApply: (codeId: string) => void;
  onUncode: () => void;
  onRecode: () => void;
  onConfirm: () => void;
  onCloseCoding: () => void;
}) {
  const { projectId, selectedCoding } = props;
  return (
    <div style={{ width: 300, flex: 'none', height: props.height, position: 'relative' }}>
      {/* The column scrolls; its sections keep their natural height (a flex column would squash them). */}
      <div style={{ height: '100%', overflowY: 'auto' }}>
        <Stack gap="md">
          <Stack gap={6}>
            <SidebarLabel>Codebook</SidebarLabel>
            {props.codebook ? (
              <CodebookTree
                projectId={projectId}
                codes={props.codebook}
                onOpen={props.onOpenCode}
                onApply={props.editable ? props.onApply : undefined}
                editable={props.editable}
                dense
              />
            ) : (
              <Loader size="xs" aria-label="Loading the codebook" />
            )}
          </Stack>
          <Stack gap={6}>
            <SidebarLabel>In this document</SidebarLabel>
            <DocumentCodesLegend
              entries={props.legend}
              hoveredLane={props.hoveredLane}
              onHoverLane={props.onHoverLane}
              onOpen={props.onOpenCode}
            />
          </Stack>
          <Stack gap={6}>
            <SidebarLabel>On this document</SidebarLabel>
            <MemoPanel projectId={projectId} target={{ kind: 'document', id: props.documentId }} compact />
          </Stack>
        </Stack>
      </div>
      {selectedCoding && (
        <div style={SLOT} data-testid="selected-coding-slot">
          <Stack gap="sm">
            <SelectedCodingCard
              coding={selectedCoding}
              code={props.code}
              coderName={props.coderName}
              editable={props.editable}
              onUncode={props.onUncode}
              onRecode={props.onRecode}
              onConfirm={props.onConfirm}
              onClose={props.onCloseCoding}
            />
            <SidebarLabel>On this coding</SidebarLabel>
            <MemoPanel
              key={selectedCoding.id}
              projectId={projectId}
              target={{ kind: 'coding', id: selectedCoding.id }}
              compact
            />
          </Stack>
        </div>
      )}
    </div>
  );
}

/** Over the column's top, its own scroller, lifted off the codebook by a shadow. */
const SLOT: CSSProperties = {
  position: 'absolute',
  top: 0,
  left: 0,
  right: 0,
  maxHeight: '100%',
  overflowY: 'auto',
  zIndex: 2,
  padding: '0 0 12px',
  background: 'var(--mantine-color-body)',
  boxShadow: '0 8px 12px -8px rgba(0, 0, 0, 0.25)',
};

function SidebarLabel({ children }: { children: string }) {
  return (
    <Text fz="xs" fw={700} c="dimmed" tt="uppercase">
      {children}
    </Text>
  );
}
