import assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/core';
import { toGithub, toText, type FileReport } from '../../server/src/cli/report';

describe('GitHub annotations', () => {
  it('escapes %, newlines, and : , in properties so a message cannot break the command', () => {
    const text = 'a\nb: c, 100%\n';
    const out = toGithub([
      {
        path: 'x,y:z.md',
        lines: new LineIndex(text),
        diagnostics: [
          { rule: 'privacy/email', severity: 'info', message: 'line one\n100% sure: a, b', span: { start: 2, end: 5 }, fixes: [] },
        ],
      },
    ]);
    assert.equal(out, '::notice file=x%2Cy%3Az.md,line=2,col=1,endLine=2,endColumn=4,title=privacy/email::line one%0A100%25 sure: a, b');
  });
});

describe('text report: where many findings come from', () => {
  const text = 'x\n'.repeat(60);
  const finding = (rule: string, line: number, safe: boolean) => ({
    rule,
    severity: 'warning' as const,
    message: 'm',
    span: { start: line * 2, end: line * 2 + 1 },
    fixes: [{ title: 'fix', safe, edits: [{ start: line * 2, end: line * 2 + 1, newText: 'y' }] }],
  });
  const report = (count: number): FileReport[] => [
    {
      path: 'a.md',
      lines: new LineIndex(text),
      diagnostics: [
        ...Array.from({ length: count - 5 }, (_, i) => finding('style/cjk-emphasis', i % 50, true)),
        ...Array.from({ length: 3 }, (_, i) => finding('link/spaced-syntax', i, false)),
        ...Array.from({ length: 2 }, (_, i) => finding('handle/invalid', i, true)),
      ],
    },
  ];

  it('names the rules with the most findings and how many --fix repairs, once a run has many', () => {
    const out = toText(report(45), false, 'en').split('\n');
    const at = out.indexOf('Rules with the most findings:');
    assert.ok(at > 0, out.join('\n'));
    assert.deepEqual(out.slice(at + 1, at + 4), [
      '  style/cjk-emphasis     40  (40 fixable with --fix)',
      '  link/spaced-syntax      3',
      '  handle/invalid          2  (2 fixable with --fix)',
    ]);
    assert.match(out[at + 4], /"off" under "rules" in \.minutesrc\.json/);
    assert.equal(out.at(-1), '1 file, 45 problems (0 errors, 45 warnings, 0 info)');
    assert.ok(toText(report(45), false, 'zh').includes('问题最多的规则：'));
  });

  it('says nothing of it when the findings are few enough to read one by one', () => {
    assert.ok(!toText(report(39), false, 'en').includes('Rules with the most findings'));
  });
});

describe('text report: template notes', () => {
  const file = (path: string, folder: string, count: number): FileReport => ({
    path,
    lines: new LineIndex('x\n'),
    template: {
      resolvedId: 'learned-2024',
      reason: 'learned',
      confidence: 'learned',
      explanation: { en: `learned from ${count} minutes in this folder (${folder})`, zh: `从本目录 ${count} 份纪要学得（${folder}）` },
    },
    diagnostics: [{ rule: 'template/missing-field', severity: 'warning', message: 'm', span: { start: 0, end: 1 }, fixes: [] }],
  });

  it('says a reason once when the files of a series differ only in its numbers, and each series apart', () => {
    const out = toText(
      [file('a/1.md', 'weekly', 34), file('a/2.md', 'weekly', 33), file('a/3.md', 'infra', 9), file('a/4.md', 'infra', 8)],
      false,
      'en',
    );
    const notes = out.split('\n').filter((line) => line.startsWith('  learned-2024 (learned):'));
    assert.deepEqual(notes, [
      '  learned-2024 (learned): learned from 34 minutes in this folder (weekly)',
      '  learned-2024 (learned): learned from 9 minutes in this folder (infra)',
    ]);
  });
});
