import assert from 'node:assert/strict';
import { carriedLine, withCarriedItems, withMeetingDate } from '../../client/src/newMinutes/carryOver';
import { extractItems } from '../../server/src/core/items/extract';
import { parseForTemplate } from '../../server/src/core/views/parse';
import { groupItems } from '../../client/src/items/groups';
import { skeletonSnippet } from '../../client/src/newMinutes/skeletons';
import { builtinTemplate, resolveTemplate } from '../../server/src/core';
import type { CarriedItem } from '../../server/src/core/items/carry';
import type { ItemView, SeriesItems } from '../../server/src/protocol';
import { lintText, only, seriesServices } from '../helpers';

// What "New minutes" writes for the next meeting of a series, and how the Action-items view
// orders the open items: pure functions of the client, checked without VS Code.

const skeleton = (id: string): string => skeletonSnippet(id) ?? assert.fail(`no skeleton for ${id}`);

const carried: CarriedItem[] = [
  { text: '整理 SIG 维护者名单', owners: ['李娜'], from: { path: '/ws/tc/20240221_minutes.md', line: 6, date: '2024-02-21' } },
  {
    text: 'book the summit room',
    owners: ['@bo-sample'],
    due: '2024-05-30',
    from: { path: '/ws/tc/20240221_minutes.md', line: 9, date: '2024-02-21' },
  },
];

describe('new minutes carry the open items over', () => {
  it("puts them in openEuler's 遗留问题 in place of the skeleton's placeholder, with where each came from", () => {
    const tc = skeleton('openeuler-tc');
    const out = withCarriedItems(withMeetingDate(tc, { year: 2024, month: 3, day: 6 }), carried, builtinTemplate('openeuler-tc')!, 'zh');
    assert.match(out, /^Date 日期：2024-03-06$/m);
    assert.match(
      out,
      /遗留问题：\n1\. 整理 SIG 维护者名单 -- 李娜（来自 20240221_minutes\.md 第 7 行）\n2\. book the summit room（截止：2024-05-30） -- @bo-sample（来自 20240221_minutes\.md 第 10 行）\n\n议题：/,
    );
    assert.doesNotMatch(out, /上次会议留下的问题/);
  });

  it("puts them under a generic template's Action items as task boxes with their owners, due dates and a link", () => {
    const out = withCarriedItems(skeleton('generic'), carried, builtinTemplate('generic')!, 'en');
    assert.match(
      out,
      /## Action items\n\n- \[ \] 整理 SIG 维护者名单 -- 李娜 — from \[2024-02-21\]\(20240221_minutes\.md#L7\)\n- \[ \] @bo-sample book the summit room \(due 2024-05-30\) — from \[2024-02-21\]\(20240221_minutes\.md#L10\)\n- \[ \] @\$\{7:owner\}/,
    );
  });

  it('reads a carried item back as the same item: the note of where it came from is not part of its text', () => {
    const markdown =
      '# Team Meeting 2024-05-30\n\n## Action items\n\n' + carried.map((c, i) => carriedLine(c, i, false, 'en')).join('\n') + '\n';
    const plain = 'Date 日期：2024-03-06\n遗留问题：\n' + carried.map((c, i) => carriedLine(c, i, true, 'zh')).join('\n') + '\n';
    for (const [text, path, id] of [
      [markdown, 'a/2024-05-30.md', 'generic'],
      [plain, 'tc/20240306_minutes.md', 'openeuler-tc'],
    ]) {
      const template = resolveTemplate(path, text, { spec: builtinTemplate(id)!, reason: 'test' });
      const items = extractItems(parseForTemplate(path, text, template), template);
      assert.deepEqual(
        items.map((i) => [i.text, i.owners, i.due]),
        [
          ['整理 SIG 维护者名单', ['李娜'], undefined],
          ['book the summit room', ['@bo-sample'], '2024-05-30'],
        ],
        id,
      );
    }
  });

  it('keeps snippet syntax out of the carried text', () => {
    const out = withCarriedItems(
      '# Notes\n',
      [{ text: 'pay $5 for {x}', owners: [], from: { path: 'a/2024-01-01.md', line: 0 } }],
      { sections: [], format: 'markdown' },
      'en',
    );
    assert.match(out, /pay \\\$5 for \{x\\\}/);
  });

  it('writes minutes that the series rules find complete: nothing dropped', async () => {
    const previous = '本期遗留问题：\n1. 整理 SIG 维护者名单 -- 李娜\n2. 发布 24.03 版本计划 -- 刘洋\n';
    const files = ['20240124', '20240207', '20240221'].map((d, i) => ({
      path: `tc/${d}_minutes.md`,
      text: `Date 日期：${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}\n${i === 2 ? previous : ''}`,
    }));
    const plan: CarriedItem = { text: '发布 24.03 版本计划', owners: ['刘洋'], from: { path: 'tc/20240221_minutes.md', line: 2 } };
    const text = withCarriedItems(
      withMeetingDate(skeleton('openeuler-tc'), { year: 2024, month: 3, day: 6 }),
      [carried[0], plan],
      builtinTemplate('openeuler-tc')!,
      'zh',
    )
      .replace(/\$\{\d+:([^}]*)\}/g, '$1')
      .replace(/\$\{0:([^}]*)\}/g, '$1')
      .replace(/\\([$}\\])/g, '$1');
    const path = 'tc/20240306_minutes.md';
    const template = resolveTemplate(path, text, { spec: builtinTemplate('openeuler-tc')!, reason: 'test' });
    assert.equal(template.id, 'openeuler-tc');
    const result = await lintText(text, path, { template: 'openeuler-tc', services: seriesServices([...files, { path, text }]) });
    assert.deepEqual(only(result.diagnostics, 'series/dropped-item'), []);
    const without = await lintText(text.replace(/1\. 整理 SIG 维护者名单.*\n/, ''), path, {
      template: 'openeuler-tc',
      services: seriesServices(files),
    });
    assert.equal(only(without.diagnostics, 'series/dropped-item').length, 1, 'the same minutes without the carried item drop it');
  });
});

describe('Action-items view order', () => {
  const view = (text: string, extra: Partial<ItemView> = {}): ItemView => ({
    text,
    kind: 'action',
    owners: [],
    status: 'open',
    open: true,
    since: { path: '/ws/a/1.md' },
    lastSeen: { path: '/ws/a/1.md' },
    uri: 'file:///ws/a/1.md',
    mentions: [],
    ...extra,
  });
  const series: SeriesItems[] = [
    {
      folder: 'file:///ws/a',
      name: 'a',
      latest: 'file:///ws/a/2.md',
      items: [
        view('old task', { owners: ['@ada'] }),
        view('latest task', { owners: ['@ada'], uri: 'file:///ws/a/2.md' }),
        view('late task', { owners: ['@bo'], due: '2024-01-01', overdue: true }),
        view('due task', { owners: ['李娜'], due: '2024-09-01', uri: 'file:///ws/a/2.md' }),
        view('done task', { owners: ['@ada'], open: false, status: 'done' }),
        view("nobody's task"),
      ],
    },
  ];

  it('groups by owner: owners with overdue items first, then those with items of the latest minutes; no owner last', () => {
    const groups = groupItems(series, 'owner', 'en');
    assert.deepEqual(
      groups.map((g) => [g.label, g.entries.map((e) => e.item.text)]),
      [
        ['@bo', ['late task']],
        ['@ada', ['latest task', 'old task']],
        ['李娜', ['due task']],
        ['No owner', ["nobody's task"]],
      ],
    );
  });

  it('groups by due date: overdue first, then by date, no date last (in Chinese too)', () => {
    const groups = groupItems(series, 'due', 'zh');
    assert.deepEqual(
      groups.map((g) => [g.label, g.entries.map((e) => e.item.text)]),
      [
        ['已逾期', ['late task']],
        ['截止 2024-09-01', ['due task']],
        ['无截止日期', ['latest task', "nobody's task", 'old task']],
      ],
    );
  });
});
