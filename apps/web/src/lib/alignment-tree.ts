/** An item placed in the alignment tree, with its depth (0 for roots). */
export interface TreeEntry<T> {
  item: T;
  depth: number;
}

/**
 * Orders objectives as their alignment tree, depth-first: each parent is followed by the objectives aligned
 * to it. Items whose parent is not in the list are roots; cycles cannot hide items (each is placed once).
 */
export function alignmentTree<T extends { id: string; parentId: string | null }>(
  items: readonly T[],
): TreeEntry<T>[] {
  const ids = new Set(items.map((item) => item.id));
  const children = new Map<string, T[]>();
  const roots: T[] = [];
  for (const item of items) {
    if (item.parentId && ids.has(item.parentId) && item.parentId !== item.id) {
      const list = children.get(item.parentId) ?? [];
      list.push(item);
      children.set(item.parentId, list);
    } else {
      roots.push(item);
    }
  }
  const placed = new Set<string>();
  const result: TreeEntry<T>[] = [];
  const visit = (item: T, depth: number) => {
    if (placed.has(item.id)) return;
    placed.add(item.id);
    result.push({ item, depth });
    for (const child of children.get(item.id) ?? []) visit(child, depth + 1);
  };
  for (const root of roots) visit(root, 0);
  for (const item of items) visit(item, 0);
  return result;
}
