import {
  ActionIcon,
  Badge,
  Box,
  ColorSwatch,
  Group,
  Menu,
  Text,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import {
  IconChevronDown,
  IconChevronRight,
  IconDots,
  IconPencil,
  IconPlus,
  IconTag,
  IconTrash,
} from '@tabler/icons-react';
import type { DragEvent, KeyboardEvent, MouseEvent, Ref } from 'react';
import { CodeNameInput } from './code-name-input';
import type { DropPosition, TreeRow } from './tree-model';

export const NO_COLOUR = 'var(--mantine-color-gray-4)';
const INDENT = 16;

export interface CodeRowProps {
  row: TreeRow;
  rowRef: Ref<HTMLDivElement>;
  selected: boolean;
  focusable: boolean;
  expanded: boolean;
  dense: boolean;
  editable: boolean;
  renaming: boolean;
  /** Where a dragged code would land relative to this row, while it is dragged over. */
  drop: DropPosition | 'apply' | null;
  canApply: boolean;
  onToggle: () => void;
  onClick: (e: MouseEvent) => void;
  onDoubleClick: () => void;
  onKeyDown: (e: KeyboardEvent<HTMLDivElement>) => void;
  onApply: () => void;
  onAddChild: () => void;
  onRename: () => void;
  onRenamed: (name: string) => void;
  onRenameCancel: () => void;
  onDelete: () => void;
  onDragStart: (e: DragEvent<HTMLDivElement>) => void;
  onDragOver: (e: DragEvent<HTMLDivElement>) => void;
  onDragLeave: () => void;
  onDrop: (e: DragEvent<HTMLDivElement>) => void;
  onDragEnd: () => void;
}

/** One code in the codebook tree: a treeitem with its colour, name, shortcut and coding count. */
export function CodeRow(props: CodeRowProps) {
  const { row, selected, expanded, dense, editable, renaming, drop } = props;
  const { node } = row;
  const hasChildren = node.children.length > 0;
  const line = drop === 'before' || drop === 'after';
  return (
    <Box
      ref={props.rowRef}
      role="treeitem"
      aria-level={row.depth + 1}
      aria-setsize={row.siblingCount}
      aria-posinset={row.index + 1}
      aria-selected={selected}
      aria-expanded={hasChildren ? expanded : undefined}
      aria-label={node.name}
      data-code-id={node.id}
      tabIndex={props.focusable ? 0 : -1}
      draggable={editable && !renaming}
      onClick={props.onClick}
      onDoubleClick={props.onDoubleClick}
      onKeyDown={props.onKeyDown}
      onDragStart={props.onDragStart}
      onDragOver={props.onDragOver}
      onDragLeave={props.onDragLeave}
      onDrop={props.onDrop}
      onDragEnd={props.onDragEnd}
      className="weft-code-row"
      style={{
        position: 'relative',
        display: 'flex',
        alignItems: 'center',
        gap: 6,
        paddingLeft: 4 + row.depth * INDENT,
        paddingRight: 4,
        minHeight: dense ? 28 : 34,
        borderRadius: 'var(--mantine-radius-sm)',
        cursor: 'pointer',
        background:
          drop === 'inside' || drop === 'apply'
            ? 'var(--mantine-primary-color-light-hover)'
            : selected
              ? 'var(--mantine-primary-color-light)'
              : undefined,
        outline:
          drop === 'inside' || drop === 'apply'
            ? '1px dashed var(--mantine-primary-color-filled)'
            : undefined,
        outlineOffset: -1,
      }}
    >
      {line && (
        <Box
          aria-hidden
          style={{
            position: 'absolute',
            left: 4 + row.depth * INDENT,
            right: 4,
            height: 2,
            background: 'var(--mantine-primary-color-filled)',
            ...(drop === 'before' ? { top: 0 } : { bottom: 0 }),
          }}
        />
      )}
      {hasChildren ? (
        <UnstyledButton
          tabIndex={-1}
          aria-label={expanded ? `Collapse ${node.name}` : `Expand ${node.name}`}
          onClick={(e) => {
            e.stopPropagation();
            props.onToggle();
          }}
          style={{ display: 'flex', width: 16, justifyContent: 'center' }}
        >
          {expanded ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
        </UnstyledButton>
      ) : (
        <Box w={16} />
      )}
      <ColorSwatch color={node.colour ?? NO_COLOUR} size={dense ? 10 : 12} withShadow={false} />
      {renaming ? (
        <CodeNameInput
          initial={node.name}
          label={`New name for ${node.name}`}
          onSave={props.onRenamed}
          onCancel={props.onRenameCancel}
        />
      ) : (
        <Text fz={dense ? 'xs' : 'sm'} fw={selected ? 600 : 400} truncate style={{ flex: 1, minWidth: 0 }}>
          {node.name}
        </Text>
      )}
      <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
        {node.shortcut && (
          <Badge size="xs" variant="outline" color="gray" tt="none" title={`Shortcut ${node.shortcut}`}>
            {node.shortcut}
          </Badge>
        )}
        <Text fz="xs" c="dimmed" miw={18} ta="right" title={`${node.codingCount} codings on this code`}>
          {node.codingCount}
        </Text>
        {props.canApply && (
          <Tooltip label={`Apply ${node.name} to the selection`} openDelay={400}>
            <ActionIcon
              size="sm"
              variant="subtle"
              tabIndex={-1}
              aria-label={`Apply ${node.name}`}
              onClick={(e) => {
                e.stopPropagation();
                props.onApply();
              }}
            >
              <IconTag size={14} />
            </ActionIcon>
          </Tooltip>
        )}
        {editable && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon
                size="sm"
                variant="subtle"
                color="gray"
                tabIndex={-1}
                aria-label={`Actions for ${node.name}`}
                onClick={(e) => e.stopPropagation()}
              >
                <IconDots size={14} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown onClick={(e) => e.stopPropagation()}>
              <Menu.Item leftSection={<IconPlus size={14} />} onClick={props.onAddChild}>
                Add child code
              </Menu.Item>
              <Menu.Item leftSection={<IconPencil size={14} />} onClick={props.onRename} rightSection="F2">
                Rename
              </Menu.Item>
              <Menu.Item
                color="red"
                leftSection={<IconTrash size={14} />}
                onClick={props.onDelete}
                rightSection="Del"
              >
                Delete
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
    </Box>
  );
}
