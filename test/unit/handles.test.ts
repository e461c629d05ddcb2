import assert from 'node:assert/strict';
import type { ResolvedConfig } from '../../server/src/core/config/types';
import { inlineEntries, parseRosterSource, Roster, scanUsage, UsageIndex } from '../../server/src/core/roster';
import type { Services } from '../../server/src/core/services';
import { applyRuleFixes, lintText, only } from '../helpers';
import { SIG_INFO_YAML, TEAM_JSON } from '../fixtures/roster/texts';

const PATH = '/ws/curve/2023/2023-05-11.md';
const INVALID = 'handle/invalid';
const UNKNOWN = 'handle/unknown';

const withRoster = (roster: Roster): Services => ({ roster: () => roster });
const curveRoster = () => new Roster(parseRosterSource('/ws/team.json', TEAM_JSON));
const flagged = (text: string, diagnostics: Array<{ span: { start: number; end: number } }>) =>
  diagnostics.map((d) => text.slice(d.span.start, d.span.end));

// A Curve-style agenda: links to github.com tell the rules the logins are GitHub's.
const curve = (items: string) => `## 会议内容\n\n- [缓存优化](https://github.com/opencurve/curve/pull/2409) @ilixiaocui\n${items}\n`;

describe('handle/invalid', () => {
  it('flags a name with a space and Chinese characters; real logins pass (the Curve 2023-04-27 case)', async () => {
    const text = curve(
      '- 支持本地快照（开发中）@xu-chaojie @David Lee\n- 工具重构（进行中） @数名开发者\n- 镜像适配 @Wine93\n- 单测 @Lijin Xiong',
    );
    const result = await lintText(text, PATH, { template: 'curve-biweekly' });
    const found = only(result.diagnostics, INVALID);
    assert.deepEqual(flagged(text, found), ['@David Lee', '@数名开发者', '@Lijin Xiong']);
    assert.match(found[0].message, /"@David Lee" is a name, not a login/);
    assert.equal(found[0].severity, 'warning');
    assert.deepEqual(found[0].fixes, [], 'no roster: nobody to suggest');
  });

  it('leaves a first name followed by an English sentence or a common word alone', async () => {
    const text = curve('- 不活跃 SIG 的讨论 @Tao please check\n- 评审 @Wine93 Review 中\n- 待办 @Tao Done\n- 后续 @Tao Will follow up');
    const result = await lintText(text, PATH, { template: 'curve-biweekly' });
    assert.deepEqual(flagged(text, only(result.diagnostics, INVALID)), []);
  });

  it('is not fooled by e-mail addresses, code, URLs, HTML comments, teams or prose glued to a login', async () => {
    const text = [
      '<!--',
      ' * @Author: someone someone@example.org',
      '-->',
      '## 会议内容',
      '',
      '- 联系 dev@example.org，代码 `@数名` 与 `npm i @types/node`',
      '- 记录：<https://hackmd.io/@openjs-nodejs/abc> 与 [notes](https://example.org/@-bad)',
      '- 解散 @nodejs/ux-and-design 工作组',
      '- 安全工作可以跟@zhujianwei做进一步的沟通',
      '- [PR](https://github.com/opencurve/curve/pull/1) @Wine93',
      '',
      '```',
      '@数名开发者',
      '```',
      '',
    ].join('\n');
    const result = await lintText(text, PATH, { template: 'curve-biweekly' });
    assert.deepEqual(flagged(text, only(result.diagnostics, INVALID)), []);
  });

  it("applies GitHub's rule when the document links GitHub: hyphens, underscores, length", async () => {
    const long = 'a'.repeat(40);
    const text = curve(`- 一 @-x\n- 二 @a--b\n- 三 @trail-\n- 四 @echo_fox\n- 五 @${long}\n- 六 @${'b'.repeat(39)}`);
    const result = await lintText(text, PATH, { template: 'curve-biweekly' });
    const found = only(result.diagnostics, INVALID);
    assert.deepEqual(flagged(text, found), ['@-x', '@a--b', '@trail-', '@echo_fox', `@${long}`]);
    assert.match(found[1].message, /no two hyphens in a row/);
    assert.match(found[3].message, /cannot be a GitHub login: "_" is not allowed/);
    assert.match(found[4].message, /longer than 39 characters/);
  });

  it('accepts Gitee ids in openEuler minutes (links to gitee.com) and logins the roster lists', async () => {
    const openEuler = '议题：\n1、SIG 申请 https://gitee.com/openeuler/community/issues/I1 @HelloWorld_lv @a--b\n';
    const result = await lintText(openEuler, '/ws/openeuler/20231206_minutes.txt', { template: 'openeuler-tc' });
    assert.deepEqual(flagged(openEuler, only(result.diagnostics, INVALID)), []);

    const text = curve('- 五 @echo_fox');
    const listed = await lintText(text, PATH, { template: 'curve-biweekly', services: withRoster(curveRoster()) });
    assert.deepEqual(only(listed.diagnostics, INVALID), [], 'team.json lists echo_fox');
  });

  it('without links or roster flags only what no forge accepts', async () => {
    const text = '# Notes\n\n- @a--b @x_y @-z @张三\n';
    const result = await lintText(text, '/ws/notes/2024-01-01.md', { template: 'generic' });
    assert.deepEqual(flagged(text, only(result.diagnostics, INVALID)), ['@-z', '@张三']);
  });

  it('where the minutes name people as @姓名 throughout, that is their notation: told once, at info, saying why', async () => {
    // openEuler TC assigns follow-ups by name; `王建民 [@jianminw]` beside a name is an annotation, not the notation.
    const tc = [
      '与会人：王建民 [@jianminw]、刘东、杜开田',
      '议题：',
      '1、compat-winapp SIG 申请',
      '结论：申请人与 SIG 交流确定是否合并、未来的计划和分工。 @王建民 @刘东',
      '',
    ].join('\n');
    const result = await lintText(tc, '/ws/openeuler/20230524_minutes.txt', { template: 'openeuler-tc' });
    const found = only(result.diagnostics, INVALID);
    assert.deepEqual(
      found.map((d) => [d.severity, tc.slice(d.span.start, d.span.end)]),
      [['info', '@王建民']],
      'the second @name is the same notation: not told again',
    );
    assert.match(found[0].message, /write @name for people throughout \(2 of 2 mentions\)/);
    const curveMinutes = curve('- [工具重构](https://github.com/opencurve/curve/issues/2480) @数名开发者\n- 镜像适配 @Wine93');
    const curveResult = await lintText(curveMinutes, PATH, { template: 'curve-biweekly' });
    assert.deepEqual(
      only(curveResult.diagnostics, INVALID).map((d) => d.severity),
      ['warning'],
      'one name among logins is a slip',
    );
  });

  it('offers the login of the person the roster names', async () => {
    const usage = new UsageIndex();
    usage.set(scanUsage('/ws/openeuler/20230421_minutes.txt', '熊伟（@myeuler, Huawei）'));
    const roster = new Roster({
      entries: [
        ...inlineEntries(['dlee David Lee'], '/ws/.minutesrc.json').entries,
        ...parseRosterSource('/ws/sig-info.yaml', SIG_INFO_YAML).entries,
      ],
      usage,
    });
    const text = curve('- 快照 @xu-chaojie @David Lee\n- 议题 @熊伟\n- 元数据 @-dlee');
    const result = await lintText(text, PATH, { template: 'curve-biweekly', services: withRoster(roster) });
    const found = only(result.diagnostics, INVALID);
    assert.deepEqual(flagged(text, found), ['@David Lee', '@熊伟', '@-dlee']);
    assert.deepEqual(
      found.map((d) => d.fixes.map((f) => f.title)),
      [['Replace with @dlee'], ['Replace with @myeuler'], ['Replace with @dlee']],
    );
    assert.ok(
      found.every((d) => d.fixes.every((f) => !f.safe)),
      'a person must confirm',
    );
    const fixed = applyRuleFixes(text, result.diagnostics, INVALID);
    assert.match(fixed, /@xu-chaojie @dlee\n- 议题 @myeuler\n- 元数据 @dlee\n/);
  });

  it('speaks Chinese', async () => {
    const text = curve('- 工具重构 @数名开发者');
    const result = await lintText(text, PATH, { template: 'curve-biweekly', lang: 'zh' });
    assert.match(only(result.diagnostics, INVALID)[0].message, /「@数名开发者」不可能是账号/);
  });
});

describe('handle/unknown', () => {
  it('says nothing without a roster, or with handles seen only in minutes', async () => {
    const text = curve('- 新功能 @newcomer42');
    assert.deepEqual(only((await lintText(text, PATH, { template: 'curve-biweekly' })).diagnostics, UNKNOWN), []);
    const usage = new UsageIndex();
    usage.set(scanUsage('/ws/a.md', '@someone'));
    const roster = new Roster({ entries: [], usage });
    assert.deepEqual(
      only((await lintText(text, PATH, { template: 'curve-biweekly', services: withRoster(roster) })).diagnostics, UNKNOWN),
      [],
    );
  });

  it('reports a login outside the roster; a typo of a roster login is a warning with a did-you-mean fix', async () => {
    const text = curve('- 元数据 @Wnie93（review 中）\n- 新功能 @newcomer42\n- 单测 @WINE93 @wu-hanqing做测试');
    const result = await lintText(text, PATH, { template: 'curve-biweekly', services: withRoster(curveRoster()) });
    const found = only(result.diagnostics, UNKNOWN);
    assert.deepEqual(flagged(text, found), ['@Wnie93', '@newcomer42', '@wu-hanqing']);
    const [typo, stranger] = found;
    assert.equal(typo.severity, 'warning');
    assert.equal(typo.message, '"@Wnie93" is not in the contributor roster. Did you mean @Wine93?');
    assert.deepEqual(
      typo.fixes.map((f) => [f.title, f.preferred, f.edits[0].newText]),
      [['Replace with @Wine93', true, 'Wine93']],
    );
    assert.equal(stranger.severity, 'info');
    assert.deepEqual(stranger.fixes, []);
    assert.match(applyRuleFixes(text, result.diagnostics, UNKNOWN), /元数据 @Wine93（review 中）/);
  });

  it('trusts logins that other minutes use, unless `knownAfter` says otherwise', async () => {
    const usage = new UsageIndex();
    usage.set(scanUsage('/ws/curve/2023/2023-04-27.md', '- x @newcomer42'));
    const roster = new Roster({ ...parseRosterSource('/ws/team.json', TEAM_JSON), usage });
    const text = curve('- 新功能 @newcomer42');
    usage.set(scanUsage(PATH, text));
    const result = await lintText(text, PATH, { template: 'curve-biweekly', services: withRoster(roster) });
    assert.deepEqual(only(result.diagnostics, UNKNOWN), []);
    const strict: ResolvedConfig = { config: { rules: { [UNKNOWN]: ['info', { knownAfter: 0 }] } }, problems: [] };
    const again = await lintText(text, PATH, { template: 'curve-biweekly', services: withRoster(roster), config: strict });
    assert.deepEqual(flagged(text, only(again.diagnostics, UNKNOWN)), ['@newcomer42']);
  });

  it('leaves impossible logins to handle/invalid and teams alone', async () => {
    const text = curve('- 快照 @David Lee @数名开发者 @nodejs/tsc');
    const result = await lintText(text, PATH, { template: 'curve-biweekly', services: withRoster(curveRoster()) });
    assert.deepEqual(only(result.diagnostics, UNKNOWN), []);
    assert.equal(only(result.diagnostics, INVALID).length, 2);
  });
});
