import { strict as assert } from 'node:assert';
import type { Nodes, Root } from 'mdast';
import { parseMinutes } from '../../server/src/core/model/parse';
import { spanOf, walk } from '../../server/src/core/model/tree';

// The one walk over the Markdown tree that the model, the views and the rules share.
describe('model tree walk', () => {
  const text = '# T\n\n- a *b*\n  - c\n\n| x |\n|---|\n| y |\n';
  const root = parseMinutes(text, 'a.md').mdast as Nodes;

  it('visits every node once, in document order', () => {
    const seen: string[] = [];
    walk(root, (node) => {
      if (node.type === 'text') seen.push(node.value);
    });
    assert.deepEqual(seen, ['T', 'a ', 'b', 'c', 'x', 'y']);
  });

  it('hands each node its ancestors, outermost first', () => {
    let chain: string[] = [];
    walk(root, (node, ancestors) => {
      if (node.type === 'text' && node.value === 'c') chain = ancestors.map((a) => a.type);
    });
    assert.deepEqual(chain, ['root', 'list', 'listItem', 'list', 'listItem', 'paragraph']);
  });

  it('leaves out the children of a skipped node and ends at stop', () => {
    const skipped: string[] = [];
    walk(root, (node) => {
      if (node.type === 'list') return 'skip';
      if (node.type === 'text') skipped.push(node.value);
    });
    assert.deepEqual(skipped, ['T', 'x', 'y']);
    const stopped: string[] = [];
    walk(root, (node) => {
      if (node.type === 'text') stopped.push(node.value);
      if (node.type === 'emphasis') return 'stop';
    });
    assert.deepEqual(stopped, ['T', 'a ']);
  });

  it('visits what a recursive walk visits, with the same ancestors, skipping and stopping alike', () => {
    const long =
      '# 会议\n\n' + '- a **b** [c](https://x.example)\n  - d\n    > e `f`\n\n| g | h |\n|---|---|\n| i | *j* |\n\nk\n\n'.repeat(30);
    const tree = parseMinutes(long, 'b.md').mdast as Nodes;
    // Skip every third list and blockquote met; stop at the 300th node.
    const decide = (n: number, node: Nodes) =>
      n === 300 ? 'stop' : (node.type === 'list' || node.type === 'blockquote') && n % 3 === 0 ? 'skip' : undefined;
    const expected: string[] = [];
    let n = 0;
    const recurse = (node: Nodes, path: Nodes[]): boolean => {
      const step = decide(n++, node);
      expected.push(`${node.type}@${node.position?.start.offset}<${path.map((a) => a.type).join('/')}`);
      if (step === 'stop') return false;
      if (step === 'skip' || !('children' in node)) return true;
      for (const child of node.children as Nodes[]) if (!recurse(child, [...path, node])) return false;
      return true;
    };
    recurse(tree, []);
    const seen: string[] = [];
    let m = 0;
    walk(tree, (node, ancestors) => {
      const step = decide(m++, node);
      seen.push(`${node.type}@${node.position?.start.offset}<${ancestors.map((a) => a.type).join('/')}`);
      return step;
    });
    assert.ok(expected.length === 301, `the walk stops at the 300th node (${expected.length})`);
    assert.deepEqual(seen, expected);
  });

  it('walks a tree nested far deeper than the call stack allows', () => {
    const depth = 200_000;
    let node: Nodes = { type: 'text', value: 'deep' };
    for (let i = 0; i < depth; i++) node = { type: 'blockquote', children: [node] } as Nodes;
    const deep: Root = { type: 'root', children: [node as Root['children'][number]] };
    let count = 0;
    let maxAncestors = 0;
    walk(deep, (_n, ancestors) => {
      count++;
      maxAncestors = Math.max(maxAncestors, ancestors.length);
    });
    assert.equal(count, depth + 2);
    assert.equal(maxAncestors, depth + 1);
  });

  it('gives a node’s span only when the parser placed it', () => {
    assert.deepEqual(spanOf(root), { start: 0, end: text.length });
    assert.equal(spanOf({ type: 'text', value: 'x' }), undefined);
  });
});
