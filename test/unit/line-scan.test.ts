import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../server/src/core';
import { findMojibake } from '../../server/src/core/encoding/analyze';
import { clearPieceCache } from '../../server/src/core/model/markdown';
import { LineIndex } from '../../server/src/core/text/lines';
import { clearLineScans, LineScan } from '../../server/src/core/text/line-scan';
import { applyEdit, randomEdit, seededRandom } from '../../scripts/edits';

/** Each line's text and where it starts, as `LineIndex` cuts the document: what a scan must be handed. */
function linesOf(text: string): Array<{ start: number; line: string }> {
  const index = new LineIndex(text);
  return Array.from({ length: index.lineCount }, (_, n) => ({ start: index.lineStart(n), line: index.lineText(n) }));
}

/** Lines as a scan that reports every non-empty line whole sees them. */
function scanned(scan: LineScan<string>, text: string): Array<{ start: number; line: string }> {
  return scan.of(text).flatMap((found) => found.items.map((line) => ({ start: found.start, line })));
}

// Line breaks of every kind, a byte order mark, mojibake and meeting passcodes.
const ENCODING = join('test', 'fixtures', 'encoding');
const SAMPLE = [
  '\uFEFF# 会议纪要\r\n\r\n- 时间：2024-03-14\r\n- 会议密码：834213\r\n',
  'Zoom 会议号：123 456 789\rPasscode: 551234\r',
  ...readdirSync(ENCODING)
    .filter((name) => name.endsWith('.md'))
    .map((name) => readFileSync(join(ENCODING, name), 'utf8')),
].join('\n');

/** Edits an author makes, and the ones that join or split line breaks (`\r` before a `\n`, `\n` after a `\r`). */
function* editedVersions(text: string, count: number, seed: number): Generator<string> {
  const random = seededRandom(seed);
  let current = text;
  for (let i = 0; i < count; i++) {
    const edit = randomEdit(current, random);
    if (random() < 0.2) edit.text = ['\r', '\n', '\r\n', '\uFEFF'][Math.floor(random() * 4)];
    current = applyEdit(current, edit);
    yield current;
  }
}

describe('line scans kept while typing', () => {
  afterEach(() => {
    clearLineScans();
    clearPieceCache();
  });

  it('hands the scan every line as LineIndex cuts it, after every kind of edit', () => {
    const scan = new LineScan<string>((line) => (line ? [line] : []));
    assert.deepEqual(
      scanned(scan, SAMPLE),
      linesOf(SAMPLE).filter((l) => l.line),
    );
    let versions = 0;
    for (const text of editedVersions(SAMPLE, 300, 7)) {
      assert.deepEqual(
        scanned(scan, text),
        linesOf(text).filter((l) => l.line),
        `version ${++versions}`,
      );
    }
  });

  it('scans again only the lines an edit touched', () => {
    const seen: string[] = [];
    const scan = new LineScan<string>((line) => {
      seen.push(line);
      return [];
    });
    const text = 'first line\nsecond line\nthird line\n';
    scan.of(text);
    seen.length = 0;
    scan.of(text.replace('second', 'the second'));
    assert.deepEqual(seen, ['the second line']);
  });

  it('finds the mojibake of a fresh scan in each edited version', () => {
    clearLineScans();
    const warm = [...editedVersions(SAMPLE, 30, 11)].map((text) => ({ text, found: JSON.stringify(findMojibake(text)) }));
    assert.ok(
      warm.some((v) => v.found !== '[]'),
      'the fixtures hold mojibake',
    );
    for (const [i, version] of warm.entries()) {
      clearLineScans();
      assert.equal(version.found, JSON.stringify(findMojibake(version.text)), `version ${i + 1}`);
    }
  });

  it('gives each edited version the diagnostics of a fresh validation', async () => {
    const path = 'minutes/2024-03-14.md';
    // Two kinds of mojibake: repairing every finding of all the fixtures would take a minute.
    const sample = [
      SAMPLE.slice(0, SAMPLE.indexOf('\n', 140)),
      ...['minutes-zh.gbk.md', 'minutes-zh.windows-1252-lossy.md'].map((name) => readFileSync(join(ENCODING, name), 'utf8')),
    ].join('\n');
    clearLineScans();
    const warm: Array<{ text: string; diagnostics: string }> = [];
    for (const text of editedVersions(sample, 12, 5))
      warm.push({ text, diagnostics: JSON.stringify((await lint({ path, text })).diagnostics) });
    const rules = new Set(warm.flatMap((v) => (JSON.parse(v.diagnostics) as Array<{ rule: string }>).map((d) => d.rule)));
    assert.ok(rules.has('encoding/mojibake') && rules.has('privacy/meeting-secret'), [...rules].join(', '));
    for (const [i, version] of warm.entries()) {
      clearLineScans();
      clearPieceCache();
      assert.equal(version.diagnostics, JSON.stringify((await lint({ path, text: version.text })).diagnostics), `version ${i + 1}`);
    }
  });
});
