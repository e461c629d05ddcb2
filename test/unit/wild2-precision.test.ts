import assert from 'node:assert/strict';
import { applyRuleFixes, lineOf, lintText, only, seriesServices } from '../helpers';

// Minimal excerpts of real minutes from communities in neither corpus (round 2 of the wild
// evaluation): what the rules got wrong there, next to the real defect each rule must keep finding.

/** A Node.js working group's minutes, as the agenda tool writes them: one `###` per repository with labelled issues. */
function securityWg(date: string, repos: readonly string[]): string {
  const groups = repos
    .map((repo) => `### ${repo}\n\n* Automate security release process [860](https://github.com/${repo}/issues/860)\n`)
    .join('\n');
  return `# Node.js Security team Meeting ${date}\n\n## Present\n\n* Michael Dawson (@mhdawson)\n* Marco Ippolito (@marco-ippolito)\n\n## Agenda\n\n## Announcements\n\n* Vulnerability review: no new issues\n\n${groups}\n## Q&A, Other\n\n* none\n\n## Upcoming Meetings\n\n* **Node.js Project Calendar**: <https://nodejs.org/calendar>\n`;
}

describe('precision on minutes of other communities (round 2)', () => {
  describe('learned templates', () => {
    const dates = ['2024-01-04', '2024-01-18', '2024-02-01', '2024-02-15'];
    const earlier = dates.map((d) => ({ path: `/ws/security-wg/meetings/${d}.md`, text: securityWg(d, ['nodejs/security-wg']) }));

    it("a heading that names a repository groups the week's issues: a meeting without it misses nothing", async () => {
      const path = '/ws/security-wg/meetings/2024-02-29.md';
      const text = securityWg('2024-02-29', []).replace(
        '## Q&A',
        '* Audit build process [1037](https://github.com/nodejs/security-wg/issues/1037)\n\n## Q&A',
      );
      const result = await lintText(text, path, { services: seriesServices([...earlier, { path, text }]) });
      assert.equal(result.template.confidence, 'learned');
      assert.deepEqual(
        only(result.diagnostics, 'template/missing-section').map((d) => d.message),
        [],
      );
    });

    it('a section every meeting has is still required', async () => {
      const path = '/ws/security-wg/meetings/2024-02-29.md';
      const text = securityWg('2024-02-29', ['nodejs/security-wg']).replace(/## Present\n\n(?:\* .*\n)+\n/, '');
      const result = await lintText(text, path, { services: seriesServices([...earlier, { path, text }]) });
      assert.deepEqual(
        only(result.diagnostics, 'template/missing-section').map((d) => d.message),
        ['Missing section "Present": 4 of the last 4 minutes in this folder have it (template learned-security-wg-meetings).'],
      );
    });
  });

  describe('handle/invalid and a folder that names people with @', () => {
    // OpenSergo's Chinese meeting notes credit speakers as `@十眠`, `@宿何` in every file.
    const note = (date: string, body: string) => ({
      path: `/ws/blog/${date}-community-meeting.md`,
      text: `# OpenSergo 社区双周会纪要（${date}）\n\n本次会议纪要：\n\n${body}\n`,
    });
    const habit = [
      note('2022-11-09', '1. @十眠 分享了 Sentinel 2.0 的设计。\n2. @宿何 分享了控制面进展。'),
      note('2022-11-23', '1. @十眠 分享了流量路由。\n2. @流士 演示了 demo。'),
      note('2022-12-07', '1. @宿何 分享了 Istio 集成。\n2. @十眠 分享了负载均衡。'),
    ];

    it("one @name beside one Latin word: the folder's habit decides, at info, and the message says so", async () => {
      const own = note('2023-01-11', '1. @屿山 分享了扩展机制。\n2. @Jason 分享了事件治理。');
      const result = await lintText(own.text, own.path, { services: seriesServices([...habit, own]) });
      const found = only(result.diagnostics, 'handle/invalid');
      assert.deepEqual(
        found.map((d) => [d.severity, lineOf(result, d)]),
        [['info', 5]],
      );
      assert.match(found[0].message, /The minutes of this folder write @name for people \(7 of 8 mentions in 4 files\)/);
      const zh = await lintText(own.text, own.path, { services: seriesServices([...habit, own]), lang: 'zh' });
      assert.match(only(zh.diagnostics, 'handle/invalid')[0].message, /此目录的纪要习惯用 @姓名 指代人员/);
    });

    it('the same file in a folder that credits people by login is still warned', async () => {
      const logins = [
        note('2022-11-09', '1. @sczyh30 分享了 Sentinel 2.0 的设计。\n2. @jnan806 分享了 Go SDK。'),
        note('2022-11-23', '1. @sczyh30 分享了流量路由。\n2. @binbin0325 演示了 demo。'),
        note('2022-12-07', '1. @jnan806 分享了 proto 管理。\n2. @sczyh30 分享了负载均衡。'),
      ];
      const own = note('2023-01-11', '1. @屿山 分享了扩展机制。\n2. @Jason 分享了事件治理。');
      const result = await lintText(own.text, own.path, { services: seriesServices([...logins, own]) });
      assert.deepEqual(
        only(result.diagnostics, 'handle/invalid').map((d) => d.severity),
        ['warning'],
      );
    });

    it('a file with many mentions is judged on its own, whatever its folder does', async () => {
      const own = note('2023-01-11', '1. @侯健 跟进。\n2. @xiongwei @stevending1st @yongqiang 评审。\n3. @zhangsan 汇总。');
      const result = await lintText(own.text, own.path, { services: seriesServices([...habit, own]) });
      assert.deepEqual(
        only(result.diagnostics, 'handle/invalid').map((d) => d.severity),
        ['warning'],
      );
    });
  });

  describe('privacy', () => {
    it("a W3C public list (`public-…@w3.org`) is no personal address; a staff member's still is", async () => {
      const text = '# 中文兴趣组会议\n\n请发送邮件到 public-chinese-web@w3.org 报名，或联系薛富侨 xfq@w3.org。\n';
      const result = await lintText(text, '/ws/chinese-ig/meetings/2020-08-29.md');
      assert.deepEqual(
        only(result.diagnostics, 'privacy/email').map((d) => text.slice(d.span.start, d.span.end)),
        ['xfq@w3.org'],
      );
    });

    it('a passcode read out in groups is reported whole, and its removal leaves no digits behind', async () => {
      const text = '# 社区会议\n\n## 社区会议参与方式\n\n* 会议形式：钉钉会议\n* 钉钉会议入会口令：244 801 51010\n* 社区交流群：34826335\n';
      const result = await lintText(text, '/ws/blog/2023-01-11-community-meeting.md');
      const found = only(result.diagnostics, 'privacy/meeting-secret');
      assert.deepEqual(
        found.map((d) => text.slice(d.span.start, d.span.end)),
        ['244 801 51010'],
      );
      const fixed = applyRuleFixes(text, result.diagnostics, 'privacy/meeting-secret');
      assert.match(fixed, /\* 钉钉会议\n/);
      assert.doesNotMatch(fixed, /801|51010/);
      assert.match(fixed, /社区交流群：34826335/);
    });

    it('a passcode in a section on how to join is an invitation: pointed out, at info; elsewhere a warning', async () => {
      const invitation = '# 社区会议\n\n## 社区会议参与方式\n\n* 会议形式：钉钉会议\n* 钉钉会议入会口令：244 801 51010\n';
      const found = only((await lintText(invitation, '/ws/blog/a.md')).diagnostics, 'privacy/meeting-secret');
      assert.deepEqual(
        found.map((d) => d.severity),
        ['info'],
      );
      assert.match(found[0].message, /under "社区会议参与方式", an invitation to join/);
      const minutes = '# 社区会议\n\n## 议题\n\n* 会议形式：钉钉会议\n* 钉钉会议入会口令：244 801 51010\n';
      assert.deepEqual(
        only((await lintText(minutes, '/ws/blog/2024-06-12.md')).diagnostics, 'privacy/meeting-secret').map((d) => d.severity),
        ['warning'],
      );
      const paragraph =
        '# 社区会议\n\n---\n\nOpenSergo 社区会议每两周开展一次。入会方式：\n\n* 会议形式：钉钉会议\n* 钉钉会议入会口令：244 801 51010\n';
      const introduced = only((await lintText(paragraph, '/ws/blog/d.md')).diagnostics, 'privacy/meeting-secret');
      assert.deepEqual(
        introduced.map((d) => d.severity),
        ['info'],
      );
      assert.match(introduced[0].message, /under "OpenSergo 社区会议每两周开展一次。入会方式："/);
      const zoom = '# TSC\n\n## How to join\n\nhttps://zoom.us/j/8341?pwd=QXZM\n';
      assert.deepEqual(
        only((await lintText(zoom, '/ws/tsc/c.md')).diagnostics, 'privacy/meeting-secret').map((d) => d.severity),
        ['info'],
      );
    });
  });
});
