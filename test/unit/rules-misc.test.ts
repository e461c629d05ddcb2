import assert from 'node:assert/strict';
import type { Root } from 'mdast';
import { lint, parseMinutes, resolveTemplate, type LintResult, type TemplateSpec } from '../../server/src/core';
import type { ResolvedConfig } from '../../server/src/core/config/types';
import { applyRuleFixes, lineOf, lintText, only } from '../helpers';

// Templates written for these tests, so that the rules are tested apart from the built-in JSON.

const TC: TemplateSpec = {
  id: 'tc-test',
  name: 'TC test',
  format: 'plaintext',
  extensions: ['txt', 'md'],
  fields: [
    { id: 'date', labels: ['Date 日期'] },
    { id: 'host', labels: ['会议主持'] },
    { id: 'attendees', labels: ['与会人', 'Participants 与会人'], format: 'names' },
    { id: 'audit', labels: ['旁听'], format: 'names' },
  ],
  attendees: { fields: ['attendees', 'audit'] },
};

const TSC: TemplateSpec = {
  id: 'tsc-test',
  name: 'TSC test',
  format: 'markdown',
  sections: [
    { id: 'present', names: ['Present', 'Attendees'], level: 2 },
    { id: 'agenda', names: ['Agenda'], level: 2 },
  ],
  attendees: { sections: ['present'] },
};

function lintWith(spec: TemplateSpec, path: string, text: string, config?: ResolvedConfig): Promise<LintResult> {
  return lint({ path, text, config, template: resolveTemplate(path, text, { spec, reason: 'test' }) });
}

async function fixed(spec: TemplateSpec, path: string, text: string, rule: string): Promise<string> {
  const result = await lintWith(spec, path, text);
  return applyRuleFixes(text, result.diagnostics, rule);
}

describe('attendee/duplicate', () => {
  const rule = 'attendee/duplicate';

  it('reads `**TOC:** Name, Sponsor of Project` as a person and a role, not two people', async () => {
    const text = [
      '# Adopter interview',
      '',
      '**Attendees:**',
      '- **TOC:** Lea Marsh, TOC Sponsor of Quarry',
      '- **TOC:** Omar Duval, TOC Sponsor of Quarry',
      '- **Adopter:** Ines Roy (Staff Engineer, Northwind)',
      '- **TOC:** Lea Marsh',
      '',
    ].join('\n');
    const found = only((await lintText(text, '/ws/projects/quarry/interview-northwind.md')).diagnostics, rule);
    assert.deepEqual(
      found.map((d) => text.slice(d.span.start, d.span.end)),
      ['Lea Marsh'],
    );
    assert.equal(
      applyRuleFixes(text, found, rule),
      text.replace('- **TOC:** Lea Marsh\n', ''),
      'the labelled item goes with its only name, its bold label not cut in two',
    );
  });

  it('flags the second mention of a name in the attendee field and removes it with its separator', async () => {
    const text = 'Date 日期：2024-03-06\nParticipants 与会人：孙明、周岚，李思远、周岚、Chen Hao、孙明\n\n议题：\n';
    const result = await lintWith(TC, '20240306_minutes.txt', text);
    const found = only(result.diagnostics, rule);
    assert.deepEqual(
      found.map((d) => text.slice(d.span.start, d.span.end)),
      ['周岚', '孙明'],
    );
    assert.equal(found[0].span.start, text.lastIndexOf('周岚'), 'the second occurrence is reported');
    assert.match(found[0].message, /"周岚".*line 2/);
    assert.equal(lineOf(result, found[1]), 2);
    assert.ok(
      found.every((d) => d.fixes[0].safe),
      'a repeat within one list is removed unattended',
    );
    assert.equal(
      await fixed(TC, '20240306_minutes.txt', text, rule),
      'Date 日期：2024-03-06\nParticipants 与会人：孙明、周岚，李思远、Chen Hao\n\n议题：\n',
    );
  });

  it('keeps Latin names whole: spaces inside them are not separators', async () => {
    const text = '与会人：Chen Hao, Li Wei, Chen Wei; Hao Li\n';
    assert.deepEqual(only((await lintWith(TC, 'm.txt', text)).diagnostics, rule), []);
    const twice = '与会人：Chen Hao, Li Wei,  chen  hao\n';
    const found = only((await lintWith(TC, 'm.txt', twice)).diagnostics, rule);
    assert.equal(found.length, 1);
    assert.equal(twice.slice(found[0].span.start, found[0].span.end), 'chen  hao');
  });

  it('splits Chinese names on spaces but keeps a name written with one (`石 勇`)', async () => {
    const text = '与会人：王志钢 赵川峰 石 勇、刘恺、石勇\n';
    const found = only((await lintWith(TC, 'm.txt', text)).diagnostics, rule);
    assert.deepEqual(
      found.map((d) => text.slice(d.span.start, d.span.end)),
      ['石勇'],
    );
  });

  it('compares names without remarks and never splits inside brackets', async () => {
    const text = '与会人：熊伟（@xw-demo, 某公司）、吕从庆（统信）、高贵锦（会议冲突）、熊伟\n';
    const found = only((await lintWith(TC, 'm.txt', text)).diagnostics, rule);
    assert.deepEqual(
      found.map((d) => text.slice(d.span.start, d.span.end)),
      ['熊伟'],
    );
    assert.equal(found[0].span.start, text.lastIndexOf('熊伟'));
  });

  it('reads a list that continues below an empty label, separated by `. `', async () => {
    const text = '与会人：\n王志钢. 赵川峰. 张雁. \n丁为杰. 赵川峰. 吕从庆\n\n议题：\n';
    const found = only((await lintWith(TC, 'm.txt', text)).diagnostics, rule);
    assert.equal(found.length, 1);
    assert.equal(lineOf(await lintWith(TC, 'm.txt', text), found[0]), 3);
    assert.equal(await fixed(TC, 'm.txt', text, rule), '与会人：\n王志钢. 赵川峰. 张雁. \n丁为杰. 吕从庆\n\n议题：\n');
  });

  it('does not read the next field as part of the list', async () => {
    const text = '与会人：张三、李四\n会议主持：张三\n';
    assert.deepEqual(only((await lintWith(TC, 'm.txt', text)).diagnostics, rule), []);
  });

  it('flags a person listed both as attendee and as auditor, without an unattended fix', async () => {
    const text = '与会人：张三、李四\n旁听：王五、李四\n';
    const found = only((await lintWith(TC, 'm.txt', text)).diagnostics, rule);
    assert.equal(found.length, 1);
    assert.equal(found[0].span.start, text.lastIndexOf('李四'));
    assert.equal(found[0].fixes[0].safe, false, 'which list is right is for a person to decide');
  });

  it('compares each meeting of a consolidated file on its own', async () => {
    const text = '会议主持：张三\n与会人：张三、李四\n\n会议主持：李四\n与会人：张三、李四、李四\n';
    const found = only((await lintWith(TC, 'Consolidated.txt', text)).diagnostics, rule);
    assert.equal(found.length, 1, 'only the repeat inside the second meeting');
    assert.equal(found[0].span.start, text.lastIndexOf('李四'));
  });

  it('compares handles in a Present section and removes the whole list item', async () => {
    const text = [
      '# TSC Meeting 2025-07-23',
      '',
      '## Present',
      '',
      '* Ana Silva @ana-s (voting member)',
      '* Ben Okafor @benok (voting member)',
      '* Ana S. @Ana-S (guest)',
      '* Ana Silva @ana-silva2 (guest)',
      '',
      '<!--',
      '',
      '* Ben Okafor @benok (absent)',
      '',
      '-->',
      '',
      '## Agenda',
      '',
    ].join('\n');
    const result = await lintWith(TSC, 'tsc/2025-07-23.md', text);
    const found = only(result.diagnostics, rule);
    // Same handle, different spelling: a duplicate. Same name, another handle: another person.
    // Items inside an HTML comment are not listed.
    assert.equal(found.length, 1);
    assert.equal(lineOf(result, found[0]), 7);
    assert.match(found[0].message, /"Ana S"/);
    const after = await fixed(TSC, 'tsc/2025-07-23.md', text, rule);
    assert.ok(!after.includes('@Ana-S (guest)') && after.includes('* Ana Silva @ana-silva2 (guest)\n'));
  });

  it('reads a section whose body is a line of names', async () => {
    const text = '## Attendees\n\n张三、李四、张三\n\n## Agenda\n';
    const found = only((await lintWith(TSC, 'm.md', text)).diagnostics, rule);
    assert.equal(found.length, 1);
  });

  it('uses the attendee list of the built-in openeuler-tc template', async () => {
    const text = 'Date 日期：2023-04-12\nParticipants 与会人：谢一、陈二、张三、卞四、张三、卞四、赵五\n';
    const result = await lintText(text, 'openeuler-tc/2023/20230412_minutes.txt', { template: 'openeuler-tc' });
    assert.equal(only(result.diagnostics, rule).length, 2);
  });
});

describe('privacy/meeting-secret', () => {
  const rule = 'privacy/meeting-secret';
  const tc = (text: string) => lintWith(TC, '20240306_minutes.txt', text);

  it('flags a Zoom link with pwd= and removes the parameter', async () => {
    const text = '会议链接：https://us06web.zoom.us/j/81234567890?pwd=QmFkU2VjcmV0MDk9\n';
    const found = only((await tc(text)).diagnostics, rule);
    assert.equal(found.length, 1);
    assert.ok(!found[0].message.includes('QmFk'), 'the message does not repeat the secret');
    assert.ok(found[0].fixes[0].safe);
    assert.equal(await fixed(TC, 'm.txt', text, rule), '会议链接：https://us06web.zoom.us/j/81234567890\n');
  });

  it('keeps the other query parameters', async () => {
    assert.equal(await fixed(TC, 'm.txt', 'a https://zoom.us/j/1?pwd=abc123&from=addon b\n', rule), 'a https://zoom.us/j/1?from=addon b\n');
    assert.equal(
      await fixed(TC, 'm.txt', 'a https://zoom.us/j/1?uname=x&pwd=abc123#top b\n', rule),
      'a https://zoom.us/j/1?uname=x#top b\n',
    );
  });

  it('finds the password in a Markdown link and in a pasted invitation', async () => {
    const text = '## 加入会议\n\n[Zoom](https://zoom.us/j/123?pwd=abcDEF12)\n\n```\n#腾讯会议：548-0000-1111\n会议密码：4821\n```\n';
    const result = await lintWith(TSC, 'm.md', text);
    const found = only(result.diagnostics, rule);
    assert.deepEqual(
      found.map((d) => lineOf(result, d)),
      [3, 7],
    );
    const passcode = found[1];
    assert.equal(text.slice(passcode.span.start, passcode.span.end), '4821');
    assert.equal(passcode.fixes[0].safe, false);
    assert.equal(
      applyRuleFixes(text, [passcode], rule),
      '## 加入会议\n\n[Zoom](https://zoom.us/j/123?pwd=abcDEF12)\n\n```\n#腾讯会议：548-0000-1111\n```\n',
    );
  });

  it('reads passcodes next to a meeting id, and only there for generic labels', async () => {
    const invite = 'Meeting ID: 834 1234 5678\nPasscode: 739211\n';
    assert.equal(only((await tc(invite)).diagnostics, rule).length, 1);
    const nearMeeting = '入会方式：腾讯会议 548-0000-1111 密码：2468\n';
    const found = only((await tc(nearMeeting)).diagnostics, rule);
    assert.equal(found.length, 1);
    assert.equal(applyRuleFixes(nearMeeting, found, rule), '入会方式：腾讯会议 548-0000-1111\n', 'the rest of the line stays');
    assert.deepEqual(only((await tc('服务器密码：2468 已重置\n')).diagnostics, rule), [], 'no meeting around: not a meeting secret');
  });

  it('only points out the password on a page about the meetings (a README, a list of working groups)', async () => {
    const text = '# Community\n\n| Meeting | Link |\n|---|---|\n| Weekly sync | [Zoom](https://zoom.us/j/9973?pwd=QkdPaDlX) |\n';
    for (const path of ['/ws/community/README.md', '/ws/community/working-groups.md']) {
      const [found] = only((await lintText(text, path)).diagnostics, rule);
      assert.equal(found.severity, 'info', path);
      assert.match(found.message, /is a page about the meetings/);
    }
    for (const path of ['/ws/community/meetings/2024-05-07.md', '/ws/community/meetings/2024.md']) {
      const minutes = only((await lintText(text, path)).diagnostics, rule);
      assert.deepEqual(
        minutes.map((d) => d.severity),
        ['warning'],
        `the same link in minutes: ${path}`,
      );
    }
  });

  it('does not flag meeting numbers, empty passcodes or passwords in code samples', async () => {
    const invite = '#腾讯会议：548-7440-7396\n会议密码：无\nhttps://meeting.tencent.com/dm/eDgUO9abcd\n';
    assert.deepEqual(only((await lintWith(TSC, 'm.md', invite)).diagnostics, rule), []);
    const article = '## 配置\n\n```yaml\npassword: demo1234\n```\n\n用户名/密码登录：先输入账户密码\n';
    assert.deepEqual(only((await lintWith(TSC, 'm.md', article)).diagnostics, rule), []);
  });
});

describe('privacy/email', () => {
  const rule = 'privacy/email';

  it('flags an editor header left in an HTML comment, as a warning with a safe fix', async () => {
    const text = [
      '<!--',
      ' * @Author: alice alice.w@corp-mail.cn',
      ' * @Date: 2023-04-13 10:44:12',
      ' * @LastEditors: alice alice.w@corp-mail.cn',
      '-->',
      '## 时间',
      '',
      '2023/04/13 19:00~19:30',
      '',
    ].join('\n');
    const result = await lintWith(TSC, 'curve/2023/2023-04-13.md', text);
    const found = only(result.diagnostics, rule);
    assert.deepEqual(
      found.map((d) => [lineOf(result, d), d.severity]),
      [
        [2, 'warning'],
        [4, 'warning'],
      ],
    );
    assert.match(found[0].message, /editor/);
    assert.ok(found.every((d) => d.fixes[0].safe));
    const after = applyRuleFixes(text, result.diagnostics, rule);
    assert.ok(after.includes(' * @Author: alice\n') && after.includes(' * @LastEditors: alice\n'));
  });

  it('points out an address next to a speaker as info and keeps the name', async () => {
    const text = '4、工控SIG工作汇报    汇报人：林晓 <linxiao@corp-mail.cn>\n下次主持人：王建国wangjg@corp-mail.cn [@wangjg]\n';
    const result = await lintWith(TC, '20231206_minutes.md', text);
    const found = only(result.diagnostics, rule);
    assert.deepEqual(
      found.map((d) => d.severity),
      ['info', 'info'],
    );
    assert.equal(applyRuleFixes(text, result.diagnostics, rule), '4、工控SIG工作汇报    汇报人：林晓\n下次主持人：王建国 [@wangjg]\n');
  });

  it('offers no unattended fix when nothing but the address names the person', async () => {
    const text = '议题 2：申报创建 SIG。提交人：dengx@corp-mail.cn\n';
    const found = only((await lintWith(TC, 'm.txt', text)).diagnostics, rule);
    assert.equal(found.length, 1);
    assert.equal(found[0].fixes[0].safe, false);
  });

  it('leaves lists, roles, robots, examples, URLs and inline code alone', async () => {
    const text = [
      '讨论见 dev@openeuler.org 与 sig-kernel@openeuler.org，或 users@lists.example-project.org。',
      '提交者：12345+bot@users.noreply.github.com，noreply@gitee.com，alice@example.com',
      '归档：https://mailweb.openeuler.org/hyperkitty/list/dev@openeuler.org/thread/ABC/',
      '[1]: https://lore.kernel.org/lkml/20220522214457.1-1-person@zx2c4.com/T/#u',
      '[2]: mailto:someone@foundation.org',
      '',
      '`git config user.email me@corp-mail.cn`',
      '',
      '```python',
      'loss = inputs@self.weights',
      'git clone git@github.com:opencurve/curve.git',
      '```',
    ].join('\n');
    assert.deepEqual(
      only((await lintWith(TSC, 'm.md', text)).diagnostics, rule).map((d) => d.message),
      [],
    );
  });

  it('sees addresses in a code block: a pasted invitation publishes them like prose', async () => {
    const text = [
      '## 加入会议',
      '',
      '```',
      '会议主题：存储 SIG 例会',
      '会议号：123-456-789',
      '组织者：林晓 linxiao@corp-mail.cn',
      '```',
      '',
    ].join('\n');
    const found = only((await lintWith(TSC, 'm.md', text)).diagnostics, rule);
    assert.deepEqual(
      found.map((d) => text.slice(d.span.start, d.span.end)),
      ['linxiao@corp-mail.cn'],
    );
    assert.equal(found[0].severity, 'info');
    assert.match(applyRuleFixes(text, found, rule), /组织者：林晓\n```/);
  });

  it('accepts addresses the team allows in its configuration', async () => {
    const config: ResolvedConfig = { config: { rules: { 'privacy/email': ['warning', { allow: ['*@corp-mail.cn'] }] } }, problems: [] };
    const text = '汇报人：林晓 <linxiao@corp-mail.cn>，王五 <wangwu@other-mail.cn>\n';
    const found = only((await lintWith(TC, 'm.txt', text, config)).diagnostics, rule);
    assert.equal(found.length, 1);
    assert.match(found[0].message, /wangwu/);
    assert.equal(found[0].severity, 'warning', "a configured severity wins over the rule's info");
  });
});

describe('style/cjk-emphasis', () => {
  const rule = 'style/cjk-emphasis';
  const md = (text: string) => lintWith(TSC, 'm.md', text);

  function strongTexts(root: Root, text: string): string[] {
    const out: string[] = [];
    const visit = (node: {
      type: string;
      position?: { start: { offset?: number }; end: { offset?: number } };
      children?: unknown[];
    }): void => {
      if (node.type === 'strong' && node.position) out.push(text.slice(node.position.start.offset, node.position.end.offset));
      for (const child of (node.children ?? []) as Array<typeof node>) visit(child);
    };
    visit(root);
    return out;
  }

  it('flags `**结论：**本周` and moves the colon out, which makes it render', async () => {
    const text = '## 会议内容\n\n**结论：**本周完成合入。\n';
    const result = await md(text);
    const found = only(result.diagnostics, rule);
    assert.equal(found.length, 1);
    assert.equal(text.slice(found[0].span.start, found[0].span.end), '**结论：**');
    assert.ok(found[0].fixes[0].safe);
    const after = applyRuleFixes(text, result.diagnostics, rule);
    assert.equal(after, '## 会议内容\n\n**结论**：本周完成合入。\n');
    assert.deepEqual(strongTexts(parseMinutes(after, 'm.md').mdast, after), ['**结论**']);
  });

  it('leaves emphasis that renders alone', async () => {
    const text = [
      '**结论**：本周完成。',
      '',
      '**结论：** 本周完成。',
      '',
      '结论：**通过。**',
      '',
      '- **Note:** done, **really**.',
      '',
      '`**代码：**不是强调`',
      '',
      '```',
      '**结论：**代码块',
      '```',
    ].join('\n');
    assert.deepEqual(
      only((await md(text)).diagnostics, rule).map((d) => d.message),
      [],
    );
  });

  it('flags the pair even when a later pair makes the bold spill over', async () => {
    // micromark bolds `不仅如此：**如果**离线` here: a strong starts at the first `**` but does not end where meant.
    const text = '**不仅如此：**如果可以**离线下载**的福利\n';
    const found = only((await md(text)).diagnostics, rule);
    assert.equal(found.length, 1);
    assert.equal(text.slice(found[0].span.start, found[0].span.end), '**不仅如此：**');
    assert.equal(await fixed(TSC, 'm.md', text, rule), '**不仅如此**：如果可以**离线下载**的福利\n');
  });

  it('moves quotes and brackets out in pairs', async () => {
    assert.equal(await fixed(TSC, 'm.md', '讨论**「方案甲」**如下\n', rule), '讨论「**方案甲**」如下\n');
    assert.equal(await fixed(TSC, 'm.md', '**“Opera One”**是它的名字\n', rule), '“**Opera One**”是它的名字\n');
    assert.equal(await fixed(TSC, 'm.md', '本周**：结论**如下\n', rule), '本周：**结论**如下\n');
  });

  it('reports without a fix when moving the punctuation would unbalance a bracket', async () => {
    const found = only((await md('**结论（草案）**本周\n')).diagnostics, rule);
    assert.equal(found.length, 1);
    assert.deepEqual(found[0].fixes, []);
  });

  it('handles `__` like `**`', async () => {
    assert.equal(await fixed(TSC, 'm.md', '__注意：__请提前报名\n', rule), '__注意__：请提前报名\n');
  });

  it('works in list items, continuation lines and table cells', async () => {
    const text = '- 第一项\n  **说明：**第二行\n\n| 项 | 说明 |\n|---|---|\n| a | **结论：**通过 |\n';
    const result = await md(text);
    assert.deepEqual(
      only(result.diagnostics, rule).map((d) => lineOf(result, d)),
      [2, 6],
    );
    assert.equal(
      applyRuleFixes(text, result.diagnostics, rule),
      '- 第一项\n  **说明**：第二行\n\n| 项 | 说明 |\n|---|---|\n| a | **结论**：通过 |\n',
    );
  });

  it('skips plain-text minutes, which are never rendered', async () => {
    assert.deepEqual(only((await lintWith(TC, '20240306_minutes.txt', '结论：**通过：**本周\n')).diagnostics, rule), []);
  });
});
