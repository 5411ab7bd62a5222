import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Menu,
  Popover,
  Stack,
  Text,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconChevronDown,
  IconChevronUp,
  IconDots,
  IconFileText,
  IconTag,
  IconTrash,
} from '@tabler/icons-react';
import { compareAttributeValues } from '@weft/core';
import type { AttributeView, CaseDocumentLink, CaseView } from '@weft/protocol';
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { sendCommand } from '../api/commands';
import { errorMessage } from '../api/problem';
import { CellEditor, type CommitMove } from './cell-editor';
import { displayValue, TYPE_LABELS } from './cell-value';
import './classification-sheet.css';

interface Cell {
  row: number;
  col: number;
}

export interface ClassificationSheetProps {
  projectId: string;
  attributes: AttributeView[];
  cases: CaseView[];
  documents: CaseDocumentLink[];
  editable: boolean;
  /** Open a document's properties (folder, case, study, document attributes). */
  onOpenDocument: (documentId: string) => void;
  /** Apply a change the server accepted to the data on screen (before the reload arrives). */
  onSaved: (change: { caseId: string; attributeId: string | null; value: string | null }) => void;
  onEditAttribute: (attribute: AttributeView) => void;
  onRemoveAttribute: (attribute: AttributeView) => void;
  onDeleteCase: (item: CaseView) => void;
  /** "Code whole case…": offered on cases that have documents. */
  onCodeCase?: (item: CaseView) => void;
  /** The case of the active cell's row (for its memos), as the active cell moves. */
  onActiveCase?: (item: CaseView | undefined) => void;
}

/**
 * One classification sheet as a spreadsheet: a row per case, a column per attribute. Arrows move
 * between cells, Enter (or typing) edits, Enter/Tab saves and moves on, Esc cancels, Delete
 * clears. Each saved cell is one `attribute.set` (the case name: `case.edit`).
 */
export function ClassificationSheet({
  projectId,
  attributes,
  cases: unsorted,
  documents,
  editable,
  onOpenDocument,
  onSaved,
  onEditAttribute,
  onRemoveAttribute,
  onDeleteCase,
  onCodeCase,
  onActiveCase,
}: ClassificationSheetProps) {
  const [active, setActive] = useState<Cell>({ row: 0, col: 0 });
  const [editing, setEditing] = useState<{ cell: Cell; draft: string } | null>(null);
  const [saving, setSaving] = useState<string | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const columns = attributes.length + 1;
  const focusWanted = useRef(false);

  const [sort, setSort] = useState<{ col: number; desc: boolean } | null>(null);
  const cases = useMemo(() => {
    if (!sort) return unsorted;
    const attribute = attributes[sort.col - 1];
    const sorted = [...unsorted].sort((a, b) =>
      attribute
        ? compareAttributeValues(
            attribute.valueType,
            a.values[attribute.id] ?? null,
            b.values[attribute.id] ?? null,
          )
        : a.name.localeCompare(b.name),
    );
    return sort.desc ? sorted.reverse() : sorted;
  }, [unsorted, attributes, sort]);

  const activeCase = cases[active.row];
  useEffect(() => onActiveCase?.(activeCase), [activeCase, onActiveCase]);
  const sortBy = (col: number) =>
    setSort((current) => (current?.col === col ? { col, desc: !current.desc } : { col, desc: false }));
  const ariaSort = (col: number) =>
    sort?.col === col ? (sort.desc ? 'descending' : 'ascending') : undefined;
  const rowCount = cases.length;
  const clamp = (cell: Cell): Cell => ({
    row: Math.max(0, Math.min(rowCount - 1, cell.row)),
    col: Math.max(0, Math.min(columns - 1, cell.col)),
  });

  useEffect(() => {
    if (editing || !focusWanted.current) return;
    const td = tableRef.current?.querySelector<HTMLElement>(`[data-cell="${active.row}:${active.col}"]`);
    td?.focus();
  }, [active, editing]);

  const cellValue = (cell: Cell): string => {
    const item = cases[cell.row];
    if (!item) return '';
    if (cell.col === 0) return item.name;
    const attribute = attributes[cell.col - 1];
    return attribute ? (item.values[attribute.id] ?? '') : '';
  };

  const move = (cell: Cell, how: CommitMove) => {
    focusWanted.current = true;
    if (how === 'down') setActive(clamp({ row: cell.row + 1, col: cell.col }));
    else if (how === 'right') setActive(clamp({ row: cell.row, col: cell.col + 1 }));
    else if (how === 'left') setActive(clamp({ row: cell.row, col: cell.col - 1 }));
    else setActive(cell);
  };

  const save = async (cell: Cell, draft: string) => {
    const item = cases[cell.row];
    if (!item) return;
    const before = cellValue(cell);
    if (draft.trim() === before) return;
    const key = `${cell.row}:${cell.col}`;
    setSaving(key);
    try {
      if (cell.col === 0) {
        if (draft.trim() === '') throw new Error('A case needs a name.');
        await sendCommand('case.edit', { caseId: item.id, name: draft.trim() }, projectId);
        onSaved({ caseId: item.id, attributeId: null, value: draft.trim() });
      } else {
        const attribute = attributes[cell.col - 1];
        if (!attribute) return;
        const response = await sendCommand(
          'attribute.set',
          { attributeId: attribute.id, targetId: item.id, value: draft.trim() === '' ? null : draft },
          projectId,
        );
        onSaved({ caseId: item.id, attributeId: attribute.id, value: response.result.value });
      }
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(error), autoClose: 8000 });
    } finally {
      setSaving(null);
    }
  };

  const commit = (how: CommitMove) => {
    if (!editing) return;
    const { cell, draft } = editing;
    setEditing(null);
    move(cell, how);
    void save(cell, draft);
  };

  const startEdit = (cell: Cell, draft?: string) => {
    if (!editable) return;
    setActive(cell);
    setEditing({ cell, draft: draft ?? cellValue(cell) });
  };

  const onCellKey = (event: KeyboardEvent<HTMLTableCellElement>, cell: Cell) => {
    const arrows: Record<string, Cell> = {
      ArrowUp: { row: cell.row - 1, col: cell.col },
      ArrowDown: { row: cell.row + 1, col: cell.col },
      ArrowLeft: { row: cell.row, col: cell.col - 1 },
      ArrowRight: { row: cell.row, col: cell.col + 1 },
      Home: { row: cell.row, col: 0 },
      End: { row: cell.row, col: columns - 1 },
    };
    const target = arrows[event.key];
    if (target) {
      event.preventDefault();
      focusWanted.current = true;
      setActive(clamp(target));
    } else if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      startEdit(cell);
    } else if ((event.key === 'Delete' || event.key === 'Backspace') && editable && cell.col > 0) {
      event.preventDefault();
      void save(cell, '');
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      const attribute = attributes[cell.col - 1];
      // Typing starts a fresh value in a text box; a select opens on its current value instead.
      const isSelect = attribute?.valueType === 'choice' || attribute?.valueType === 'boolean';
      event.preventDefault();
      startEdit(cell, isSelect ? cellValue(cell) : event.key);
    }
  };

  return (
    <div style={{ overflowX: 'auto', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}>
      <table
        ref={tableRef}
        className="weft-sheet"
        aria-label="Classification sheet"
        data-testid="classification-sheet"
      >
        <thead>
          <tr>
            <th style={{ minWidth: 180 }} aria-sort={ariaSort(0)}>
              <SortButton
                label="Case"
                sorted={sort?.col === 0 ? sort.desc : undefined}
                onClick={() => sortBy(0)}
              />
            </th>
            {attributes.map((attribute, i) => (
              <th
                key={attribute.id}
                style={{ minWidth: Math.max(150, 120 + attribute.name.length * 8) }}
                aria-sort={ariaSort(i + 1)}
              >
                <Group gap={6} wrap="nowrap" justify="space-between">
                  <Group gap={6} wrap="nowrap">
                    <SortButton
                      label={attribute.name}
                      sorted={sort?.col === i + 1 ? sort.desc : undefined}
                      onClick={() => sortBy(i + 1)}
                    />
                    <Badge size="xs" variant="light" color="gray" style={{ flexShrink: 0 }}>
                      {TYPE_LABELS[attribute.valueType]}
                    </Badge>
                  </Group>
                  {editable && (
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <ActionIcon
                          size="sm"
                          variant="subtle"
                          color="gray"
                          aria-label={`${attribute.name} options`}
                        >
                          <IconDots size={14} />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item onClick={() => onEditAttribute(attribute)}>
                          {attribute.valueType === 'choice' ? 'Rename or edit options…' : 'Rename…'}
                        </Menu.Item>
                        <Menu.Item color="red" onClick={() => onRemoveAttribute(attribute)}>
                          Remove attribute
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  )}
                </Group>
              </th>
            ))}
            <th style={{ width: 90 }}>Documents</th>
            {editable && (
              <th style={{ width: 80 }}>
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {cases.map((item, row) => (
            <tr key={item.id} data-case={item.name}>
              {[null, ...attributes].map((attribute, col) => {
                const cell = { row, col };
                const isActive = active.row === row && active.col === col;
                const isEditing = editing?.cell.row === row && editing.cell.col === col;
                const label = `${item.name} — ${attribute ? attribute.name : 'name'}`;
                return (
                  <td
                    key={attribute?.id ?? 'name'}
                    data-cell={`${row}:${col}`}
                    aria-label={label}
                    tabIndex={isActive ? 0 : -1}
                    className={[
                      col === 0 ? 'weft-cell-name' : '',
                      attribute?.valueType === 'number' ? 'weft-cell-number' : '',
                      saving === `${row}:${col}` ? 'weft-cell-saving' : '',
                    ].join(' ')}
                    onClick={() => setActive(cell)}
                    onDoubleClick={() => startEdit(cell)}
                    onKeyDown={(e) => onCellKey(e, cell)}
                    title={col === 0 && item.description ? item.description : undefined}
                  >
                    {isEditing && editing ? (
                      <CellEditor
                        attribute={attribute}
                        draft={editing.draft}
                        label={label}
                        onDraft={(draft) => setEditing({ cell, draft })}
                        onCommit={commit}
                        onCancel={() => {
                          setEditing(null);
                          move(cell, 'none');
                        }}
                      />
                    ) : (
                      <span className="weft-cell-text">
                        {attribute ? displayValue(attribute, item.values[attribute.id]) : item.name}
                      </span>
                    )}
                  </td>
                );
              })}
              <td>
                <DocumentsCell
                  caseName={item.name}
                  documents={documents.filter((d) => item.documentIds.includes(d.id))}
                  onOpen={onOpenDocument}
                />
              </td>
              {editable && (
                <td className="weft-case-actions" style={{ whiteSpace: 'nowrap' }}>
                  {onCodeCase && item.documentIds.length > 0 && (
                    <Tooltip label="Code whole case…" withArrow>
                      <ActionIcon
                        variant="subtle"
                        color="indigo"
                        ml={6}
                        aria-label={`Code whole case ${item.name}`}
                        onClick={() => onCodeCase(item)}
                      >
                        <IconTag size={15} />
                      </ActionIcon>
                    </Tooltip>
                  )}
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    mx={6}
                    aria-label={`Delete ${item.name}`}
                    onClick={() => onDeleteCase(item)}
                  >
                    <IconTrash size={15} />
                  </ActionIcon>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The documents linked to a case, listed in a popover; each opens its properties. */
function DocumentsCell({
  caseName,
  documents,
  onOpen,
}: {
  caseName: string;
  documents: CaseDocumentLink[];
  onOpen: (documentId: string) => void;
}) {
  if (documents.length === 0)
    return (
      <Group gap={4} px={8} c="dimmed">
        <IconFileText size={14} />
        <Text fz="sm">0</Text>
      </Group>
    );
  return (
    <Popover position="bottom-end" withinPortal shadow="md">
      <Popover.Target>
        <Button
          variant="subtle"
          size="compact-sm"
          mx={4}
          leftSection={<IconFileText size={14} />}
          aria-label={`Documents of ${caseName}`}
        >
          {documents.length}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={4}>
          {documents.map((d) => (
            <Group key={d.id} justify="space-between" gap="md" wrap="nowrap">
              <Text fz="sm">
                {d.folder ? `${d.folder} / ` : ''}
                {d.name}
              </Text>
              <Button size="compact-xs" variant="light" onClick={() => onOpen(d.id)}>
                Properties
              </Button>
            </Group>
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

/** A column name that sorts the sheet by the column (again: the other way). */
function SortButton({
  label,
  sorted,
  onClick,
}: {
  label: string;
  sorted: boolean | undefined;
  onClick: () => void;
}) {
  return (
    <UnstyledButton onClick={onClick} fw={600} fz="sm" title={`Sort by ${label}`}>
      <Group gap={2} wrap="nowrap">
        {label}
        {sorted === undefined ? null : sorted ? <IconChevronDown size={14} /> : <IconChevronUp size={14} />}
      </Group>
    </UnstyledButton>
  );
}
