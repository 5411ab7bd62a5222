import { ActionIcon, Badge, Box, ColorSwatch, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import {
  IconChevronDown,
  IconChevronRight,
  IconDots,
  IconPencil,
  IconPlus,
  IconTag,
  IconTrash,
} from '@tabler/icons-react';
import { type DragEvent, type KeyboardEvent, memo } from 'react';
import { CodeNameInput } from './code-name-input';
import type { DropPosition, TreeRow } from './tree-model';

export const NO_COLOUR = 'var(--mantine-color-gray-4)';
const INDENT = 16;

/** What a row can ask of its tree; one stable object for all rows, so rows can skip re-rendering. */
export interface CodeRowActions {
  setRef: (codeId: string, el: HTMLDivElement | null) => void;
  toggle: (codeId: string) => void;
  click: (codeId: string) => void;
  open: (codeId: string) => void;
  keyDown: (e: KeyboardEvent<HTMLDivElement>, codeId: string) => void;
  apply: (codeId: string) => void;
  menu: (codeId: string | null) => void;
  addChild: (codeId: string) => void;
  rename: (codeId: string | null) => void;
  renamed: (codeId: string, name: string) => void;
  remove: (codeId: string) => void;
  dragStart: (e: DragEvent<HTMLDivElement>, codeId: string) => void;
  dragOver: (e: DragEvent<HTMLDivElement>, codeId: string) => void;
  dragLeave: (codeId: string) => void;
  drop: (e: DragEvent<HTMLDivElement>, codeId: string) => void;
  dragEnd: () => void;
}

export interface CodeRowProps {
  row: TreeRow;
  selected: boolean;
  focusable: boolean;
  expanded: boolean;
  dense: boolean;
  editable: boolean;
  renaming: boolean;
  /** Where a dragged code would land relative to this row, while it is dragged over. */
  drop: DropPosition | 'apply' | null;
  canApply: boolean;
  /** The actions menu is mounted only while open: a thousand idle menus are slow to render. */
  menuOpen: boolean;
  actions: CodeRowActions;
}

/** One code in the codebook tree: a treeitem with its colour, name, shortcut and coding count. */
export const CodeRow = memo(CodeRowView, sameRow);

/** Rows are rebuilt whenever the visible list is; what matters is whether this one reads differently. */
function sameRow(a: CodeRowProps, b: CodeRowProps): boolean {
  const keys = Object.keys(a) as (keyof CodeRowProps)[];
  return keys.every((key) => {
    if (key !== 'row') return a[key] === b[key];
    const x = a.row;
    const y = b.row;
    return (
      x.node === y.node &&
      x.depth === y.depth &&
      x.index === y.index &&
      x.siblingCount === y.siblingCount &&
      x.parentId === y.parentId
    );
  });
}

function CodeRowView(props: CodeRowProps) {
  const { row, selected, expanded, dense, editable, renaming, drop, actions, menuOpen } = props;
  const { node } = row;
  const hasChildren = node.children.length > 0;
  const line = drop === 'before' || drop === 'after';
  return (
    <Box
      ref={(el: HTMLDivElement | null) => actions.setRef(node.id, el)}
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
      onClick={() => actions.click(node.id)}
      onDoubleClick={() => actions.open(node.id)}
      onKeyDown={(e) => actions.keyDown(e, node.id)}
      onDragStart={(e) => actions.dragStart(e, node.id)}
      onDragOver={(e) => actions.dragOver(e, node.id)}
      onDragLeave={() => actions.dragLeave(node.id)}
      onDrop={(e) => actions.drop(e, node.id)}
      onDragEnd={actions.dragEnd}
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
            actions.toggle(node.id);
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
          onSave={(name) => actions.renamed(node.id, name)}
          onCancel={() => actions.rename(null)}
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
          <ActionIcon
            size="sm"
            variant="subtle"
            tabIndex={-1}
            aria-label={`Apply ${node.name}`}
            title={`Apply ${node.name} to the selection`}
            onClick={(e) => {
              e.stopPropagation();
              actions.apply(node.id);
            }}
          >
            <IconTag size={14} />
          </ActionIcon>
        )}
        {editable &&
          (menuOpen ? (
            <Menu
              opened
              onChange={(open) => actions.menu(open ? node.id : null)}
              position="bottom-end"
              withinPortal
            >
              <Menu.Target>{menuButton(node.name, () => actions.menu(null))}</Menu.Target>
              <Menu.Dropdown onClick={(e) => e.stopPropagation()}>
                <Menu.Item leftSection={<IconPlus size={14} />} onClick={() => actions.addChild(node.id)}>
                  Add child code
                </Menu.Item>
                <Menu.Item
                  leftSection={<IconPencil size={14} />}
                  onClick={() => actions.rename(node.id)}
                  rightSection="F2"
                >
                  Rename
                </Menu.Item>
                <Menu.Item
                  color="red"
                  leftSection={<IconTrash size={14} />}
                  onClick={() => actions.remove(node.id)}
                  rightSection="Del"
                >
                  Delete
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          ) : (
            menuButton(node.name, () => actions.menu(node.id))
          ))}
      </Group>
    </Box>
  );
}

function menuButton(name: string, onClick: () => void) {
  return (
    <ActionIcon
      size="sm"
      variant="subtle"
      color="gray"
      tabIndex={-1}
      aria-label={`Actions for ${name}`}
      onClick={(e) => {
        e.stopPropagation();
        onClick();
      }}
    >
      <IconDots size={14} />
    </ActionIcon>
  );
}
