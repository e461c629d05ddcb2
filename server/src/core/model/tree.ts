import type { Nodes } from 'mdast';
import type { Span } from '../text/lines';

/** What a visitor tells the walk: `skip` leaves the node's children out, `stop` ends the walk. */
export type WalkStep = 'skip' | 'stop' | void;

/**
 * Visits `root` and every node under it in document order, each with its ancestors (outermost
 * first). A loop rather than recursion: a pathological document nests thousands of levels deep.
 */
export function walk(root: Nodes, visit: (node: Nodes, ancestors: readonly Nodes[]) => WalkStep): void {
  const ancestors: Nodes[] = [];
  // Nodes still to visit and their depths, side by side: every keystroke walks the whole tree
  // several times, and a pair per node was most of what the walks allocated.
  const nodes: Nodes[] = [root];
  const depths: number[] = [0];
  while (nodes.length) {
    const node = nodes.pop()!;
    const depth = depths.pop()!;
    if (ancestors.length !== depth) ancestors.length = depth;
    const step = visit(node, ancestors);
    if (step === 'stop') return;
    if (step === 'skip' || !('children' in node)) continue;
    ancestors.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) {
      nodes.push(node.children[i]);
      depths.push(depth + 1);
    }
  }
}

/** Where a node is written, when the parser says. */
export function spanOf(node: Nodes): Span | undefined {
  const p = node.position;
  if (!p || p.start.offset === undefined || p.end.offset === undefined) return undefined;
  return { start: p.start.offset, end: p.end.offset };
}
