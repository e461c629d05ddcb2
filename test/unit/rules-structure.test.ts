import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint, resolveTemplate, type LintResult, type TemplateSpec } from '../../server/src/core';
import type { ResolvedConfig } from '../../server/src/core/config/types';
import { findTopicLists, findTopics } from '../../server/src/core/views/topics';
import { applyRuleFixes, lineOf, lintText, only, ROOT } from '../helpers';

// Small templates written for these tests, so that the rules are exercised on exactly the
// structure they read, whatever the built-in templates say.
const meeting: TemplateSpec = {
  id: 'test-meeting',
  name: 'test meeting',
  format: 'markdown',
  sections: [
    { id: 'time', names: ['时间'], level: 2, required: true },
    { id: 'join', names: ['加入会议'], level: 2, required: true },
    {
      id: 'content',
      names: ['会议内容'],
      level: 2,
      required: true,
      children: [
        { id: 'work', names: ['近期工作'], level: 3, required: true },
        { id: 'community', names: ['开源社区'], level: 3 },
        { id: 'qa', names: ['答疑 & 交流'], patterns: ['^答疑'], level: 3, required: true, allowEmpty: true },
      ],
    },
    { id: 'notes', names: ['备注'], level: 2, ordered: false },
  ],
  numbering: { sections: ['content'], punct: '、' },
};

const tc: TemplateSpec = {
  id: 'test-tc',
  name: 'test tc',
  format: 'plaintext',
  extensions: ['txt', 'md'],
  sections: [
    { id: 'carry-over', names: ['遗留问题'], required: true },
    { id: 'agenda', names: ['议题', '会议议题'], required: true },
    { id: 'open-items', names: ['本期遗留问题'] },
  ],
  topics: { sections: ['agenda'], conclusionLabels: ['结论', '决策', '会议结论'] },
  numbering: { topics: true },
};

function lintWith(spec: TemplateSpec, text: string, path = 'minutes.md', config?: ResolvedConfig): Promise<LintResult> {
  return lint({ path, text, template: resolveTemplate(path, text, { spec, reason: 'test' }), config });
}

function fixture(name: string): string {
  return readFileSync(join(ROOT, 'test', 'fixtures', 'structure', name), 'utf8');
}

function lines(result: LintResult, rule: string): number[] {
  return only(result.diagnostics, rule).map((d) => lineOf(result, d));
}

const skeleton = (parts: Record<string, string>): string =>
  Object.entries(parts)
    .map(([heading, body]) => `${heading}\n\n${body}`.trimEnd() + '\n')
    .join('\n');

describe('template/section-order', () => {
  const rule = 'template/section-order';

  it('flags the one section that moved, naming the section it belongs after', async () => {
    const text = skeleton({
      '## 加入会议': '会议号：123',
      '## 时间': '2024/03/14 19:00~19:30',
      '## 会议内容': '### 一、近期工作\n\n- 一项工作',
    });
    const result = await lintWith(meeting, text);
    const found = only(result.diagnostics, rule);
    assert.equal(found.length, 1);
    assert.equal(lineOf(result, found[0]), 1);
    assert.match(found[0].message, /"加入会议".*after "时间"/);
  });

  it('names the following section when the misplaced one has no predecessor in place', async () => {
    const text = skeleton({ '## 加入会议': '会议号：123', '## 会议内容': '### 近期工作\n\n- x', '## 时间': '2024/03/14 19:00~19:30' });
    const result = await lintWith(meeting, text);
    const found = only(result.diagnostics, rule);
    assert.equal(found.length, 1);
    assert.equal(lineOf(result, found[0]), 11);
    assert.match(found[0].message, /"时间".*before "加入会议"/);
  });

  it('checks children within their parent', async () => {
    const text = skeleton({
      '## 时间': '2024/03/14 19:00~19:30',
      '## 加入会议': '会议号：123',
      '## 会议内容': '### 答疑 & 交流\n\n提问若干\n\n### 近期工作\n\n- x',
    });
    const result = await lintWith(meeting, text);
    assert.deepEqual(lines(result, rule), [11]);
    assert.match(only(result.diagnostics, rule)[0].message, /"答疑 & 交流".*after "近期工作"/);
  });

  it('lets sections marked ordered: false float, and ignores unknown sections', async () => {
    const text = skeleton({
      '## 备注': '无',
      '## 时间': '2024/03/14 19:00~19:30',
      '## 其他': '随便写点',
      '## 加入会议': '会议号：123',
      '## 会议内容': '### 近期工作\n\n- x',
    });
    assert.deepEqual(lines(await lintWith(meeting, text), rule), []);
  });

  it('orders plain-text label sections too', async () => {
    const text = '议题：\n1、一个议题\n结论：通过\n\n遗留问题：\n无\n';
    const result = await lintWith(tc, text, 'minutes.txt');
    assert.deepEqual(lines(result, rule), [1]);
  });
});

describe('template/heading-level', () => {
  const rule = 'template/heading-level';

  it('flags a known section at the wrong level and rewrites its markers', async () => {
    const text = skeleton({ '### 时间': '2024/03/14 19:00~19:30', '## 加入会议': '会议号：123', '## 会议内容': '#### 近期工作\n\n- x' });
    const result = await lintWith(meeting, text);
    const found = only(result.diagnostics, rule);
    assert.deepEqual(
      found.map((d) => lineOf(result, d)),
      [1, 11],
    );
    assert.match(found[0].message, /level-3 heading.*expects level 2/);
    assert.ok(found.every((d) => d.fixes[0]?.safe));
    const fixed = applyRuleFixes(text, result.diagnostics, rule);
    assert.match(fixed, /^## 时间\n/);
    assert.match(fixed, /\n### 近期工作\n/);
    assert.deepEqual(lines(await lintWith(meeting, fixed), rule), []);
  });

  it('accepts a known section written as an unnumbered sub-heading of a sibling, not a numbered one', async () => {
    const nested = '## 会议内容\n\n### 一、近期工作\n\n- x\n\n#### 开源社区\n\n- 周报\n';
    assert.deepEqual(lines(await lintWith(meeting, nested), rule), []);
    const misnumbered = '## 会议内容\n\n### 一、近期工作\n\n- x\n\n#### 二、开源社区\n\n- 周报\n';
    assert.deepEqual(lines(await lintWith(meeting, misnumbered), rule), [7]);
  });

  it('keeps an ATX closing sequence in step', async () => {
    const text = '# 时间 #\n\n2024/03/14\n';
    const result = await lintWith(meeting, text);
    assert.equal(applyRuleFixes(text, result.diagnostics, rule), '## 时间 ##\n\n2024/03/14\n');
  });

  it('turns a setext heading of the wrong level into an ATX heading', async () => {
    const text = '时间\n====\n\n2024/03/14\n\n## 加入会议\n\n会议号\n';
    const result = await lintWith(meeting, text);
    assert.deepEqual(lines(result, rule), [1]);
    assert.equal(applyRuleFixes(text, result.diagnostics, rule), '## 时间\n\n2024/03/14\n\n## 加入会议\n\n会议号\n');
  });

  it('accepts a setext heading at the right level', async () => {
    const text = '时间\n----\n\n2024/03/14\n';
    assert.deepEqual(lines(await lintWith(meeting, text), rule), []);
  });

  it('says nothing about plain-text label sections', async () => {
    const text = '遗留问题：\n无\n\n议题：\n1、议题\n结论：通过\n';
    assert.deepEqual(
      lines(await lintWith({ ...tc, sections: tc.sections!.map((s) => ({ ...s, level: 2 })) }, text, 'minutes.txt'), rule),
      [],
    );
  });
});

describe('template/empty-section', () => {
  const rule = 'template/empty-section';

  it('flags a required section with nothing but blank lines or comments', async () => {
    const text = '## 时间\n\n<!-- 填写会议时间 -->\n\n## 加入会议\n\n会议号\n';
    const result = await lintWith(meeting, text);
    assert.deepEqual(lines(result, rule), [1]);
    assert.match(only(result.diagnostics, rule)[0].message, /"时间" is empty/);
  });

  it('accepts an empty section the template allows to be empty, and optional ones', async () => {
    const text =
      skeleton({ '## 时间': '2024/03/14', '## 加入会议': '会议号', '## 会议内容': '### 近期工作\n\n- x\n\n### 开源社区' }) +
      '\n### 答疑 & 交流\n';
    assert.deepEqual(lines(await lintWith(meeting, text), rule), []);
  });

  it('counts sub-sections as content', async () => {
    const text = '## 会议内容\n\n### 近期工作\n\n- x\n';
    assert.deepEqual(lines(await lintWith(meeting, text), rule), []);
  });

  it('leaves unknown empty headings alone unless asked to check every heading', async () => {
    const text = '## 时间\n\n2024/03/14\n\n## 战略议题\n\n## 加入会议\n\n会议号\n\n## 尾声\n';
    assert.deepEqual(lines(await lintWith(meeting, text), rule), []);
    const config: ResolvedConfig = { config: { rules: { [rule]: ['warning', { allHeadings: true }] } }, problems: [] };
    // The last heading may be a slot left for later (Q&A); only one followed by another heading is empty for sure.
    assert.deepEqual(lines(await lintWith(meeting, text, 'minutes.md', config), rule), [5]);
  });

  it('flags an empty plain-text label, but not one that titles the label below it', async () => {
    const empty = await lintWith(tc, '遗留问题：\n\n议题：\n1、议题\n结论：通过\n', 'minutes.txt');
    assert.deepEqual(lines(empty, rule), [1]);
    const grouping = await lintWith(tc, '议题：\n遗留问题：\n1. 跟踪事项\n', 'minutes.txt');
    assert.deepEqual(lines(grouping, rule), []);
    const numberedPart = await lintWith(tc, '会议议题：\n\n0. 遗留问题：\n- 跟踪事项\n', 'minutes.txt');
    assert.deepEqual(lines(numberedPart, rule), []);
    const numberedSiblings = await lintWith(tc, '一、遗留问题：\n\n二、议题：\n1、议题甲\n结论：通过\n', 'minutes.txt');
    assert.deepEqual(lines(numberedSiblings, rule), [1]);
  });
});

describe('template/numbering', () => {
  const rule = 'template/numbering';

  it('finds mixed punctuation and a gap among numbered sibling headings, ignoring unnumbered ones', async () => {
    const text = fixture('curve-content.md');
    const result = await lintWith(meeting, text);
    const found = only(result.diagnostics, rule);
    assert.deepEqual(
      found.map((d) => lineOf(result, d)),
      [25, 29],
    );
    assert.match(found[0].message, /"二\." is written differently from its siblings' "二、"/);
    assert.equal(found[0].fixes[0].safe, true);
    assert.match(found[1].message, /skips 三: "四、" follows "二\."/);
    assert.equal(found[1].fixes[0].safe, false);
    // The punctuation fix and the renumbering touch the same ordinal: a second pass (as `--fix` does) applies the rest.
    const once = applyRuleFixes(text, result.diagnostics, rule);
    const fixed = applyRuleFixes(once, (await lintWith(meeting, once)).diagnostics, rule);
    assert.match(fixed, /### 二、开源社区/);
    assert.match(fixed, /### 三、答疑 & 交流/);
    assert.deepEqual(lines(await lintWith(meeting, fixed), rule), []);
  });

  it('works the same with the built-in Curve template', async () => {
    const result = await lintText(fixture('curve-content.md'), 'curve/2024/2024-03-14.md', { template: 'curve-biweekly' });
    assert.deepEqual(lines(result, rule), [25, 29]);
  });

  it('reports a repeated number once and renumbers the rest', async () => {
    const text = '## 会议内容\n\n### 一、近期工作\n\nx\n\n### 二、开源社区\n\nx\n\n### 二、活动\n\nx\n\n### 三、答疑\n';
    const result = await lintWith(meeting, text);
    const found = only(result.diagnostics, rule);
    assert.deepEqual(
      found.map((d) => lineOf(result, d)),
      [11],
    );
    assert.match(found[0].message, /"二、" repeats/);
    const fixed = applyRuleFixes(text, result.diagnostics, rule);
    assert.match(fixed, /### 三、活动[\s\S]*### 四、答疑/);
  });

  it('reports numbering that goes backwards without guessing a fix', async () => {
    const text = '## 会议内容\n\n### 一、近期工作\n\nx\n\n### 三、开源社区\n\nx\n\n### 二、答疑\n';
    const result = await lintWith(meeting, text);
    const found = only(result.diagnostics, rule);
    assert.deepEqual(
      found.map((d) => d.message),
      ['Number "二、" goes back after "三、".'],
    );
    assert.deepEqual(found[0].fixes, []);
  });

  it('reports two swapped numbers once, as a step back', async () => {
    const text = '议题：\n1、甲\n结论：通过\n\n2、乙\n结论：通过\n\n4、丁\n结论：通过\n\n3、丙\n结论：通过\n\n5、戊\n结论：通过\n';
    const result = await lintWith(tc, text, 'minutes.txt');
    assert.deepEqual(
      only(result.diagnostics, rule).map((d) => [lineOf(result, d), d.message]),
      [[11, 'Number "3、" goes back after "4、".']],
    );
  });

  it('reports a list that does not start at one', async () => {
    const text = '## 会议内容\n\n### 二、近期工作\n\nx\n\n### 三、答疑\n';
    const result = await lintWith(meeting, text);
    const found = only(result.diagnostics, rule);
    assert.equal(found.length, 1);
    assert.match(found[0].message, /starts at "二、" instead of "一、"/);
    assert.match(applyRuleFixes(text, result.diagnostics, rule), /### 一、近期工作[\s\S]*### 二、答疑/);
  });

  it('checks only the sibling groups the template names', async () => {
    const text = '## 会议内容\n\n### 一、近期工作\n\n#### 1. 发布\n\nx\n\n#### 3. 修复\n\nx\n';
    assert.deepEqual(lines(await lintWith(meeting, text), rule), []);
    const everywhere = { ...meeting, numbering: { sections: ['*'] } };
    assert.deepEqual(lines(await lintWith(everywhere, text), rule), [9]);
  });

  it('checks topic numbers, following the punctuation most topics use', async () => {
    const result = await lintWith(tc, fixture('tc-agenda.txt'), 'tc/20240306_minutes.txt');
    const found = only(result.diagnostics, rule);
    assert.deepEqual(
      found.map((d) => lineOf(result, d)),
      [15, 20],
    );
    assert.ok(found.every((d) => /written differently.*"[23]、"/.test(d.message)));
  });

  it('treats numbering that starts again at 1 after a blank line as a new list', async () => {
    const text = '议题：\n1. 跟进事项甲\n2. 跟进事项乙\n\n1、议题甲\n结论：通过\n2、议题乙\n结论：通过\n';
    const result = await lintWith(tc, text, 'minutes.txt');
    assert.deepEqual(
      findTopicLists(result.doc, result.template).map((l) => l.topics.length),
      [2, 2],
    );
    assert.deepEqual(lines(result, rule), []);
  });
});

describe('discussion topics (findTopics)', () => {
  it('finds the numbered topics of the agenda and their conclusion lines', async () => {
    const result = await lintWith(tc, fixture('tc-agenda.txt'), 'tc/20240306_minutes.txt');
    const topics = findTopics(result.doc, result.template);
    assert.deepEqual(
      topics.map((t) => t.title),
      [
        '新建 sig-demo 申请 -- 王五',
        '构建工具链升级评审 -- 赵六',
        '文档站点迁移讨论 -- 钱七',
        '社区活动规划 -- 孙八',
        '安全漏洞响应流程 -- 周九',
      ],
    );
    const line = (offset: number) => result.doc.lines.position(offset).line + 1;
    assert.deepEqual(
      topics.map((t) => t.conclusions.map((c) => line(c.start))),
      [[13], [18], [], [24], []],
    );
    // The numbered points after `会议结论：` belong to that conclusion, and the topic runs over them.
    assert.equal(line(topics[3].span.end), 27);
    assert.equal(result.doc.text.slice(topics[0].heading.start, topics[0].heading.end), '1、新建 sig-demo 申请 -- 王五');
  });

  it('reads numbers right under a topic line as its points', async () => {
    const text =
      '议题：\n1. 版本规划\n结论：通过\n\n2. 发布进展\n1. 全量构建完成\n2. 测试进行中\n3. 文档待补充\n\n3. 社区活动\n决策：下月举办\n';
    const result = await lintWith(tc, text, 'minutes.txt');
    assert.deepEqual(
      findTopics(result.doc, result.template).map((t) => t.title),
      ['版本规划', '发布进展', '社区活动'],
    );
    assert.deepEqual(lines(result, 'template/topic-conclusion'), [5]);
  });

  it('takes only `议题N：` lines as topics where the minutes write them so', async () => {
    const text =
      '会议议题：\n议题一：新建 SIG 申请\n1. 背景介绍\n2. 维护者名单\n结论：同意\n\n议题二：版本规划\n\n1. 需求收集\n2. 路线图\n决策：下次评审\n';
    const result = await lintWith(tc, text, 'minutes.txt');
    const topics = findTopics(result.doc, result.template);
    assert.deepEqual(
      topics.map((t) => [t.ordinal?.text, t.title, t.conclusions.length]),
      [
        ['一：', '新建 SIG 申请', 1],
        ['二：', '版本规划', 1],
      ],
    );
  });

  it('reads a topic whose title starts with a number, and one behind a stray space', async () => {
    const text = '议题：\n1、议题甲\n结论：通过\n\n 2、2209 版本计划\n结论：按期发布\n';
    const result = await lintWith(tc, text, 'minutes.txt');
    assert.deepEqual(
      findTopics(result.doc, result.template).map((t) => t.title),
      ['议题甲', '2209 版本计划'],
    );
  });

  it('stops at a line numbered in another style, where the outline moves on', async () => {
    const text = '议题：\n1、议题甲\n结论：通过\n\n三、本期遗留问题\n1. 跟进事项\n';
    const result = await lintWith(tc, text, 'minutes.txt');
    const lists = findTopicLists(result.doc, result.template);
    assert.deepEqual(
      lists.map((l) => l.topics.map((t) => t.title)),
      [['议题甲']],
    );
  });

  it('reads numbered headings as topics in Markdown minutes', async () => {
    const spec: TemplateSpec = {
      ...tc,
      format: 'markdown',
      sections: [{ id: 'agenda', names: ['Agenda'], level: 2 }],
      topics: { sections: ['agenda'], conclusionLabels: ['Decision'] },
    };
    const text =
      '## Agenda\n\n### 1. Release plan\n\n**Decision**: ship on Friday\n\n### 2. CI costs\n\nDiscussed; no decisions yet.\n\n```\n3. not a topic\n```\n';
    const result = await lintWith(spec, text);
    const topics = findTopics(result.doc, result.template);
    assert.deepEqual(
      topics.map((t) => [t.title, t.conclusions.length]),
      [
        ['Release plan', 1],
        ['CI costs', 0],
      ],
    );
  });

  it('finds nothing when the template names no topic sections', async () => {
    const result = await lintWith(meeting, '## 会议内容\n\n1. 甲\n2. 乙\n');
    assert.deepEqual(findTopics(result.doc, result.template), []);
  });
});

describe('template/topic-conclusion', () => {
  const rule = 'template/topic-conclusion';

  it('flags the topic without a conclusion, not the put-off one', async () => {
    const result = await lintWith(tc, fixture('tc-agenda.txt'), 'tc/20240306_minutes.txt');
    const found = only(result.diagnostics, rule);
    assert.deepEqual(
      found.map((d) => lineOf(result, d)),
      [20],
    );
    assert.match(found[0].message, /Topic "文档站点迁移讨论 -- 钱七" has no conclusion/);
    assert.equal(found[0].fixes[0].safe, false);
  });

  it('leaves topics moved to a later meeting alone, however the minutes say it', async () => {
    const text = '议题：\n1、议题甲 -- 延到下次会议\n\n2、议题乙（下次会议再议）\n\n3、议题丙\n讨论了方案。\n';
    assert.deepEqual(lines(await lintWith(tc, text, 'minutes.txt'), rule), [6]);
  });

  it("inserts a conclusion line after the topic's last line", async () => {
    const text = '议题：\n1、议题甲\n讨论了方案。\n\n2、议题乙\n结论：通过\n';
    const result = await lintWith(tc, text, 'minutes.txt');
    const fixed = applyRuleFixes(text, result.diagnostics, rule);
    assert.equal(fixed, '议题：\n1、议题甲\n讨论了方案。\n结论：\n\n2、议题乙\n结论：通过\n');
    assert.deepEqual(lines(await lintWith(tc, fixed, 'minutes.txt'), rule), []);
  });

  it("uses the template's conclusion skeleton and speaks Chinese", async () => {
    const spec: TemplateSpec = { ...tc, topics: { ...tc.topics!, conclusionSkeleton: '决策：待补充' } };
    const text = '议题：\n1、议题甲\n';
    const result = await lint({ path: 'm.txt', text, lang: 'zh', template: resolveTemplate('m.txt', text, { spec, reason: 'test' }) });
    const found = only(result.diagnostics, rule);
    assert.match(found[0].message, /议题「议题甲」没有结论/);
    assert.equal(applyRuleFixes(text, result.diagnostics, rule), '议题：\n1、议题甲\n决策：待补充\n');
  });
});

describe('template/missing-section skeletons', () => {
  it("fills the skeleton date with the meeting date of the file name, in the skeleton's separators", async () => {
    const text = '## 会议内容\n\n### 一、近期工作\n\n- 无\n';
    const result = await lintText(text, 'curve/2023/2023-05-18.md', { template: 'curve-biweekly' });
    const time = result.diagnostics.find((d) => d.rule === 'template/missing-section' && d.message.includes('"时间"'));
    assert.ok(time, 'the missing 时间 section is reported');
    assert.equal(time.fixes[0].edits[0].newText, '## 时间\n\n2023/05/18 19:00~19:30\n\n');
  });

  it('keeps the placeholder when the file name has no date to give', async () => {
    const result = await lintText('## 会议内容\n\n- 无\n', 'curve/notes.md', { template: 'curve-biweekly' });
    const time = result.diagnostics.find((d) => d.rule === 'template/missing-section' && d.message.includes('"时间"'));
    assert.ok(time?.fixes[0].edits[0].newText.includes('YYYY/MM/DD 19:00~19:30'));
  });
});

describe('template/missing-section with a learned template (what the series shows, said as surely as it shows it)', () => {
  const learned = (of: number, extra: TemplateSpec['sections'] = []): TemplateSpec => ({
    id: 'learned-team',
    name: 'learned',
    format: 'markdown',
    sections: [
      { id: 'people', names: ['👤参会人'], level: 2, required: true, seen: { in: of, of } },
      { id: 'progress', names: ['🚧项目进度'], level: 2, required: true, seen: { in: of, of } },
      ...extra,
    ],
  });
  const missing = (result: LintResult) => only(result.diagnostics, 'template/missing-section').map((d) => `${d.severity} ${d.message}`);

  it('matches a section whatever emoji marks it', async () => {
    const result = await lintWith(learned(8), '## 参会人\n\n张三\n\n## 🏗️ 项目进度\n\n- 官网改版\n');
    assert.deepEqual(missing(result), []);
  });

  it('takes a labelled line for the section the series writes as a heading', async () => {
    const result = await lintWith(learned(8), '## 会议信息\n\n1. 参会人：张三、李四\n\n## 项目进度\n\n- 官网改版\n');
    assert.deepEqual(missing(result), []);
  });

  it('only tells (info) when the series has few minutes, and warns when it has many', async () => {
    const text = '## 参会人\n\n张三\n';
    assert.deepEqual(missing(await lintWith(learned(3), text)), [
      'info Missing section "🚧项目进度": 3 of the last 3 minutes in this folder have it (template learned-team).',
    ]);
    assert.deepEqual(missing(await lintWith(learned(8), text)), [
      'warning Missing section "🚧项目进度": 8 of the last 8 minutes in this folder have it (template learned-team).',
    ]);
  });

  it("says once, as info, that a file lacking many of the series' sections may be another kind of meeting", async () => {
    const spec = learned(8, [{ id: 'next', names: ['下次会议'], level: 2, required: true, seen: { in: 8, of: 8 } }]);
    const result = await lintWith(spec, '## 临时议题\n\n- 讨论\n');
    assert.deepEqual(missing(result), [
      'info This file has none of 3 sections the last minutes in this folder have (👤参会人, 🚧项目进度, 下次会议): minutes of another kind of meeting, or a new format? (template learned-team)',
    ]);
  });
});
