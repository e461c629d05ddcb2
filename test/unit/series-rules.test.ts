import assert from 'node:assert/strict';
import type { SeriesFile } from '../../server/src/core/items/meetings';
import { lintText, only, seriesServices } from '../helpers';
import { seriesFixture } from './series-fixtures';

// The series rules on whole series (the docs pages show each rule's basic case): when they
// speak, and when they must keep quiet.

const servicesFor = seriesServices;

async function findings(files: SeriesFile[], path: string, rule: string, template?: string) {
  const file = files.find((f) => f.path === path)!;
  const result = await lintText(file.text, path, { services: servicesFor(files), template });
  return only(result.diagnostics, rule).map((d) => ({
    line: result.doc.lines.position(d.span.start).line + 1,
    message: d.message,
    fixes: d.fixes.length,
  }));
}

describe('series rules', () => {
  describe('series/dropped-item', () => {
    it('reports an owned item the next minutes dropped, on their carry-over section, in Chinese too', async () => {
      const files = seriesFixture('tc');
      const found = await findings(files, 'series/tc/20240306_minutes.md', 'series/dropped-item');
      assert.deepEqual(
        found.map((f) => [f.line, f.fixes]),
        [[6, 1]],
      );
      assert.match(found[0].message, /"整理 SIG 维护者名单" \(李娜\) was open in the previous minutes \(20240221_minutes\.md, line 7\)/);
      const file = files.find((f) => f.path === 'series/tc/20240306_minutes.md')!;
      const zh = await lintText(file.text, file.path, { services: servicesFor(files), lang: 'zh' });
      assert.match(
        only(zh.diagnostics, 'series/dropped-item')[0].message,
        /「整理 SIG 维护者名单」（李娜）在上一次纪要（20240221_minutes\.md 第 7 行）中尚未完成/,
      );
    });

    it('accepts items carried over in other words, reported done, or followed up by the same owner', async () => {
      const files = seriesFixture('tc');
      for (const path of ['series/tc/20240207_minutes.md', 'series/tc/20240221_minutes.md']) {
        assert.deepEqual(await findings(files, path, 'series/dropped-item'), [], path);
      }
    });

    it('says nothing when a meeting is missing in between (the cadence leaves room for one)', async () => {
      const files = seriesFixture('tc').filter((f) => !f.path.endsWith('20240221_minutes.md'));
      const moved = files.map((f) =>
        f.path.endsWith('20240306_minutes.md')
          ? { ...f, path: 'series/tc/20240320_minutes.md', text: f.text.replace('2024-03-06', '2024-03-20') }
          : f,
      );
      assert.deepEqual(await findings(moved, 'series/tc/20240320_minutes.md', 'series/dropped-item'), []);
    });

    it('says nothing in a folder whose dates keep no cadence (a sample of a series)', async () => {
      const files = seriesFixture('tc').map((f, i) => ({
        ...f,
        path: f.path.replace(/2024\d{4}/, `2024${['0105', '0307', '0902', '1104'][i]}`),
      }));
      assert.deepEqual(await findings(files, files[3].path, 'series/dropped-item'), []);
    });

    it('does not count an item put off beyond the next meeting', async () => {
      const files = seriesFixture('tc').map((f) =>
        f.path.endsWith('20240221_minutes.md')
          ? {
              ...f,
              text: f.text.replace(
                '1. 整理 SIG 维护者名单 -- 李娜\n继续跟踪。',
                '1. 整理 SIG 维护者名单 -- 李娜\n继续跟踪，2个月后再汇报。',
              ),
            }
          : f,
      );
      assert.deepEqual(await findings(files, 'series/tc/20240306_minutes.md', 'series/dropped-item'), []);
    });

    it('reports an English action item dropped from the previous action items', async () => {
      const found = await findings(seriesFixture('infra'), 'series/infra/2024-05-23.md', 'series/dropped-item');
      assert.deepEqual(
        found.map((f) => f.line),
        [8],
      );
      assert.match(found[0].message, /"book the summit room" \(@bo-sample\)/);
    });

    it('needs the host to give the series: without it, nothing', async () => {
      const file = seriesFixture('tc')[3];
      const result = await lintText(file.text, file.path);
      assert.deepEqual(only(result.diagnostics, 'series/dropped-item'), []);
    });
  });

  describe('series/missed-meeting', () => {
    it('reports a gap in a biweekly series and two files of one date, as information', async () => {
      const files = seriesFixture('infra');
      const gap = files.filter((f) => !f.path.endsWith('2024-05-16.md'));
      gap.push({ path: 'series/infra/2024-05-30.md', text: '# Infra Team Meeting 2024-05-30\n' });
      const result = await lintText(gap[2].text, gap[2].path, { services: servicesFor(gap) });
      const found = only(result.diagnostics, 'series/missed-meeting');
      assert.deepEqual(
        found.map((d) => [d.severity, d.message]),
        [
          [
            'info',
            'No minutes between 2024-05-09.md (2024-05-09) and these (2024-05-23): the series meets weekly, so a meeting around 2024-05-16 has none (or it was cancelled).',
          ],
        ],
      );
      const twice = [...files, { path: 'series/infra/2024-05-23-extra.md', text: '# Infra Team Meeting 2024-05-23\n' }];
      const again = await lintText(twice[4].text, twice[4].path, { services: servicesFor(twice) });
      assert.equal(only(again.diagnostics, 'series/missed-meeting').length, 1);
    });

    it('says nothing after a pause of more than four beats (a summer break is no missing meeting)', async () => {
      const files = [...seriesFixture('infra'), { path: 'series/infra/2024-07-25.md', text: '# Infra Team Meeting 2024-07-25\n' }];
      assert.deepEqual(await findings(files, 'series/infra/2024-07-25.md', 'series/missed-meeting'), []);
      const month = [...seriesFixture('infra'), { path: 'series/infra/2024-06-13.md', text: '# Infra Team Meeting 2024-06-13\n' }];
      assert.equal(
        (await findings(month, 'series/infra/2024-06-13.md', 'series/missed-meeting')).length,
        1,
        'three weeks without minutes are still noted',
      );
    });
  });

  describe('series/stale-copy', () => {
    it('says nothing when the previous minutes are months older (the words are boilerplate, not a copy)', async () => {
      const section = '## Status\n\nThe mirror sync runs nightly; the arm64 runners are back and the queue is short again.\n';
      const minutes = (date: string, status: string) => ({ path: `series/wg/${date}.md`, text: `# WG ${date}\n\n${status}` });
      const changing = ['2024-01-02', '2024-01-09', '2024-01-16', '2024-01-23'].map((d) =>
        minutes(d, section.replace('nightly', `nightly (${d})`)),
      );
      const copied = minutes('2024-01-30', changing[3].text.slice(changing[3].text.indexOf('## Status')));
      assert.equal((await findings([...changing, copied], copied.path, 'series/stale-copy')).length, 1, 'the week after: a copy');
      const later = { ...copied, path: 'series/wg/2024-06-04.md', text: copied.text.replace('2024-01-30', '2024-06-04') };
      assert.deepEqual(await findings([...changing, later], later.path, 'series/stale-copy'), []);
    });

    it('does not take a ritual said by another facilitator for an update (Rust leadership council)', async () => {
      const facilitators = ['TC', 'Mark', 'Eric', 'TC', 'TC'];
      const files = facilitators.map((who, i) => ({
        path: `council/sync/2025-0${i + 1}-10.md`,
        text: `# Sync 2025-0${i + 1}-10\n\n## Consent to agenda\n\nDo we have consensus to move forward with this agenda?\n\n${who}: Hearing approvals and no objections, the agenda is approved.\n`,
      }));
      assert.deepEqual(await findings(files, files[4].path, 'series/stale-copy'), []);
    });

    it('does not take the bare ritual, said again after meetings that added to it, for a forgotten update', async () => {
      const ritual =
        'Do we have consensus to move forward with this agenda?\n\nTC: Hearing approvals and no objections, the agenda is approved.\n';
      const plans = ['updates first, then the All Hands', 'the budget first', 'the survey first', '', ''];
      const files = plans.map((plan, i) => ({
        path: `council/sync/2025-0${i + 1}-10.md`,
        text: `# Sync 2025-0${i + 1}-10\n\n## Consent to agenda\n\n${plan ? `TC: We take ${plan}.\n\n` : ''}${ritual}`,
      }));
      assert.deepEqual(await findings(files, files[4].path, 'series/stale-copy'), []);
    });

    it('never reports a section the series keeps the same (how to join, the attendees of a stable team)', async () => {
      const files = seriesFixture('infra');
      for (const f of files) assert.deepEqual(await findings(files, f.path, 'series/stale-copy'), [], f.path);
    });
  });

  describe('series/date-out-of-order', () => {
    it('names the meeting that breaks the order, not its neighbours', async () => {
      const meeting = (n: number, date: string) => ({
        path: `acd/Meeting ${n}.md`,
        text: `# Core Devs Meeting ${n}\n\n### Meeting Date/Time: ${date}, 14:00 UTC\n`,
      });
      const files = [
        meeting(41, 'June 29, 2018'),
        meeting(53, 'January 18, 2018'),
        meeting(70, 'September 6, 2019'),
        meeting(92, 'July 24, 2020'),
      ];
      const results = await Promise.all(files.map((f) => findings(files, f.path, 'series/date-out-of-order', 'generic')));
      assert.deepEqual(
        results.map((r) => r.length),
        [0, 1, 0, 0],
      );
      assert.equal(
        results[1][0].message,
        'Meeting 53 is dated 2018-01-18, before meeting 41 (2018-06-29); meetings 53 and 41 of this series are in the other order.',
      );
    });
  });
});
