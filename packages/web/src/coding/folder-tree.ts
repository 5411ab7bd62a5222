/**
 * Documents by folder, with subfolders: a folder named "Interviews/Wave 1" sits inside
 * "Interviews" (NVivo's folders nest; ours are paths, so a document is moved by renaming its
 * folder). Listed depth first, each folder after its parent, siblings by name; a parent with no
 * documents of its own is listed too, so the tree has no gaps. Documents with no folder come first.
 */

export interface FolderNode<T> {
  /** The normalised path ("Interviews/Wave 1"); '' for documents with no folder. */
  path: string;
  /** Its last part, as shown. */
  name: string;
  depth: number;
  /** The folder's own documents, by name. */
  items: T[];
  /** Documents in it and in every folder below it. */
  total: number;
}

/** "Interviews / Wave 1/" → "Interviews/Wave 1": parts trimmed, empty parts dropped. */
export function folderPath(folder: string): string {
  return folder
    .split('/')
    .map((part) => part.trim())
    .filter(Boolean)
    .join('/');
}

export function folderTree<T extends { folder: string; name: string }>(items: readonly T[]): FolderNode<T>[] {
  const nodes = new Map<string, FolderNode<T>>();
  const nodeAt = (path: string): FolderNode<T> => {
    let node = nodes.get(path);
    if (!node) {
      const parts = path === '' ? [] : path.split('/');
      node = { path, name: parts.at(-1) ?? '', depth: Math.max(0, parts.length - 1), items: [], total: 0 };
      nodes.set(path, node);
    }
    return node;
  };
  for (const item of items) {
    const path = folderPath(item.folder);
    nodeAt(path).items.push(item);
    // Count it in its folder and every folder above (creating parents that hold no documents).
    const parts = path === '' ? [] : path.split('/');
    if (parts.length === 0) nodeAt('').total++;
    for (let i = 1; i <= parts.length; i++) nodeAt(parts.slice(0, i).join('/')).total++;
  }
  for (const node of nodes.values()) node.items.sort((a, b) => a.name.localeCompare(b.name));
  // Depth first: comparing paths part by part puts each folder right after its parent.
  const byPath = (a: string, b: string) => {
    const pa = a.split('/');
    const pb = b.split('/');
    for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
      const order = (pa[i] as string).localeCompare(pb[i] as string);
      if (order !== 0) return order;
    }
    return pa.length - pb.length;
  };
  return [...nodes.values()].sort((a, b) =>
    a.path === '' ? -1 : b.path === '' ? 1 : byPath(a.path, b.path),
  );
}
