import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { lint, resolveTemplate } from '../../server/src/core';
import { isSeriesCandidate, SeriesIndex, seriesFolders, seriesKey } from '../../server/src/core/series';
import { seriesFolder } from '../../server/src/core/series/group';
import { nameDate, naturalCompare, orderMembers } from '../../server/src/core/series/order';
import { profileMinutes } from '../../server/src/core/series/profile';
import type { SeriesView } from '../../server/src/core/series/types';
import { learnTemplate } from '../../server/src/core/series/learn/learn';
import type { Services } from '../../server/src/core/services';
import { lintText, only, ROOT, seriesServices } from '../helpers';

/** The project's own series: an older format in early 2023, the current one since September, a cancelled meeting, a README. */
const SERIES = join(ROOT, 'test', 'fixtures', 'series', 'storage-sync');
const NEWEST = `${SERIES}/2024/2024-03-07.md`;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = `${dir}/${name}`;
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

function indexOf(dir = SERIES, replace: Record<string, string> = {}): SeriesIndex {
  const index = new SeriesIndex();
  for (const path of files(dir)) index.set(path, replace[path] ?? readFileSync(path, 'utf8'));
  return index;
}

const servicesOf = (index: SeriesIndex): Services => ({ series: (path) => index.view(path) });
const text = (path: string) => readFileSync(path, 'utf8');
const withoutSection = (source: string, heading: string) =>
  source.replace(new RegExp(`^## ${heading}\\n[\\s\\S]*?(?=^## |(?![\\s\\S]))`, 'm'), '');

describe('series', () => {
  describe('grouping by path', () => {
    it('year folders are one level of the same series', () => {
      assert.equal(seriesKey('/r/meetings/2022/2022-04-14.md'), seriesKey('/r/meetings/2023/2023-03-16.md'));
      assert.equal(seriesKey('/r/lctt/published/202203/a 1.md'), '/r/lctt/published/*');
      assert.notEqual(seriesKey('/r/sig-a/meetings/1.md'), seriesKey('/r/sig-b/meetings/1.md'));
      assert.equal(seriesFolder('/r/pfcc/meetings/*'), 'pfcc/meetings/YYYY');
    });

    it('minutes are named by a date or a number; README and trackers are not minutes', () => {
      for (const name of ['2023-04-12.md', 'Meeting 110.md', '4.13 会议记录.md', '20230412_minutes.txt', '0416会议记录.md']) {
        assert.ok(isSeriesCandidate(`/r/m/${name}`), name);
      }
      for (const name of ['README.md', 'ActionItems.md', 'Consolidated_Jan_Jun.txt', 'index.md', 'logo-2023.png']) {
        assert.ok(!isSeriesCandidate(`/r/m/${name}`), name);
      }
    });

    it('the folders to read for a file in a year folder are all its sibling year folders', () => {
      const dirs = (dir: string) => (dir === '/r/meetings' ? ['2022', '2023', 'assets'] : []);
      assert.deepEqual(seriesFolders('/r/meetings/2023/2023-01-05.md', dirs), ['/r/meetings/2022', '/r/meetings/2023']);
      assert.deepEqual(seriesFolders('/r/minutes/2023-01-05.md', dirs), ['/r/minutes']);
    });
  });

  describe('dates and order', () => {
    const cases: Array<[string, string | undefined]> = [
      ['/r/main/2017/CG-08-22.md', '2017-8-22'],
      ['/r/main/2026/CG-2026-03-24.md', '2026-3-24'],
      ['/r/meetings/2012-09/sept-18.md', '2012-9-18'],
      ['/r/x/2021/docs/discussion/0416会议记录.md', '2021-4-16'],
      ['/r/TC/2022-10.md', '2022-10-1'],
      ['/r/updates/2021-03-steering-council-update.md', '2021-3-1'],
      ['/r/m/11_1104_T_HYNTYMHRZ_临时.md', '?-11-4'],
      ['/r/doc/build-wg-meeting-2016-08-9.md', '2016-8-9'],
      ['/r/acd/Meeting 110.md', undefined],
    ];
    for (const [path, expected] of cases) {
      it(`${path.split('/').pop()} → ${expected ?? 'no date'}`, () => {
        const d = nameDate(path, path.slice(path.lastIndexOf('/') + 1));
        assert.equal(d && `${d.year ?? '?'}-${d.month}-${d.day}`, expected);
      });
    }

    it('numbers are compared as numbers', () => {
      const names = ['Meeting 16.md', 'Meeting 8.md', 'Meeting 110.md', 'Meeting 1&2.md'];
      assert.deepEqual(names.sort(naturalCompare), ['Meeting 1&2.md', 'Meeting 8.md', 'Meeting 16.md', 'Meeting 110.md']);
    });

    it('a series is ordered by date across a change of naming; without dates, by number', () => {
      const dated = ['/r/t/T-compiler Meeting Agenda 2020-06-04.md', '/r/t/2019-11-14.md', '/r/t/2019-04-25.md'].map((p) =>
        profileMinutes(p, '# notes\n'),
      );
      assert.deepEqual(
        orderMembers(dated).map((m) => m.name),
        ['2019-04-25.md', '2019-11-14.md', 'T-compiler Meeting Agenda 2020-06-04.md'],
      );
      const numbered = ['/r/a/Meeting 16.md', '/r/a/Meeting 8.md', '/r/a/Meeting 110.md'].map((p) => profileMinutes(p, '# notes\n'));
      assert.deepEqual(
        orderMembers(numbered).map((m) => m.name),
        ['Meeting 8.md', 'Meeting 16.md', 'Meeting 110.md'],
      );
    });
  });

  describe('eras and the learned template', () => {
    const index = indexOf();
    const series = index.seriesOf(NEWEST)!;

    it('groups the two year folders into one series without the README, oldest first', () => {
      assert.equal(series.members.length, 9);
      assert.equal(series.members[0].name, '2023-01-05.md');
      assert.equal(series.members[8].name, '2024-03-07.md');
      assert.ok(!series.members.some((m) => m.name === 'README.md'));
    });

    it('finds where the format changed: three old-style minutes, then the current format', () => {
      assert.deepEqual(
        series.eras.map((e) => [series.members[e.first].name, series.members[e.last].name]),
        [
          ['2023-01-05.md', '2023-03-02.md'],
          ['2023-09-07.md', '2024-03-07.md'],
        ],
      );
    });

    it('learns what every recent minutes has: sections, levels, order, fields and formats, names', () => {
      const t = learnTemplate({ series })!;
      assert.equal(t.id, 'learned-series-storage-sync');
      const required = t.sections!.filter((s) => s.required).map((s) => s.names[0]);
      assert.deepEqual(required, ['Attendees', '遗留问题', 'Agenda', 'Release status', 'Action items']);
      assert.ok(t.sections!.every((s) => s.level !== undefined));
      // The cancelled meeting teaches nothing: five minutes of the current format.
      assert.deepEqual(t.sections![1].seen, { in: 5, of: 5 });
      assert.deepEqual(
        t.fields!.map((f) => [f.labels[0], f.format]),
        [
          ['Date', 'date'],
          ['Host', undefined],
        ],
      );
      assert.equal(t.filename!.pattern, '^(?<year>\\d{4})-(?<month>\\d{2})-(?<day>\\d{2})\\.md$');
      assert.equal(t.title!.pattern, '^Storage sync \\d{4}-\\d{2}-\\d{2}$');
      assert.deepEqual(t.dates, { title: true, fields: ['date'], filename: true });
      assert.deepEqual(t.learned, {
        folder: 'series/storage-sync/YYYY',
        files: 5,
        seriesFiles: 9,
        since: '2023-09-07',
        until: '2024-03-07',
      });
      // The older format's section is not the team's template any more.
      assert.ok(!t.sections!.some((s) => s.names.includes('Notes')));
    });

    it('every file of the current format gets the one learned template; older and odd files are not held to it', () => {
      const views = series.members.map((m) => [m.name, index.view(m.path)!.choice!] as const);
      for (const [name, choice] of views) assert.equal(choice.spec!.id, 'learned-series-storage-sync', name);
      const confidence = Object.fromEntries(views.map(([name, choice]) => [name, choice.confidence]));
      assert.equal(confidence['2023-01-05.md'], 'guessed');
      assert.equal(confidence['2024-02-01.md'], 'guessed');
      assert.equal(confidence['2023-10-05.md'], 'learned');
      assert.match(views[8][1].explanation!.en, /learned from 4 minutes in this folder/);
      assert.match(views[0][1].explanation!.en, /this file is older and follows an earlier format/);
      assert.match(views[7][1].explanation!.zh, /结构差别很大/);
      assert.equal(index.view(`${SERIES}/README.md`)?.choice, undefined);
    });
  });

  describe('checking a file against its series', () => {
    it('the minutes of the series get no finding of their own format', async () => {
      const index = indexOf();
      for (const path of files(SERIES)) {
        const result = await lint({ path, text: text(path), services: servicesOf(index) });
        assert.deepEqual(
          result.diagnostics.filter((d) => d.rule.startsWith('template/')).map((d) => d.message),
          [],
          path,
        );
      }
    });

    it('the newest minutes without a section every earlier one has is caught, with the evidence', async () => {
      const edited = withoutSection(text(NEWEST), '遗留问题');
      // Saved: the series now holds the edited file too; the newest is checked against the others.
      const index = indexOf(SERIES, { [NEWEST]: edited });
      const result = await lint({ path: NEWEST, text: edited, services: servicesOf(index) });
      assert.equal(result.template.confidence, 'learned');
      assert.deepEqual(
        only(result.diagnostics, 'template/missing-section').map((d) => d.message),
        ['Missing section "遗留问题": 4 of the last 4 minutes in this folder have it (template learned-series-storage-sync).'],
      );
      const zh = await lint({ path: NEWEST, text: edited, services: servicesOf(index), lang: 'zh' });
      assert.match(only(zh.diagnostics, 'template/missing-section')[0].message, /此目录最近 4 份纪要中有 4 份有这一节/);
    });

    it('an older minutes edited in the editor is checked against the series as saved', async () => {
      const path = `${SERIES}/2023/2023-10-05.md`;
      const result = await lint({ path, text: withoutSection(text(path), 'Attendees'), services: servicesOf(indexOf()) });
      assert.deepEqual(
        only(result.diagnostics, 'template/missing-section').map((d) => d.message),
        ['Missing section "Attendees": 5 of the last 5 minutes in this folder have it (template learned-series-storage-sync).'],
      );
    });

    it('a pinned learned template catches the deleted section in any file of the series', async () => {
      const learned = learnTemplate({ series: indexOf().seriesOf(NEWEST)! })!;
      const path = `${SERIES}/2023/2023-11-02.md`;
      const edited = withoutSection(text(path), 'Action items');
      const template = resolveTemplate(path, edited, { spec: learned, reason: 'test' });
      const result = await lint({ path, text: edited, template });
      assert.equal(only(result.diagnostics, 'template/missing-section').length, 1);
      assert.match(only(result.diagnostics, 'template/missing-section')[0].message, /"Action items": 5 of the last 5/);
    });

    it("a near miss of the series' naming is reported; another naming is a habit changing, not a typo", async () => {
      const index = indexOf();
      const typo = `${SERIES}/2024/2024-03- 07.md`;
      const result = await lint({ path: typo, text: text(NEWEST), services: servicesOf(index) });
      assert.match(only(result.diagnostics, 'template/filename')[0].message, /rename it to "2024-03-07\.md"/);
      const renamed = `${SERIES}/2024/storage-sync-2024-03-07.md`;
      const other = await lint({ path: renamed, text: text(NEWEST), services: servicesOf(index) });
      assert.deepEqual(only(other.diagnostics, 'template/filename'), []);
    });
  });

  describe('confidence gates the structure rules', () => {
    it('a guessed template checks no structure; the universal rules still run', async () => {
      const source = withoutSection(text(NEWEST), 'Attendees') + '\n- [spaced] (https://github.com/example/storage/pull/9)\n';
      const result = await lint({ path: '/elsewhere/2024-03-07.md', text: source });
      assert.equal(result.template.confidence, 'guessed');
      assert.deepEqual(
        result.diagnostics.filter((d) => d.rule.startsWith('template/')),
        [],
      );
      assert.equal(only(result.diagnostics, 'link/spaced-syntax').length, 1);
    });

    it('a topic without a conclusion is a hint where the series rarely concludes topics', async () => {
      const openeuler =
        'Date 日期：2024-05-08\nTime 时间：10:00-12:00\n会议主持：张三\n与会人：张三、李四\n\n议题：\n1、构建工具升级 -- 李四\n已讨论\n';
      const path = '/r/TC/Meeting_Minutes/2024/20240508_minutes.md';
      const view = (concluded: number): SeriesView => ({ folder: 'TC', size: 40, topics: { total: 100, concluded, files: 40 } });
      const rarely = await lint({ path, text: openeuler, services: { series: () => view(20) } });
      const hint = only(rarely.diagnostics, 'template/topic-conclusion');
      assert.equal(hint[0].severity, 'info');
      assert.match(hint[0].message, /only 20 of the 100 topics in this folder's minutes have one/);
      const always = await lint({ path, text: openeuler, services: { series: () => view(97) } });
      assert.equal(only(always.diagnostics, 'template/topic-conclusion')[0].severity, 'warning');
    });
  });

  describe('dated files that record no meeting', () => {
    // A blog keeps dated posts in one folder, as a team keeps its minutes.
    const post = (date: string, title: string, extra = '') => ({
      path: `/ws/blog/en/${date}-${title.toLowerCase().replace(/ /g, '-')}.md`,
      text: `---\nid: ${title}\ntitle: ${title}\nauthor: Lin Mo\ndate: ${date}\ndesc: About ${title}\ncover: assets/${date}.png\n---\n\n# ${title}\n\n## Introduction\n\nWhy it matters.\n${extra}\n## Conclusion\n\nTry it.\n`,
    });
    const posts = [
      post('2021-04-08', 'Index Types'),
      post('2021-04-15', 'Disk Search'),
      post('2021-04-22', 'Query Nodes'),
      post('2021-04-29', 'Release Notes'),
      post('2021-05-20', 'Finance Search', '\n## Results\n\nFaster.\n'),
    ];

    it('are no minutes: no template is learned from them and the series rules say nothing', async () => {
      const newest = { ...posts[4], text: posts[4].text.replace('cover: assets/2021-05-20.png\n', '') };
      const result = await lintText(newest.text, newest.path, { services: seriesServices([...posts.slice(0, 4), newest]) });
      assert.notEqual(result.template.confidence, 'learned');
      assert.deepEqual(
        result.diagnostics.filter((d) => d.rule.startsWith('template/') || d.rule.startsWith('series/')),
        [],
      );
    });

    it('while dated minutes that say who attended are learned from and checked', async () => {
      const minutes = posts.map((p) => ({ ...p, text: p.text.replace('## Introduction', '## Attendees\n\n- Lin Mo\n\n## Introduction') }));
      const newest = { ...minutes[4], text: minutes[4].text.replace('cover: assets/2021-05-20.png\n', '') };
      const result = await lintText(newest.text, newest.path, { services: seriesServices([...minutes.slice(0, 4), newest]) });
      assert.equal(result.template.confidence, 'learned');
      assert.deepEqual(only(result.diagnostics, 'series/missed-meeting').length, 1, 'the weekly meeting of 2021-05-06 and 2021-05-13');
    });
  });
});
