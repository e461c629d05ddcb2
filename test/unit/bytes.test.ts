import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  byteProblems,
  firstInvalidUtf8,
  inspectBytes,
  readBomPolicy,
  withoutUtf8Bom,
  withUtf8Bom,
  type ByteFacts,
} from '../../client/src/encoding/bytes';
import { problemMessage } from '../../client/src/encoding/strings';
import { gbkTable } from '../../server/src/core/encoding/gbk';
import { ROOT } from '../helpers';

// The client reads a minutes file's bytes when it is opened or saved: these are the verdicts
// it draws from them, before VS Code's decoding (and the next save) hides what was there.

/** The text as another tool would have saved it in GBK. */
function gbk(text: string): Uint8Array {
  const table = gbkTable();
  assert.ok(table, 'this Node has no GBK decoder');
  const bytes: number[] = [];
  for (const char of text) {
    const encoded = char.charCodeAt(0) < 0x80 ? [char.charCodeAt(0)] : table.bytesOf(char);
    assert.ok(encoded, `${char} has no GBK bytes`);
    bytes.push(...encoded);
  }
  return Uint8Array.from(bytes);
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const MINUTES = '# 技术委员会例会\n会议时间：2024年5月1日 10:00\n与会人：成员甲、成员乙\n结论：同意合入存储驱动\n';

describe('byte-level checks: what the bytes are', () => {
  it('recognises a GBK file and says where UTF-8 stops reading it', () => {
    const facts = inspectBytes(gbk(MINUTES));
    assert.equal(facts.kind, 'text');
    assert.equal(facts.encoding, 'gb18030');
    // The title is ASCII up to `# `; the first Chinese byte is not UTF-8.
    assert.deepEqual(facts.firstInvalid, { offset: 2, line: 0 });
    assert.equal(facts.sample, '# 技术委员会例会');
    assert.equal(facts.utf8Bom, false);
  });

  it('counts lines to the first unreadable byte', () => {
    const facts = inspectBytes(gbk('# Weekly sync\n\nAgenda: storage\n会议时间：2024年5月1日\n'));
    assert.equal(facts.encoding, 'gb18030');
    assert.equal(facts.firstInvalid?.line, 3);
    assert.equal(facts.sample, '会议时间：2024年5月1日');
  });

  it('reads clean UTF-8 as UTF-8, with or without a byte order mark', () => {
    assert.deepEqual(inspectBytes(utf8(MINUTES)), { kind: 'text', encoding: 'utf-8', utf8Bom: false });
    assert.deepEqual(inspectBytes(withUtf8Bom(utf8(MINUTES))), { kind: 'text', encoding: 'utf-8', utf8Bom: true });
    assert.deepEqual(inspectBytes(new Uint8Array()), { kind: 'text', encoding: 'utf-8', utf8Bom: false });
  });

  it('does not take Latin-1 text or damaged UTF-8 for GBK', () => {
    const latin1 = Uint8Array.from(Buffer.from('Protokoll: Grüße aus München, procès-verbal de la réunion\n', 'latin1'));
    const german = inspectBytes(latin1);
    assert.equal(german.encoding, 'legacy');
    assert.equal(german.firstInvalid?.offset, 'Protokoll: Gr'.length);
    // A UTF-8 file cut in the middle of its last character.
    const cut = utf8('会议时间：五月').subarray(0, -1);
    const damaged = inspectBytes(cut);
    assert.equal(damaged.encoding, 'legacy');
    assert.equal(damaged.firstInvalid?.offset, cut.length - 2);
  });

  it('leaves binary files alone, but knows UTF-16 by its byte order mark', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const facts = inspectBytes(png);
    assert.equal(facts.kind, 'binary');
    assert.deepEqual(byteProblems(facts, { hasReplacementChar: true }, 'require'), []);
    const utf16 = Uint8Array.from([0xff, 0xfe, ...Buffer.from('会议', 'utf16le')]);
    assert.equal(inspectBytes(utf16).encoding, 'utf-16le');
  });

  it('finds the first byte that is not UTF-8: stray continuation, overlong form, surrogate', () => {
    assert.equal(firstInvalidUtf8(utf8('ok 会议')), undefined);
    assert.equal(firstInvalidUtf8(Uint8Array.from([0x61, 0x80])), 1);
    assert.equal(firstInvalidUtf8(Uint8Array.from([0x61, 0x62, 0xc0, 0xaf])), 2);
    assert.equal(firstInvalidUtf8(Uint8Array.from([0xed, 0xa0, 0x80])), 0);
  });

  it('adds and removes the byte order mark without touching the rest', () => {
    const text = utf8(MINUTES);
    assert.deepEqual([...withUtf8Bom(text).subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.deepEqual(withoutUtf8Bom(withUtf8Bom(text)), text);
    assert.deepEqual(withUtf8Bom(withUtf8Bom(text)), withUtf8Bom(text));
    assert.deepEqual(withoutUtf8Bom(text), text);
  });
});

describe('byte-level checks: what is reported', () => {
  const gbkFacts = inspectBytes(gbk(MINUTES));
  const kinds = (facts: ByteFacts, ...args: [Parameters<typeof byteProblems>[1], Parameters<typeof byteProblems>[2]]) =>
    byteProblems(facts, ...args).map((p) => `${p.id}:${p.kind}`);

  it('warns that a GBK file read as UTF-8 would be damaged by saving it', () => {
    // VS Code 1.100+ tells the encoding; older editors show the lost bytes as U+FFFD.
    assert.deepEqual(kinds(gbkFacts, { encoding: 'utf8', hasReplacementChar: true }, 'forbid'), ['encoding/not-utf8:damaging']);
    assert.deepEqual(kinds(gbkFacts, { hasReplacementChar: true }, 'forbid'), ['encoding/not-utf8:damaging']);
  });

  it('only asks for a conversion once the file is read in its real encoding', () => {
    const problems = byteProblems(gbkFacts, { encoding: 'gbk', hasReplacementChar: false }, 'forbid');
    assert.deepEqual(
      problems.map((p) => `${p.id}:${p.kind}`),
      ['encoding/not-utf8:legacy'],
    );
    assert.match(problemMessage(problems[0], 'en'), /encoded in GBK, not UTF-8/);
    assert.deepEqual(kinds(gbkFacts, { hasReplacementChar: false }, 'forbid'), ['encoding/not-utf8:legacy']);
  });

  it("reports a byte order mark as the team's setting says", () => {
    const withBom = inspectBytes(withUtf8Bom(utf8(MINUTES)));
    const without = inspectBytes(utf8(MINUTES));
    const editor = { encoding: 'utf8bom', hasReplacementChar: false };
    assert.deepEqual(kinds(withBom, editor, 'forbid'), ['encoding/bom:unwanted']);
    assert.deepEqual(kinds(withBom, editor, 'allow'), []);
    assert.deepEqual(kinds(withBom, editor, 'require'), []);
    assert.deepEqual(kinds(without, { encoding: 'utf8', hasReplacementChar: false }, 'forbid'), []);
    assert.deepEqual(kinds(without, { encoding: 'utf8', hasReplacementChar: false }, 'require'), ['encoding/bom:missing']);
    // A file that is not UTF-8 has a bigger problem than its BOM.
    assert.deepEqual(kinds(gbkFacts, { encoding: 'utf8', hasReplacementChar: true }, 'require'), ['encoding/not-utf8:damaging']);
  });

  it('reads the setting, falling back to "forbid"', () => {
    assert.equal(readBomPolicy('allow'), 'allow');
    assert.equal(readBomPolicy('require'), 'require');
    assert.equal(readBomPolicy(undefined), 'forbid');
    assert.equal(readBomPolicy('sometimes'), 'forbid');
  });

  it('says it in English and Chinese, with the line where the damage starts', () => {
    const facts = inspectBytes(gbk('# Weekly sync\n会议时间：2024年5月1日\n'));
    const [problem] = byteProblems(facts, { encoding: 'utf8', hasReplacementChar: true }, 'forbid');
    assert.match(problemMessage(problem, 'en'), /from line 2 on\): it looks like GBK\/GB18030/);
    assert.match(problemMessage(problem, 'zh'), /从第 2 行起/);
    const [legacy] = byteProblems(
      inspectBytes(Uint8Array.from(Buffer.from('Grüße\n', 'latin1'))),
      { encoding: 'utf8', hasReplacementChar: true },
      'forbid',
    );
    assert.doesNotMatch(problemMessage(legacy, 'en'), /GBK/);
  });
});

describe('byte-level checks: documentation', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

  for (const id of ['encoding/not-utf8', 'encoding/bom'] as const) {
    it(`${id} has a docs page that README links to`, () => {
      assert.ok(existsSync(join(ROOT, 'docs', 'rules', `${id}.md`)), `docs/rules/${id}.md is missing`);
      assert.ok(readme.includes(`(docs/rules/${id}.md)`), `README does not link ${id}`);
    });
  }
});
