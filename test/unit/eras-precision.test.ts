import assert from 'node:assert/strict';
import type { SeriesFile } from '../../server/src/core/items/meetings';
import { statesAbsence } from '../../server/src/core/views/match';
import { inSeries } from '../helpers';

// Other eras of series the project knows (LCTT's published articles of 2014–2018, the Node.js
// TSC's minutes since 2015): what a built-in or learned template asks for is judged against the
// document's own era and folder, and a value that says "none" is no badly written one.

/** An LCTT article published before 2019: the footer only, with or without `选题`. */
function article(folder: string, name: string, collector: boolean): SeriesFile {
  const text = [
    `${name} in Chinese`,
    '======',
    '',
    'Some translated text.',
    '',
    '--------------------------------------------------------------------------------',
    '',
    `via: https://example.com/${encodeURIComponent(name)}`,
    '',
    '作者：[Ann Author][a]',
    ...(collector ? ['选题：[lujun9972][b]'] : []),
    '译者：[bob](https://github.com/bob)',
    '校对：[wxy](https://github.com/wxy)',
    '',
    '本文由 [LCTT](https://github.com/LCTT/TranslateProject) 原创编译，[Linux中国](https://linux.cn/) 荣誉推出',
    '',
    '[a]: https://example.com/ann',
    ...(collector ? ['[b]: https://github.com/lujun9972'] : []),
    '',
  ].join('\n');
  return { path: `/ws/TranslateProject/published/${folder}/${name}.md`, text };
}

const names = ['20151012 Remember sed', '20151020 KDE history', '20151103 Tips', '20151110 Vim', '20151121 Shell', '20151202 Boxes'];

describe('precision on other eras of known series', () => {
  it('a field the built-in template requires that no article of its folder has is not asked for', async () => {
    const era2016 = names.map((n) => article('201601', n, false));
    assert.deepEqual(await inSeries(era2016, era2016[2].path, 'template/missing-field'), []);
    // Where the folder's other articles have it, the one without it is told.
    const era2020 = names.map((n, i) => article('202001', n, i !== 2));
    const told = await inSeries(era2020, era2020[2].path, 'template/missing-field');
    assert.equal(told.length, 1);
    assert.match(told[0], /选题/);
  });

  it('a naming hardly any file of the folder follows is another era’s, not a typo', async () => {
    // Files named without a digit are no minutes of a series (README.md): these all have one.
    const titled = [
      '10 Lesser Known Commands',
      '12 Advanced Commands',
      '5 Things About Ubuntu 13.10',
      '8 Linux Tips',
      'Top 10 Linux Distros',
      'CentOS 6.5 Desktop',
    ];
    const era2014 = titled.map((n) => article('201401', n, false));
    assert.deepEqual(await inSeries(era2014, era2014[0].path, 'template/filename'), []);
    const dated = [...names.slice(0, 5).map((n) => article('201601', n, false)), article('201601', 'Untitled draft', false)];
    assert.equal((await inSeries(dated, dated[5].path, 'template/filename')).length, 1);
  });

  describe('Node.js TSC minutes', () => {
    const minutes = (date: string, recording: string) => ({
      path: `/ws/TSC/meetings/${date}.md`,
      text: [
        `# Node.js Technical Steering Committee (TSC) Meeting ${date}`,
        '',
        '## Links',
        '',
        `* **Recording**: ${recording}`,
        `* **GitHub Issue**: <https://github.com/nodejs/TSC/issues/${date.replace(/-/g, '')}>`,
        '',
        '## Present',
        '',
        '* Ann Lee @annlee (TSC)',
        '* Bo Chen @bochen (TSC)',
        '',
        '## Agenda',
        '',
        '### Announcements',
        '',
        '* Nothing this week.',
        '',
        '## Upcoming Meetings',
        '',
        '* Every week.',
        '',
      ].join('\n'),
    });
    const dates = ['2022-01-05', '2022-01-12', '2022-01-19', '2022-01-26', '2022-02-02', '2022-02-09', '2022-02-16'];
    const series = (last: SeriesFile) => [...dates.slice(0, 6).map((d) => minutes(d, `<https://youtu.be/v${d}>`)), last];

    it('"Recording: N/A" says there was none: no format to hold it to', async () => {
      for (const none of ['N/A', 'NONE', '<Not recorded>', "didn't stream", 'No recording this week', '<Not available, did not stream>']) {
        const files = series(minutes(dates[6], none));
        assert.deepEqual(await inSeries(files, files[6].path, 'template/field-format'), [], none);
      }
      const files = series(minutes(dates[6], 'youtube dot com slash live'));
      assert.equal((await inSeries(files, files[6].path, 'template/field-format')).length, 1, 'a value that is no address is still told');
    });

    it('a special meeting named by its date and a word (`2022-02-16-V8.md`) is not renamed', async () => {
      const special = { ...minutes(dates[6], '<https://youtu.be/v8>'), path: '/ws/TSC/meetings/2022-02-16-V8.md' };
      const files = series(special);
      assert.deepEqual(await inSeries(files, special.path, 'template/filename'), []);
      const typo = { ...special, path: '/ws/TSC/meetings/2022-2-16.md' };
      assert.equal((await inSeries(series(typo), typo.path, 'template/filename')).length, 1);
    });
  });

  it('values that say "none"', () => {
    for (const none of [
      'N/A',
      'n/a',
      'NA',
      'None',
      'nil',
      'Not recorded',
      'no recording',
      "didn't stream",
      'did not stream',
      '无',
      '暂无',
      '不适用',
      '未录制',
      '<N/A>',
      '(none)',
    ])
      assert.ok(statesAbsence(none), none);
    for (const value of ['https://youtu.be/x', 'Notion page', 'nobody knows', '无锡', '2024-01-02', 'Nathan', 'TBD'])
      assert.ok(!statesAbsence(value), value);
  });
});
