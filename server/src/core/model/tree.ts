import type { Nodes, Parent } from 'mdast';
import type { Span } from '../text/lines';

/** What a visitor tells the walk: `skip` leaves the node's children out, `stop` ends the walk. */
export type WalkStep = 'skip' | 'stop' | void;

/**
 * Visits `root` and every node under it in document order, each with its ancestors (outermost
 * first). A loop rather than recursion: a pathological document nests thousands of levels deep.
 */
export function walk(root: Nodes, visit: (node: Nodes, ancestors: readonly Nodes[]) => WalkStep): void {
  // The path from the root, and for each node on it the index of its next child to visit: the
  // walk holds one entry per level, not every child of every level (a long document's root has
  // tens of thousands of children, and walks of part of it stacked them all as garbage that
  // outlived young collections).
  const ancestors: Nodes[] = [];
  const next: number[] = [];
  let node = root;
  for (;;) {
    const step = visit(node, ancestors);
    if (step === 'stop') return;
    if (step !== 'skip' && 'children' in node && node.children.length) {
      ancestors.push(node);
      next.push(0);
    }
    // The next node: the next child of the innermost ancestor that has one left.
    let depth = ancestors.length - 1;
    while (depth >= 0 && next[depth] >= (ancestors[depth] as Parent).children.length) depth--;
    if (depth < 0) return;
    ancestors.length = depth + 1;
    next.length = depth + 1;
    node = (ancestors[depth] as Parent).children[next[depth]++];
  }
}

/** Where a node is written, when the parser says. */
export function spanOf(node: Nodes): Span | undefined {
  const p = node.position;
  if (!p || p.start.offset === undefined || p.end.offset === undefined) return undefined;
  return { start: p.start.offset, end: p.end.offset };
}
