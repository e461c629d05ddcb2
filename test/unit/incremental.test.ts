import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import { lint } from '../../server/src/core';
import { clearPieceCache, parseMarkdown, setWholeParseLimit } from '../../server/src/core/model/markdown';
import { clearLineScans } from '../../server/src/core/text/line-scan';

// Minutes of many communities one after another: headings, tables, reference links whose
// definitions sit in other pieces, fences, handles, LCTT's header.
const FIXTURES = [join('test', 'fixtures', 'wild'), join('examples', 'curve'), join('examples', 'lctt', 'published', '202405')];
const TEXT = FIXTURES.flatMap((folder) =>
  readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .map((name) => readFileSync(join(folder, name), 'utf8')),
)
  .join('\n\n')
  .replace(/^\uFEFF/, '');

interface Edit {
  /** Where, as a share of the text's length. */
  at: number;
  remove: number;
  insert: string;
}

// What an author types and deletes, at places spread over the document, one after another.
const EDITS: Edit[] = [
  { at: 0.5, remove: 0, insert: 'x' },
  { at: 0.3, remove: 0, insert: '\n' },
  { at: 0.7, remove: 0, insert: '\n# 新的一节\n' },
  { at: 0.1, remove: 1, insert: '' },
  { at: 0.45, remove: 0, insert: '[' },
  { at: 0.62, remove: 0, insert: '@' },
  { at: 0.2, remove: 40, insert: '' },
  { at: 0.9, remove: 0, insert: '\n[pr1]: https://github.com/opencurve/curve/pull/1\n' },
  { at: 0.05, remove: 0, insert: '```\n' },
];

function versions(text: string): string[] {
  const out = [text];
  for (const edit of EDITS) {
    const last = out[out.length - 1];
    const at = Math.floor(last.length * edit.at);
    out.push(last.slice(0, at) + edit.insert + last.slice(at + edit.remove));
  }
  return out;
}

const PIECES = 1024;

describe('re-validation while typing', () => {
  afterEach(() => clearPieceCache());

  it('parses each version of an edited document to the tree of a fresh parse, positions included', () => {
    clearPieceCache();
    const all = versions(TEXT);
    const typed = all.map((text) => JSON.stringify(parseMarkdown(text, PIECES)));
    all.forEach((text, i) => {
      clearPieceCache();
      assert.equal(typed[i], JSON.stringify(parseMarkdown(text, PIECES)), `version ${i}`);
    });
  });

  it('gives each version the diagnostics and fixes of a fresh validation', async () => {
    const previous = setWholeParseLimit(PIECES);
    try {
      clearPieceCache();
      clearLineScans();
      const all = versions(TEXT);
      const typed: string[] = [];
      for (const text of all) typed.push(JSON.stringify((await lint({ path: 'minutes/2024-03-14.md', text })).diagnostics));
      assert.ok(
        typed.some((d) => d !== '[]'),
        'the fixtures hold findings',
      );
      for (const [i, text] of all.entries()) {
        clearPieceCache();
        clearLineScans();
        assert.equal(typed[i], JSON.stringify((await lint({ path: 'minutes/2024-03-14.md', text })).diagnostics), `version ${i}`);
      }
    } finally {
      setWholeParseLimit(previous);
    }
  });

  it('reuses the nodes before an edit and leaves the earlier tree as it was', () => {
    clearPieceCache();
    const before = parseMarkdown(TEXT, PIECES);
    const snapshot = JSON.stringify(before);
    const at = Math.floor(TEXT.length * 0.8);
    const after = parseMarkdown(`${TEXT.slice(0, at)}\n\n新的一段\n\n${TEXT.slice(at)}`, PIECES);
    assert.equal(after.children[0], before.children[0], 'the first block is the very same node');
    const last = (tree: Root) => tree.children[tree.children.length - 1];
    assert.notEqual(last(after), last(before), 'the last block moved: a copy at its new place');
    assert.equal(last(after).position!.start.offset, last(before).position!.start.offset! + '\n\n新的一段\n\n'.length);
    assert.equal(last(after).position!.start.line, last(before).position!.start.line + 4);
    assert.equal(JSON.stringify(before), snapshot, 'the earlier tree is untouched');
  });

  it('gives a document the guard rewrote nodes of its own', () => {
    clearPieceCache();
    // A paragraph of more emphasis markers than the parser is given: read as text, markers put back.
    const text = `${TEXT}\n\n${'*a '.repeat(1200)}\n`;
    const first = parseMarkdown(text, PIECES);
    const snapshot = JSON.stringify(first);
    const second = parseMarkdown(text, PIECES);
    assert.notEqual(second.children[0], first.children[0]);
    assert.equal(JSON.stringify(second), snapshot);
    assert.equal(JSON.stringify(first), snapshot, 'writing the markers back into one tree leaves the other alone');
  });
});
