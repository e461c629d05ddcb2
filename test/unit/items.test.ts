import assert from 'node:assert/strict';
import { builtinTemplate, resolveTemplate } from '../../server/src/core';
import { extractItems } from '../../server/src/core/items/extract';
import { followItems } from '../../server/src/core/items/history';
import { itemWeights, matchItems, similarity } from '../../server/src/core/items/match';
import { orderMeetings } from '../../server/src/core/items/meetings';
import { seriesItems } from '../../server/src/core/items/report';
import type { MinutesItem } from '../../server/src/core/items/types';
import { parseForTemplate } from '../../server/src/core/views/parse';
import type { ResolvedTemplate } from '../../server/src/core/templates/types';
import { seriesFixture } from './series-fixtures';

// The items of minutes in the shapes real series write them, and how an item of one meeting
// is found again in the next: reworded, shortened, moved under a topic, in Chinese and English.

function templateFor(id: string, path: string, text: string): ResolvedTemplate {
  return resolveTemplate(path, text, { spec: builtinTemplate(id)!, reason: 'test' });
}

function itemsOf(text: string, path: string, templateId: string): MinutesItem[] {
  const template = templateFor(templateId, path, text);
  return extractItems(parseForTemplate(path, text, template), template);
}

const brief = (i: MinutesItem) => [i.kind, i.text, i.owners, i.status, i.tracked];

describe('items', () => {
  describe('openEuler TC (plain text)', () => {
    const text = [
      'Date 日期：2023-07-12',
      '遗留事项跟踪：',
      '1.内核 KABI 变更策略进展汇报  --- 谢秀奇/杜开田',
      '本次进展：介绍了周边驱动的策略。',
      '    继续遗留该问题，沟通清楚后，下次会议决策。',
      '遗留问题:    关于kafka从bigdata SIG迁移的沟通 --- 熊伟',
      '  已和bigdata sig沟通。此遗留问题关闭。',
      '',
      '议题：',
      '1. openEuler 24.03计划同步 -- 苏锦铃 -- 延到下次会议',
      '',
      '2. 操作系统软件包管理平台开源方案（凝思软件）',
      '- 侯健遗留问题：后续在Ops SIG一起讨论，在下次TC会议上报告进展',
      '',
      '本期遗留问题：',
      '无',
    ].join('\n');
    const items = itemsOf(text, 'TC/20230712_minutes.txt', 'openeuler-tc');

    it('reads carried-over issues with owners after a dash and the status their notes give', () => {
      assert.deepEqual(items.slice(0, 2).map(brief), [
        ['action', '内核 KABI 变更策略进展汇报', ['谢秀奇', '杜开田'], 'open', true],
        ['action', '关于kafka从bigdata SIG迁移的沟通', ['熊伟'], 'done', true],
      ]);
      assert.equal(items[0].carried, true);
      assert.equal(items[1].statusText, '关闭');
    });

    it('takes a topic put off to the next meeting as open business, with its presenter as owner', () => {
      const putOff = items.find((i) => i.text.startsWith('openEuler 24.03'));
      assert.deepEqual(putOff && brief(putOff), ['action', 'openEuler 24.03计划同步', ['苏锦铃'], 'open', true]);
    });

    it('reads `侯健遗留问题：…` inside a topic as an item owned by the name before the label', () => {
      const labelled = items.find((i) => i.owners.includes('侯健'));
      assert.ok(labelled, JSON.stringify(items.map(brief)));
      assert.equal(labelled.text, '后续在Ops SIG一起讨论，在下次TC会议上报告进展');
      assert.equal(labelled.context, '操作系统软件包管理平台开源方案（凝思软件）');
    });

    it('reads `本期遗留问题：无` as no item', () => {
      assert.ok(!items.some((i) => i.text === '无'));
    });
  });

  describe('Markdown minutes', () => {
    it('reads `- [ ] @owner task (due …)` with the owner, due date and box', () => {
      const items = itemsOf(
        '# Team Meeting 2024-05-02\n\n## Action items\n\n- [ ] @ada write the guide (due 2024-05-16)\n- [x] @bo share the sheet\n',
        'm/2024-05-02.md',
        'generic',
      );
      assert.deepEqual(
        items.map((i) => [i.text, i.owners, i.due, i.status, i.statusText]),
        [
          ['write the guide', ['@ada'], '2024-05-16', 'open', '[ ]'],
          ['share the sheet', ['@bo'], undefined, 'done', '[x]'],
        ],
      );
    });

    it("reads a Feishu task's `@owner⏰date time` as its owner and due date, leaving neither in the text", () => {
      const items = itemsOf(
        '# 例会纪要 2023-11-26\n\n## 待办\n\n* [ ] [周报模板](https://example.org/t)补充说明@林一⏰2023-12-02 20:00\n* [ ] 整理会议室名单（截止：2023-12-09 18:30）@韩二\n',
        'm/2023-11-26.md',
        'generic',
      );
      assert.deepEqual(
        items.map((i) => [i.text, i.owners, i.due]),
        [
          ['周报模板补充说明', ['@林一'], '2023-12-02'],
          ['整理会议室名单', ['@韩二'], '2023-12-09'],
        ],
      );
    });

    it('reads `(@owner)` and `[@owner]` as owners, leaving no empty brackets, and a possessive handle as words', () => {
      const items = itemsOf(
        "# Releases WG\n\n## Action Items\n\n* Audit the npm tokens (@cy)\n* Share @cy's audit list with the docs team (@di)\n* [@ed] review the release PR\n",
        'm/2019-03-06.md',
        'generic',
      );
      assert.deepEqual(
        items.map((i) => [i.text, i.owners]),
        [
          ['Audit the npm tokens', ['@cy']],
          ["Share @cy's audit list with the docs team", ['@di']],
          ['review the release PR', ['@ed']],
        ],
      );
    });

    it('reads `boats to comment on #64273` in an action list as owned by its subject', () => {
      const [item] = itemsOf('# Lang team 2019-10-17\n\n# Action items\n* [ ] boats to comment on #64273\n', 'm/2019-10-17.md', 'generic');
      assert.deepEqual(item.owners, ['boats']);
    });

    it('does not take ticked agenda boxes without an owner for open business', () => {
      const [item] = itemsOf('# Lang team 2019-10-17\n\n# Triage\n* [ ] Review last week’s action items\n', 'm/2019-10-17.md', 'generic');
      assert.equal(item.tracked, false);
    });

    it('reads a Curve work item with its PR, owner and bracketed status', () => {
      const items = itemsOf(
        '## 会议内容\n\n### 一、近期工作\n\n- [支持warmup到共享缓存](https://github.com/opencurve/curve/pull/2341) @Cyber-SiKu（已合入master）\n',
        'curve/2023-04-27.md',
        'curve-biweekly',
      );
      assert.deepEqual(
        items.map((i) => [i.kind, i.text, i.owners, i.status, i.links]),
        [['topic', '支持warmup到共享缓存', ['@Cyber-SiKu'], 'done', ['github.com/opencurve/curve#2341']]],
      );
    });

    it('reads a Node.js TSC agenda issue and `removed tsc-agenda` as its end', () => {
      const text =
        '# TSC Meeting 2026-03-04\n\n## Agenda\n\n### nodejs/TSC\n\n* Collaborator Summits 2026 [#1800](https://github.com/nodejs/TSC/issues/1800)\n  * Matteo: removed tsc-agenda\n\n## Links\n\n* **GitHub Issue**: <https://github.com/nodejs/TSC/issues/1825>\n';
      const items = itemsOf(text, 'tsc/2026-03-04.md', 'generic');
      assert.deepEqual(
        items.map((i) => [i.kind, i.text, i.status, i.links]),
        [['topic', 'Collaborator Summits 2026 #1800', 'done', ['github.com/nodejs/tsc#1800']]],
      );
    });

    it('reads deepin carried-over items (headings) with the owner line of their notes', () => {
      const text =
        '2025/9 TC 例会\n===\n\n## 例会遗留事项进度确认\n\n### revy: 软件包维护必须写维护者自己的名字\n\n上次例会结论：以 rfc 形式跟进。\n\n责任人： @zeno\n\n当前状态：有在推进中，但还未定稿。\n\n## 本次议题\n\n### yukari: 版本号约定\n\n暂时的结论：由 @pitt 确认情况\n\n责任人：@pitt\n';
      const items = itemsOf(text, 'deepin/2025-09.md', 'generic');
      assert.deepEqual(
        items.map((i) => [i.text, i.owners, i.status, i.carried]),
        [
          ['revy: 软件包维护必须写维护者自己的名字', ['@zeno'], 'open', true],
          ['yukari: 版本号约定', ['@pitt'], 'open', false],
        ],
      );
    });
  });

  describe('matching', () => {
    const item = (text: string, extra: Partial<MinutesItem> = {}): MinutesItem => ({
      kind: 'action',
      text,
      owners: [],
      status: 'open',
      links: [],
      tracked: true,
      carried: false,
      span: { start: 0, end: 0 },
      block: { start: 0, end: 0 },
      ...extra,
    });

    it('finds a Chinese item shortened in the next minutes (character pairs)', () => {
      const s = similarity(
        item('开发云镜像相关的 oEEP，将后续针对不同云发布镜像的过程规范化', { owners: ['鲁卫军'] }),
        item('开发云镜像相关的 oEEP', { owners: ['鲁卫军'] }),
      );
      assert.ok(s.score >= 0.45, JSON.stringify(s));
    });

    it('finds an English item reworded, and not an unrelated one of the same owner', () => {
      const before = item('write the runner migration guide', { owners: ['@ada'] });
      assert.ok(similarity(before, item('the runner migration guide is written', { owners: ['@ada'] })).score >= 0.45);
      assert.ok(similarity(before, item('book the summit room', { owners: ['@ada'] })).score < 0.3);
    });

    it('takes the same PR or issue for the same item whatever the words', () => {
      const s = similarity(
        item('Update charter', { links: ['github.com/nodejs/tsc#1754'] }),
        item('charter: communication duties', { links: ['github.com/nodejs/tsc#1754'] }),
      );
      assert.deepEqual([s.score, s.reasons[0]], [1, 'link']);
    });

    it('takes a rare number in both for the same item (`oEEP 0006` and `oEEP-0006`)', () => {
      const s = similarity(item('oEEP 0006 进展偏慢：尽快沟通确定，在下次会议上通报落地方案'), item('oEEP-0006进展和决策点讨论'));
      assert.ok(s.score >= 0.45 && s.reasons.includes('id'), JSON.stringify(s));
    });

    it('weighs words the whole series shares less: two SIG applications are two items', () => {
      const items = ['成立FangTian SIG', '成立Port-from-Windows SIG', '成立 Haskell SIG', '成立 NFV SIG', 'SIG 成立陈述'].map((t) =>
        item(t),
      );
      const weights = itemWeights(items);
      assert.ok(similarity(items[0], items[1], weights).score < 0.45, String(similarity(items[0], items[1], weights).score));
    });

    it('pairs each item once, best first', () => {
      const before = [item('整理 SIG 维护者名单'), item('发布 24.03 版本计划')];
      const after = [item('24.03 版本计划的发布'), item('整理 SIG 维护者名单')];
      assert.deepEqual(
        matchItems(before, after).map((m) => [m.previous, m.next]),
        [
          [0, 1],
          [1, 0],
        ],
      );
    });
  });

  describe('histories', () => {
    it('follows the items of a series from meeting to meeting, a reworded one too', () => {
      const files = seriesFixture('tc');
      const meetings = orderMeetings(files, templateFor('openeuler-tc', files[0].path, files[0].text));
      const histories = followItems(meetings).filter((h) => h.mentions.length > 1);
      const plan = histories.find((h) => h.mentions[0].item.text === '发布 24.03 版本计划');
      assert.ok(plan, 'the 24.03 plan is followed');
      assert.deepEqual(
        plan.mentions.map((m) => [m.meeting, m.item.text, m.item.status]),
        [
          [1, '发布 24.03 版本计划', 'open'],
          [2, '发布 24.03 版本计划', 'open'],
          [3, '24.03 版本计划的发布', 'done'],
        ],
      );
    });

    it('chains an agenda issue by its link across a meeting that did not discuss it', () => {
      const files = seriesFixture('infra');
      const meetings = orderMeetings(files, templateFor('generic', files[0].path, files[0].text));
      const runner = followItems(meetings).find((h) => h.mentions[0].item.links.includes('github.com/example-org/infra#412'));
      assert.deepEqual(
        runner?.mentions.map((m) => m.meeting),
        [0, 1, 3],
      );
    });

    it('lists open items first, overdue ones at the top, with since and the meetings that mentioned them', () => {
      const files = seriesFixture('infra');
      const meetings = orderMeetings(files, templateFor('generic', files[0].path, files[0].text));
      const items = seriesItems(meetings, { today: '2024-06-01' });
      assert.deepEqual(items.map((i) => [i.text, i.open, Boolean(i.overdue)]).slice(0, 3), [
        ['book the summit room', true, true],
        ['Runner pool for arm64 #412', true, false],
        ['pin the mirror to a second upstream', true, false],
      ]);
      assert.equal(items[0].since.date, '2024-05-09');
      assert.deepEqual(
        items[0].mentions.map((m) => [m.date, m.line]),
        [
          ['2024-05-09', 19],
          ['2024-05-16', 10],
        ],
      );
      assert.deepEqual(
        seriesItems(meetings, { openOnly: true }).map((i) => i.open),
        [true, true, true],
      );
    });
  });
});
