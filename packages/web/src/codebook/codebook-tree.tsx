import { Box, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import type { CodebookNode } from '@weft/protocol';
import { type DragEvent, type JSX, type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { shownColours, unusedColour } from '../coding/code-colours';
import { CodeNameInput } from './code-name-input';
import { CodeRow, type CodeRowActions } from './code-row';
import {
  applyMove,
  type DropPosition,
  dropMove,
  dropPositionAt,
  isNoOp,
  type KeyMove,
  keyboardMove,
  type MoveTarget,
  visibleRows,
} from './tree-model';
import { useCodebookCommands } from './use-codebook-commands';
import { useStableActions } from './use-stable-actions';

export interface CodebookTreeProps {
  projectId: string;
  codes: CodebookNode[];
  selectedCodeId?: string | null;
  onSelect?: (codeId: string) => void;
  onOpen?: (codeId: string) => void;
  /** When set, each code is a drop target for a dragged text selection and shows an "apply" action. */
  onApply?: (codeId: string) => void;
  /** Editing (create, rename, move by drag and keyboard, delete) happens in the tree; false for viewers. */
  editable: boolean;
  dense?: boolean;
}

/** dataTransfer type of a code dragged within the tree. */
const CODE_TYPE = 'application/x-weft-code';
/** dataTransfer type of a text selection dragged from the document (the coding screen sets it). */
export const SELECTION_TYPE = 'application/x-weft-selection';

interface PendingMove {
  key: number;
  codeId: string;
  target: MoveTarget;
  /** The server accepted it; it is dropped once a codebook shows it. */
  answered: boolean;
}

const ALT_MOVES: Record<string, KeyMove> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowRight: 'indent',
  ArrowLeft: 'outdent',
};

/**
 * The codebook as a tree of any depth. Arrow keys move the focus (left/right collapse and expand),
 * Enter opens a code, F2 renames, Delete deletes, Alt+arrows move a code up, down, in and out;
 * codes are dragged to reorder or re-parent them, and text selections are dropped on a code to
 * apply it. The parent fetches the codebook and refreshes it on live events; a move shows at once
 * and gives way to the parent's next codebook.
 */
export function CodebookTree(props: CodebookTreeProps): JSX.Element {
  const { projectId, codes, selectedCodeId, onSelect, onOpen, onApply, editable, dense = false } = props;
  const command = useCodebookCommands(projectId);
  const [collapsed, setCollapsed] = useState<Set<string>>(() => new Set());
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [renamingId, setRenamingId] = useState<string | null>(null);
  const [menuFor, setMenuFor] = useState<string | null>(null);
  /** Parent of the code being created: a code id, 'root', or null when none is. */
  const [adding, setAdding] = useState<string | null>(null);
  const [dropAt, setDropAt] = useState<{ id: string; position: DropPosition | 'apply' } | null>(null);
  /**
   * Moves shown before the server's codebook has them. Each stays applied on top of whatever the
   * parent passes until a codebook shows the code in place (a refresh for an earlier change must
   * not make a row jump back), or a few seconds after its command answered (someone else moved it).
   */
  const [pending, setPending] = useState<PendingMove[]>([]);
  const moveKey = useRef(0);
  const dragged = useRef<string | null>(null);
  const rowRefs = useRef(new Map<string, HTMLDivElement>());
  const refocus = useRef(false);

  const shown = useMemo(
    () => pending.reduce<CodebookNode[]>((tree, p) => applyMove(tree, p.codeId, p.target), codes),
    [codes, pending],
  );
  useEffect(() => {
    setPending((list) => {
      const left = list.filter((p) => !(p.answered && isNoOp(codes, p.codeId, p.target)));
      return left.length === list.length ? list : left;
    });
  }, [codes]);
  const rows = useMemo(() => visibleRows(shown, collapsed), [shown, collapsed]);
  const focusable = rows.some((r) => r.node.id === focusedId)
    ? focusedId
    : rows.some((r) => r.node.id === selectedCodeId)
      ? (selectedCodeId ?? null)
      : (rows[0]?.node.id ?? null);

  // A moved row is re-inserted in the DOM and loses focus; give it back after keyboard work.
  useEffect(() => {
    if (!refocus.current || !focusable) return;
    const el = rowRefs.current.get(focusable);
    if (el && document.activeElement !== el) el.focus();
    refocus.current = false;
  });

  const focusRow = (id: string) => {
    setFocusedId(id);
    refocus.current = true;
    rowRefs.current.get(id)?.focus();
  };

  const move = async (codeId: string, target: MoveTarget) => {
    const key = ++moveKey.current;
    setPending((list) => [...list, { key, codeId, target, answered: false }]);
    if (target.parentId)
      setCollapsed((c) => (c.has(target.parentId as string) ? without(c, target.parentId as string) : c));
    const done = await command(
      'code.move',
      { codeId, parentId: target.parentId, index: target.index },
      'Not moved',
    );
    const drop = () => setPending((list) => list.filter((p) => p.key !== key));
    if (!done) return drop();
    setPending((list) => list.map((p) => (p.key === key ? { ...p, answered: true } : p)));
    setTimeout(drop, 3000);
  };

  const create = async (parentId: string | null, name: string) => {
    setAdding(null);
    const codeId = crypto.randomUUID();
    // A colour of its own, apart from the codes already shown.
    const colour = unusedColour(shownColours(codes));
    const done = await command('code.create', { codeId, parentId, name, colour }, 'Code not created');
    if (done) onSelect?.(codeId);
  };

  const rename = async (codeId: string, name: string) => {
    setRenamingId(null);
    refocus.current = true;
    await command('code.rename', { codeId, name }, 'Not renamed');
  };

  const remove = async (node: CodebookNode) => {
    const done = await command('code.delete', { codeId: node.id }, 'Not deleted');
    if (!done) return;
    const others = done.codeIds.length - 1;
    notifications.show({
      color: 'gray',
      autoClose: 6000,
      message: (
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <span>
            Deleted “{node.name}”{others > 0 ? ` and ${others} code${others === 1 ? '' : 's'} under it` : ''}.
          </span>
          <Button
            size="compact-xs"
            variant="light"
            onClick={() => void command('code.restore', { codeId: node.id })}
          >
            Restore
          </Button>
        </Group>
      ),
    });
  };

  const startAdding = (parentId: string) => {
    setCollapsed((c) => without(c, parentId));
    setAdding(parentId);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>, at: number) => {
    if (e.target !== e.currentTarget) return;
    const row = rows[at];
    if (!row) return;
    const { node } = row;
    const expanded = node.children.length > 0 && !collapsed.has(node.id);
    if (e.altKey && ALT_MOVES[e.key]) {
      e.preventDefault();
      if (!editable) return;
      const target = keyboardMove(shown, node.id, ALT_MOVES[e.key] as KeyMove);
      if (target) {
        refocus.current = true;
        void move(node.id, target);
      }
      return;
    }
    const go = (i: number) => {
      const next = rows[Math.max(0, Math.min(rows.length - 1, i))];
      if (next) focusRow(next.node.id);
    };
    switch (e.key) {
      case 'ArrowDown':
        go(at + 1);
        break;
      case 'ArrowUp':
        go(at - 1);
        break;
      case 'Home':
        go(0);
        break;
      case 'End':
        go(rows.length - 1);
        break;
      case 'ArrowRight':
        if (node.children.length === 0) return;
        if (expanded) go(at + 1);
        else setCollapsed((c) => without(c, node.id));
        break;
      case 'ArrowLeft':
        if (expanded) setCollapsed((c) => new Set(c).add(node.id));
        else if (row.parentId) focusRow(row.parentId);
        break;
      case 'Enter':
        if (onOpen) onOpen(node.id);
        else onSelect?.(node.id);
        break;
      case ' ':
        onSelect?.(node.id);
        break;
      case 'F2':
        if (editable) setRenamingId(node.id);
        break;
      case 'Delete':
        if (editable) void remove(node);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  const dragOver = (e: DragEvent<HTMLDivElement>, codeId: string) => {
    const types = e.dataTransfer.types;
    if (editable && dragged.current && types.includes(CODE_TYPE)) {
      const rect = e.currentTarget.getBoundingClientRect();
      const position = dropPositionAt(e.clientY - rect.top, rect.height);
      if (!dropMove(shown, dragged.current, codeId, position)) {
        setDropAt(null);
        return;
      }
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
      if (dropAt?.id !== codeId || dropAt.position !== position) setDropAt({ id: codeId, position });
    } else if (onApply && types.includes(SELECTION_TYPE)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      if (dropAt?.id !== codeId || dropAt.position !== 'apply') setDropAt({ id: codeId, position: 'apply' });
    }
  };

  const drop = (e: DragEvent<HTMLDivElement>, codeId: string) => {
    e.preventDefault();
    const at = dropAt;
    setDropAt(null);
    const from = dragged.current;
    dragged.current = null;
    if (at?.position === 'apply') {
      onApply?.(codeId);
      return;
    }
    if (!from || !at || at.id !== codeId) return;
    const target = dropMove(shown, from, codeId, at.position);
    if (target) void move(from, target);
  };

  const byId = (codeId: string) => rows.find((r) => r.node.id === codeId)?.node;
  const handlers: CodeRowActions = {
    setRef: (codeId, el) => {
      if (el) rowRefs.current.set(codeId, el);
      else rowRefs.current.delete(codeId);
    },
    toggle: (codeId) => setCollapsed((c) => (c.has(codeId) ? without(c, codeId) : new Set(c).add(codeId))),
    click: (codeId) => {
      setFocusedId(codeId);
      onSelect?.(codeId);
    },
    open: (codeId) => onOpen?.(codeId),
    keyDown: (e, codeId) =>
      onKeyDown(
        e,
        rows.findIndex((r) => r.node.id === codeId),
      ),
    apply: (codeId) => onApply?.(codeId),
    menu: setMenuFor,
    addChild: (codeId) => {
      setMenuFor(null);
      startAdding(codeId);
    },
    rename: (codeId) => {
      setMenuFor(null);
      setRenamingId(codeId);
      if (codeId === null) refocus.current = true;
    },
    renamed: (codeId, name) => void rename(codeId, name),
    remove: (codeId) => {
      setMenuFor(null);
      const node = byId(codeId);
      if (node) void remove(node);
    },
    dragStart: (e, codeId) => {
      dragged.current = codeId;
      e.dataTransfer.setData(CODE_TYPE, codeId);
      e.dataTransfer.setData('text/plain', byId(codeId)?.name ?? '');
      e.dataTransfer.effectAllowed = 'move';
    },
    dragOver,
    dragLeave: (codeId) => setDropAt((d) => (d?.id === codeId ? null : d)),
    drop,
    dragEnd: () => {
      dragged.current = null;
      setDropAt(null);
    },
  };
  // One object for every row and every render: unchanged rows skip rendering.
  const actions = useStableActions(handlers);

  const addInput = (parentId: string | null, depth: number) => (
    <Box
      key={`new-${parentId ?? 'root'}`}
      style={{ paddingLeft: 4 + depth * 16 + 22, paddingRight: 4 }}
      py={2}
    >
      <CodeNameInput
        label={parentId ? 'Name of the new child code' : 'Name of the new code'}
        onSave={(name) => void create(parentId, name)}
        onCancel={() => setAdding(null)}
      />
    </Box>
  );

  // Where the field for a new child goes: after its parent's last visible descendant.
  const addAfter = useMemo(() => {
    if (!adding || adding === 'root') return -1;
    const at = rows.findIndex((r) => r.node.id === adding);
    if (at < 0) return -1;
    let end = at;
    while (rows[end + 1] && (rows[end + 1]?.depth ?? 0) > (rows[at]?.depth ?? 0)) end++;
    return end;
  }, [adding, rows]);

  return (
    <Box>
      <Box role="tree" aria-label="Codebook" aria-multiselectable={false}>
        {rows.flatMap((row, i) => {
          const { node } = row;
          const items = [
            <CodeRow
              key={node.id}
              row={row}
              selected={node.id === selectedCodeId}
              focusable={node.id === focusable}
              expanded={!collapsed.has(node.id)}
              dense={dense}
              editable={editable}
              renaming={renamingId === node.id}
              drop={dropAt?.id === node.id ? dropAt.position : null}
              canApply={Boolean(onApply)}
              menuOpen={menuFor === node.id}
              actions={actions}
            />,
          ];
          if (i === addAfter)
            items.push(addInput(adding, (rows.find((r) => r.node.id === adding)?.depth ?? 0) + 1));
          return items;
        })}
      </Box>
      {rows.length === 0 && adding !== 'root' && (
        <Text c="dimmed" fz="sm" py="xs" px={4}>
          No codes yet.
        </Text>
      )}
      {adding === 'root' && addInput(null, 0)}
      {editable && adding !== 'root' && (
        <Button
          variant="subtle"
          size={dense ? 'compact-xs' : 'compact-sm'}
          leftSection={<IconPlus size={14} />}
          mt={4}
          onClick={() => setAdding('root')}
        >
          New code
        </Button>
      )}
    </Box>
  );
}

function without(set: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(set);
  next.delete(id);
  return next;
}
