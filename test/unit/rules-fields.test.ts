import assert from 'node:assert/strict';
import { lint, resolveTemplate, type LintResult, type TemplateSpec } from '../../server/src/core';
import { filenameDate, findDate, findDates, formatLike, parseDate, sameDate } from '../../server/src/core/model/dates';
import { applyRuleFixes, lineOf, lintText, only } from '../helpers';

// Small templates written for these tests, so that they do not depend on the built-in JSON.

const TC: TemplateSpec = {
  id: 'tc-test',
  name: 'TC test',
  format: 'plaintext',
  extensions: ['txt', 'md'],
  filename: { pattern: '^(?<year>\\d{4})(?<month>\\d{2})(?<day>\\d{2})_minutes\\.(?:txt|md)$', example: '20240306_minutes.txt' },
  fields: [
    { id: 'date', labels: ['Date 日期', 'Date日期', '会议日期'], oldLabels: ['Data 日期', 'Data日期'], required: true, format: 'date' },
    { id: 'time', labels: ['Time 时间', 'Time时间'], format: 'time-range' },
    { id: 'link', labels: ['会议链接'], format: 'url' },
    { id: 'host', labels: ['会议主持', '轮值主持'], required: true },
    { id: 'next-host', labels: ['下次主持'], required: true },
    { id: 'attendees', labels: ['与会人'], required: true, format: 'names' },
  ],
  dates: { fields: ['date'], filename: true },
};

const MEETING: TemplateSpec = {
  id: 'meeting-test',
  name: 'Meeting test',
  format: 'markdown',
  filename: { pattern: '^(?<year>\\d{4})-(?<month>\\d{2})-(?<day>\\d{2})\\.md$', example: '2024-03-14.md' },
  title: { required: true },
  sections: [{ id: 'time', names: ['时间'], level: 2, required: true, skeleton: 'YYYY/MM/DD 19:00~19:30' }],
  fields: [{ id: 'time', labels: ['时间'], source: 'section', required: true, format: 'datetime-range' }],
  placeholders: [{ text: 'YYYY/MM/DD' }, { text: 'xxx' }],
  dates: { title: true, fields: ['time'], filename: true },
};

const ARTICLE: TemplateSpec = {
  id: 'article-test',
  name: 'Article test',
  format: 'markdown',
  fields: [
    { id: 'collector', labels: ['collector'], source: 'lctt-header', required: true },
    { id: 'translator', labels: ['translator'], source: 'lctt-header', required: true },
    { id: 'reviewer', labels: ['reviewer'], source: 'lctt-header', required: true },
    { id: 'publisher', labels: ['publisher'], source: 'lctt-header', required: true },
    { id: 'footer-translator', labels: ['译者'] },
    { id: 'footer-reviewer', labels: ['校对'] },
  ],
  placeholders: [
    { text: '译者ID', severity: 'error' },
    { text: '校对者ID', severity: 'error' },
    { text: 'TODO', fields: ['footer-translator', 'footer-reviewer'] },
  ],
  agreements: [{ fields: ['translator', 'footer-translator'] }, { fields: ['reviewer', 'footer-reviewer'] }],
};

function lintWith(spec: TemplateSpec, path: string, text: string): Promise<LintResult> {
  return lint({ path, text, template: resolveTemplate(path, text, { spec, reason: 'test' }) });
}

function lines(result: LintResult, rule: string): number[] {
  return only(result.diagnostics, rule).map((d) => lineOf(result, d));
}

function fixed(result: LintResult, rule: string): string {
  return applyRuleFixes(result.doc.text, result.diagnostics, rule);
}

// Modelled on the shape of an openEuler TC header; names and links are invented.
const TC_MINUTES = [
  'Data 日期： 2024-3-6',
  'Time 时间：10:00-12:00 (UTC/GMT+8:00)',
  '会议链接：https://meeting.example.org/j/123456',
  '会议主持：林一',
  '下次主持：周二',
  '与会人：林一、周二、吴三',
  '',
  '议题：',
  '1、社区治理文档更新 -- 林一',
  '- 结论：通过',
  '',
].join('\n');

describe('model/dates', () => {
  it('reads the shapes minutes use', () => {
    assert.deepEqual(findDate('2023-4-12')?.date, { year: 2023, month: 4, day: 12 });
    assert.equal(findDate('2023-4-12')?.padded, false);
    assert.equal(findDate('2023/04/12 19:00')?.padded, true);
    assert.deepEqual(findDate('2022/07-21 19:00-19:30')?.separators, ['/', '-']);
    assert.deepEqual(findDate('会议时间：2021年5月20日 9:30')?.date, { year: 2021, month: 5, day: 20 });
    assert.deepEqual(findDate('2023 Jun 01, 19:00~19:30')?.date, { year: 2023, month: 6, day: 1 });
    assert.deepEqual(findDate('on 21st April 2023')?.date, { year: 2023, month: 4, day: 21 });
    assert.deepEqual(findDate('Meeting 2025-07-23')?.date, { year: 2025, month: 7, day: 23 });
  });

  it('reads month.day and compact dates only when asked', () => {
    assert.equal(findDate('4.13 会议纪要'), undefined);
    assert.deepEqual(findDate('4.13 会议纪要', { monthDay: true })?.date, { month: 4, day: 13 });
    assert.deepEqual(findDate('5月9日组会', { monthDay: true })?.date, { month: 5, day: 9 });
    assert.equal(findDate('20230412_minutes'), undefined);
    assert.deepEqual(findDate('20230412_minutes', { compact: true })?.date, { year: 2023, month: 4, day: 12 });
  });

  it('does not read versions, times or impossible days as dates', () => {
    assert.equal(findDate('release v2.2.0', { monthDay: true }), undefined);
    assert.equal(findDate('kernel 1.2.3', { monthDay: true }), undefined);
    assert.equal(findDate('2023-02-30'), undefined);
    assert.equal(findDate('19:00~19:30'), undefined);
    const [period] = findDates('2022/10/20-2023/07/27 19:00');
    assert.deepEqual(
      period.date,
      { year: 2022, month: 10, day: 20, until: { year: 2023, month: 7, day: 27 } },
      'one range, not two dates run together',
    );
  });

  it('compares the year only when both dates have one', () => {
    assert.ok(sameDate({ month: 4, day: 13 }, { year: 2024, month: 4, day: 13 }));
    assert.ok(!sameDate({ year: 2023, month: 4, day: 13 }, { year: 2024, month: 4, day: 13 }));
    assert.deepEqual(parseDate(' 2024/03/06 '), { year: 2024, month: 3, day: 6 });
    assert.equal(parseDate('2024/03/06 10:00'), undefined);
  });

  it('finds the date of a file name', () => {
    assert.deepEqual(filenameDate('20230412_minutes.txt')?.date, { year: 2023, month: 4, day: 12 });
    assert.deepEqual(filenameDate('2023-04- 13.md')?.date, { year: 2023, month: 4, day: 13 });
    assert.deepEqual(filenameDate('4.13会议记录.md')?.date, { month: 4, day: 13 });
    assert.equal(filenameDate('README.md'), undefined);
    const byPattern = filenameDate('x-20240306.md', '^x-(?<year>\\d{4})(?<month>\\d{2})(?<day>\\d{2})\\.md$');
    assert.deepEqual(byPattern && [byPattern.date, byPattern.shape, byPattern.text], [
      { year: 2024, month: 3, day: 6 },
      'compact',
      '20240306',
    ]);
  });

  it('writes a date again in the shape it was found in', () => {
    const date = { year: 2024, month: 3, day: 6 };
    assert.equal(formatLike(date, findDate('2022/05/26')!), '2024/03/06');
    assert.equal(formatLike(date, findDate('20220526', { compact: true })!), '20240306');
    assert.equal(formatLike(date, findDate('2022年5月26日')!), '2024年3月6日');
  });
});

describe('template/missing-field', () => {
  it("flags a required field that is absent, and inserts it in template order, in the neighbours' style", async () => {
    const text = TC_MINUTES.replace('下次主持：周二\n', '');
    const result = await lintWith(TC, '2024/20240306_minutes.txt', text);
    const found = only(result.diagnostics, 'template/missing-field');
    assert.deepEqual(
      found.map((d) => d.message),
      ['Missing field "下次主持" required by template tc-test.'],
    );
    const after = fixed(result, 'template/missing-field');
    assert.match(after, /会议主持：林一\n下次主持：\n与会人：/);
    const again = await lintWith(TC, '2024/20240306_minutes.txt', after);
    // Now present but empty: still reported, as empty (the author must fill it in).
    assert.deepEqual(
      only(again.diagnostics, 'template/missing-field').map((d) => d.message),
      ['Field "下次主持" is empty; template tc-test requires a value.'],
    );
  });

  it('treats quoted blanks and empty parentheses as empty', async () => {
    const header = (publisher: string) =>
      [
        '[#]: collector: "collector-a"',
        '[#]: translator: "trans-b"',
        '[#]: reviewer: "rev-c"',
        `[#]: publisher: ${publisher}`,
        '',
        '标题',
        '=======',
        '',
        '正文。',
        '',
      ].join('\n');
    for (const empty of ['" "', '( )', '""']) {
      const result = await lintWith(ARTICLE, 'published/202405/20240501 Example.md', header(empty));
      assert.deepEqual(lines(result, 'template/missing-field'), [4], `publisher: ${empty}`);
    }
    const filled = await lintWith(ARTICLE, 'published/202405/20240501 Example.md', header('"rev-c"'));
    assert.deepEqual(lines(filled, 'template/missing-field'), []);
  });

  it('labels a bare date line instead of inserting a second date', async () => {
    const text = TC_MINUTES.replace('Data 日期： 2024-3-6\n', '\n2024-03-06\n');
    const result = await lintWith(TC, '2024/20240306_minutes.txt', text);
    const found = only(result.diagnostics, 'template/missing-field');
    assert.deepEqual(
      found.map((d) => lineOf(result, d)),
      [2],
    );
    // Written like its neighbour `Time 时间：…`.
    assert.match(fixed(result, 'template/missing-field'), /^\nDate 日期：2024-03-06\nTime 时间/);
  });

  it('fills a missing date from the file name', async () => {
    const result = await lintWith(TC, '2024/20240306_minutes.txt', TC_MINUTES.replace('Data 日期： 2024-3-6\n', ''));
    assert.match(fixed(result, 'template/missing-field'), /^Date 日期：2024-03-06\nTime 时间/);
  });

  it('takes a label with a note, and names on the next line, as filled in', async () => {
    const noted = await lintWith(TC, '2024/20240306_minutes.txt', TC_MINUTES.replace('与会人：', '与会人（会上确认）：'));
    assert.deepEqual(lines(noted, 'template/missing-field'), []);
    const below = await lintWith(TC, '2024/20240306_minutes.txt', TC_MINUTES.replace('与会人：', '与会人：\n'));
    assert.deepEqual(lines(below, 'template/missing-field'), []);
    const empty = await lintWith(TC, '2024/20240306_minutes.txt', TC_MINUTES.replace('与会人：林一、周二、吴三', '与会人：\n'));
    assert.deepEqual(lines(empty, 'template/missing-field'), [6]);
  });

  it('writes a missing LCTT header line with the quoting of its neighbours', async () => {
    const text = ['[#]: collector: (collector-a)', '[#]: translator: (trans-b)', '[#]: publisher: (rev-c)', '', '正文', ''].join('\n');
    const result = await lintWith(ARTICLE, 'a.md', text);
    assert.match(fixed(result, 'template/missing-field'), /\[#\]: translator: \(trans-b\)\n\[#\]: reviewer: \(\)\n\[#\]: publisher/);
  });
});

describe('template/field-format', () => {
  it('flags a date without zero padding and pads it (safe fix)', async () => {
    const result = await lintWith(TC, '2024/20240306_minutes.txt', TC_MINUTES);
    const found = only(result.diagnostics, 'template/field-format');
    assert.equal(found.length, 1);
    assert.equal(result.doc.text.slice(found[0].span.start, found[0].span.end), '2024-3-6');
    assert.equal(found[0].fixes[0].safe, true);
    assert.match(fixed(result, 'template/field-format'), /^Data 日期： 2024-03-06\n/);
  });

  it('unifies mixed separators and reads English month names', async () => {
    const mixed = await lintWith(MEETING, '2024-03-14.md', '# 双周会 2024-03-14\n\n## 时间\n\n2024/03-14 19:00-19:30\n');
    assert.match(fixed(mixed, 'template/field-format'), /\n2024\/03\/14 19:00-19:30\n/);
    const english = await lintWith(MEETING, '2024-03-14.md', '# 双周会 2024-03-14\n\n## 时间\n\n2024 Mar 14, 19:00~19:30\n');
    // The template's skeleton writes YYYY/MM/DD, so the slash is used.
    assert.match(fixed(english, 'template/field-format'), /\n2024\/03\/14, 19:00~19:30\n/);
  });

  it('accepts the time ranges people write, with a time zone or spaces', async () => {
    for (const time of ['10:00-12:00', '10:00 - 12:00', '19:00~19:30 (UTC/GMT+8:00)', '9:00 - 17:30', '全天 (UTC/GMT+8:00)']) {
      const result = await lintWith(
        TC,
        '2024/20240306_minutes.txt',
        TC_MINUTES.replace('2024-3-6', '2024-03-06').replace('10:00-12:00 (UTC/GMT+8:00)', time),
      );
      assert.deepEqual(
        only(result.diagnostics, 'template/field-format').map((d) => d.message),
        [],
        time,
      );
    }
  });

  it('flags a time that is not a range, and a full-width colon (fixed)', async () => {
    const base = TC_MINUTES.replace('2024-3-6', '2024-03-06');
    const noRange = await lintWith(TC, '2024/20240306_minutes.txt', base.replace('10:00-12:00 (UTC/GMT+8:00)', '上午十点'));
    assert.deepEqual(lines(noRange, 'template/field-format'), [2]);
    const colon = await lintWith(TC, '2024/20240306_minutes.txt', base.replace('10:00-12:00', '9:30-17：30'));
    assert.match(fixed(colon, 'template/field-format'), /Time 时间：9:30-17:30 \(UTC/);
  });

  it('flags a link field that is not a URL and a names list with a hole', async () => {
    const base = TC_MINUTES.replace('2024-3-6', '2024-03-06');
    const link = await lintWith(TC, '2024/20240306_minutes.txt', base.replace('https://meeting.example.org/j/123456', '见群公告'));
    assert.deepEqual(lines(link, 'template/field-format'), [3]);
    const names = await lintWith(TC, '2024/20240306_minutes.txt', base.replace('周二、吴三', '周二、、吴三'));
    assert.deepEqual(lines(names, 'template/field-format'), [6]);
  });

  it("closes a hole in a names list with the list's own separator", async () => {
    const base = TC_MINUTES.replace('2024-3-6', '2024-03-06');
    const result = await lintWith(TC, '2024/20240306_minutes.txt', base.replace('林一、周二、吴三', '林一、周二,、吴三、、郑四'));
    assert.equal(only(result.diagnostics, 'template/field-format').length, 2);
    assert.match(fixed(result, 'template/field-format'), /与会人：林一、周二、吴三、郑四\n/);
  });

  it('checks the first filled occurrence only: a label reused inside a topic is prose', async () => {
    const base = TC_MINUTES.replace('2024-3-6', '2024-03-06');
    const result = await lintWith(TC, '2024/20240306_minutes.txt', base + '2、活动筹备\n会议链接：会后在群里发布\n');
    assert.deepEqual(lines(result, 'template/field-format'), []);
  });

  it('ignores zero-width characters around a URL (encoding/invisible reports them)', async () => {
    const base = TC_MINUTES.replace('2024-3-6', '2024-03-06');
    const result = await lintWith(
      TC,
      '2024/20240306_minutes.txt',
      base.replace('https://meeting', '\u200b[会议](\u200bhttps://meeting').replace('123456', '123456)'),
    );
    assert.deepEqual(lines(result, 'template/field-format'), []);
  });

  it('checks an LCTT header value without its quotes or parentheses', async () => {
    const spec: TemplateSpec = {
      ...ARTICLE,
      fields: [{ id: 'url', labels: ['url'], source: 'lctt-header', format: 'url', pattern: '^https://linux\\.cn/article-\\d+-1\\.html$' }],
    };
    for (const value of ['"https://linux.cn/article-10001-1.html"', '(https://linux.cn/article-10001-1.html)']) {
      const good = await lintWith(spec, 'published/a.md', `[#]: url: ${value}\n\n正文\n`);
      assert.deepEqual(lines(good, 'template/field-format'), [], value);
    }
    const bad = await lintWith(spec, 'published/a.md', '[#]: url: "https://linux.cn/article-10001.html"\n\n正文\n');
    assert.deepEqual(
      only(bad.diagnostics, 'template/field-format').map((d) => bad.doc.text.slice(d.span.start, d.span.end)),
      ['https://linux.cn/article-10001.html'],
    );
  });

  it('checks a field against its pattern', async () => {
    const spec: TemplateSpec = { ...TC, fields: [{ id: 'host', labels: ['会议主持'], pattern: '^[\\u4e00-\\u9fff]{2,4}$' }] };
    const bad = await lintWith(spec, '2024/20240306_minutes.txt', '会议主持：someone\n');
    assert.equal(only(bad.diagnostics, 'template/field-format').length, 1);
    const good = await lintWith(spec, '2024/20240306_minutes.txt', '会议主持：林一\n');
    assert.equal(only(good.diagnostics, 'template/field-format').length, 0);
  });
});

describe('template/deprecated-label', () => {
  it('flags an old label and replaces only the label', async () => {
    const result = await lintWith(TC, '2024/20240306_minutes.txt', TC_MINUTES);
    const found = only(result.diagnostics, 'template/deprecated-label');
    assert.deepEqual(
      found.map((d) => d.message),
      ['Label "Data 日期" is an old spelling; write "Date 日期".'],
    );
    assert.equal(result.doc.text.slice(found[0].span.start, found[0].span.end), 'Data 日期');
    assert.match(fixed(result, 'template/deprecated-label'), /^Date 日期： 2024-3-6\nTime/);
  });

  it("keeps the author's spacing when the template accepts that spelling", async () => {
    const result = await lintWith(TC, '2024/20240306_minutes.txt', TC_MINUTES.replace('Data 日期： ', 'Data日期：'));
    assert.match(fixed(result, 'template/deprecated-label'), /^Date日期：2024-3-6\n/);
  });
});

describe('template/date-mismatch', () => {
  const meeting = (title: string, time: string) => `# 双周会 ${title}\n\n## 时间\n\n${time} 19:00-19:30\n\n## 会议内容\n\n- 近期工作\n`;

  it('reports the odd one out: a title copied from the previous minutes', async () => {
    const result = await lintWith(MEETING, 'minutes/2024/2024-03-14.md', meeting('2024-02-29', '2024/03/14'));
    const found = only(result.diagnostics, 'template/date-mismatch');
    assert.deepEqual(
      found.map((d) => [lineOf(result, d), d.message]),
      [[1, 'The title says 2024-02-29, but field "时间" and file name say 2024-03-14.']],
    );
    assert.equal(found[0].fixes[0].safe, false);
    assert.match(fixed(result, 'template/date-mismatch'), /^# 双周会 2024-03-14\n/);
  });

  it('reports the body date when title and file name agree', async () => {
    const result = await lintWith(MEETING, 'minutes/2024-03-14.md', meeting('2024-03-14', '2024/03-04'));
    assert.deepEqual(lines(result, 'template/date-mismatch'), [5]);
  });

  it('asks to rename the file when the text agrees with itself', async () => {
    const result = await lintWith(MEETING, 'minutes/2024-03-28.md', meeting('2024-03-14', '2024/03/14'));
    const found = only(result.diagnostics, 'template/date-mismatch');
    assert.match(found[0].message, /file name says 2024-03-28.*rename/);
    assert.deepEqual(found[0].fixes, []);
  });

  it('compares month and day only for dates without a year', async () => {
    const spec: TemplateSpec = { id: 'group', name: 'group', dates: { title: true, filename: true } };
    const same = await lintWith(spec, 'docs/4.13会议记录.md', '# 4.13 会议纪要\n\n讨论。\n');
    assert.deepEqual(lines(same, 'template/date-mismatch'), []);
    const differ = await lintWith(spec, 'docs/4.16会议记录.md', '# 4.13 会议纪要\n\n讨论。\n');
    assert.deepEqual(lines(differ, 'template/date-mismatch'), [1]);
  });

  it('reads compact file-name dates and Chinese body dates', async () => {
    const result = await lintWith(TC, '2024/20240306_minutes.txt', TC_MINUTES.replace('2024-3-6', '2023年3月6日'));
    const found = only(result.diagnostics, 'template/date-mismatch');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /Data 日期.*2023年3月6日.*file name says 2024-03-06/);
    assert.match(fixed(result, 'template/date-mismatch'), /^Data 日期： 2024年3月6日\n/);
  });

  it('says nothing when every place agrees', async () => {
    const result = await lintWith(MEETING, 'minutes/2024-03-14.md', meeting('2024-03-14', '2024/03/14'));
    assert.deepEqual(lines(result, 'template/date-mismatch'), []);
  });
});

describe('template/filename', () => {
  it('flags a space in the name and suggests the clean name', async () => {
    const result = await lintWith(MEETING, 'minutes/2024/2024-03- 14.md', '# 双周会 2024-03-14\n\n## 时间\n\n2024/03/14 19:00-19:30\n');
    const found = only(result.diagnostics, 'template/filename');
    assert.deepEqual(
      found.map((d) => d.message),
      ['File name "2024-03- 14.md" does not follow template meeting-test (like "2024-03-14.md"); rename it to "2024-03-14.md".'],
    );
    assert.deepEqual(found[0].fixes, []);
  });

  it("flags a misspelled name, keeping the file's extension in the suggestion", async () => {
    const result = await lintWith(TC, '2024/20240306_mintues.md', TC_MINUTES);
    assert.match(only(result.diagnostics, 'template/filename')[0].message, /rename it to "20240306_minutes\.md"/);
  });

  it('shows the example when no near name exists, and accepts good names', async () => {
    const far = await lintWith(TC, '2024/notes.txt', TC_MINUTES);
    assert.match(only(far.diagnostics, 'template/filename')[0].message, /expected a name like "20240306_minutes\.txt"/);
    const good = await lintWith(TC, '2024/20240306_minutes.txt', TC_MINUTES);
    assert.deepEqual(lines(good, 'template/filename'), []);
  });
});

describe('template/placeholder', () => {
  const footer = (translator: string, reviewer: string) =>
    [
      '[#]: collector: "collector-a"',
      '[#]: translator: "trans-b"',
      '[#]: reviewer: "rev-c"',
      '[#]: publisher: "rev-c"',
      '',
      '一篇文章',
      '=======',
      '',
      'The TODO list app keeps a list of tasks. Use `xxx` in code freely.',
      '',
      '--------------------------------------------------------------------------------',
      '',
      `译者：${translator}`,
      `校对：${reviewer}`,
      '',
    ].join('\n');

  it('reports each placeholder once, on the link text, with its own severity', async () => {
    const result = await lintWith(
      ARTICLE,
      'published/a.md',
      footer('[trans-b](https://github.com/trans-b)', '[校对者ID](https://github.com/校对者ID)'),
    );
    const found = only(result.diagnostics, 'template/placeholder');
    assert.deepEqual(
      found.map((d) => [lineOf(result, d), d.severity, result.doc.text.slice(d.span.start, d.span.end)]),
      [[14, 'error', '校对者ID']],
    );
  });

  it('leaves English prose and code alone when a placeholder is scoped to fields', async () => {
    const result = await lintWith(
      ARTICLE,
      'published/a.md',
      footer('[TODO](https://github.com/TODO)', '[rev-c](https://github.com/rev-c)'),
    );
    assert.deepEqual(
      only(result.diagnostics, 'template/placeholder').map((d) => [lineOf(result, d), d.severity, d.message]),
      [[13, 'warning', 'Field "译者" still holds the placeholder "TODO".']],
    );
  });

  it('matches ASCII placeholders as whole words, outside code spans and URLs', async () => {
    const text =
      '# 双周会 2024-03-14\n\n## 时间\n\nYYYY/MM/DD 19:00~19:30\n\n## 会议内容\n\n- 驱动 QLxxxx 的策略\n- 负责人：xxx\n- `xxx` 与 https://example.org/xxx\n';
    const result = await lintWith(MEETING, '2024-03-14.md', text);
    assert.deepEqual(
      only(result.diagnostics, 'template/placeholder').map((d) => [lineOf(result, d), result.doc.text.slice(d.span.start, d.span.end)]),
      [
        [5, 'YYYY/MM/DD'],
        [10, 'xxx'],
      ],
    );
  });

  it("lets configuration override the template's severity", async () => {
    const text = footer('[译者ID](https://github.com/译者ID)', '[rev-c](https://github.com/rev-c)');
    const path = 'published/a.md';
    const result = await lint({
      path,
      text,
      template: resolveTemplate(path, text, { spec: ARTICLE, reason: 'test' }),
      config: { config: { rules: { 'template/placeholder': 'info' } }, problems: [] },
    });
    assert.deepEqual(
      only(result.diagnostics, 'template/placeholder').map((d) => d.severity),
      ['info'],
    );
  });
});

describe('template/field-mismatch', () => {
  const article = (translatorFooter: string) =>
    [
      '[#]: collector: "collector-a"',
      '[#]: translator: "trans-b"',
      '[#]: reviewer: "rev-c"',
      '[#]: publisher: "rev-c"',
      '',
      '正文。',
      '',
      `译者：${translatorFooter}`,
      '校对：[rev-c](https://github.com/rev-c)',
      '',
    ].join('\n');

  it('flags a footer translator that differs from the header, on the link text', async () => {
    const result = await lintWith(ARTICLE, 'published/a.md', article('[trans-bb](https://github.com/trans-b)'));
    const found = only(result.diagnostics, 'template/field-mismatch');
    assert.deepEqual(
      found.map((d) => [lineOf(result, d), d.message]),
      [[8, '"译者" says "trans-bb", but "translator" says "trans-b".']],
    );
    assert.equal(found[0].fixes[0].safe, false);
    assert.match(fixed(result, 'template/field-mismatch'), /译者：\[trans-b\]\(https:\/\/github\.com\/trans-b\)/);
  });

  it('flags a profile link to someone else', async () => {
    const result = await lintWith(ARTICLE, 'published/a.md', article('[trans-b](https://github.com/other-d)'));
    assert.deepEqual(
      only(result.diagnostics, 'template/field-mismatch').map((d) => result.doc.text.slice(d.span.start, d.span.end)),
      ['other-d'],
    );
  });

  it('compares case- and space-insensitively, plain names too', async () => {
    for (const footer of ['[Trans-B](https://github.com/trans-b)', 'trans-b', '[trans-b](https://chat.example.com/)']) {
      const result = await lintWith(ARTICLE, 'published/a.md', article(footer));
      assert.deepEqual(lines(result, 'template/field-mismatch'), [], footer);
    }
  });

  it('leaves placeholders and empty headers to the other rules', async () => {
    const placeholder = await lintWith(ARTICLE, 'published/a.md', article('[译者ID](https://github.com/译者ID)'));
    assert.deepEqual(lines(placeholder, 'template/field-mismatch'), []);
    const empty = await lintWith(ARTICLE, 'sources/a.md', article('[someone](https://github.com/someone)').replace('"trans-b"', '" "'));
    assert.deepEqual(lines(empty, 'template/field-mismatch'), []);
  });

  it("uses the template's extract group when given", async () => {
    const extract: TemplateSpec = { ...ARTICLE, agreements: [{ fields: ['translator', 'footer-translator'], extract: '^([\\w-]+)' }] };
    const result = await lintWith(extract, 'published/a.md', article('trans-b（初译）'));
    assert.deepEqual(lines(result, 'template/field-mismatch'), []);
    const differs = await lintWith(extract, 'published/a.md', article('trans-x（初译）'));
    assert.deepEqual(lines(differs, 'template/field-mismatch'), [8]);
  });
});

describe('fixes in files with Windows line endings', () => {
  it('write CRLF line breaks, so a fix never mixes line endings', async () => {
    const text =
      '## 加入会议\r\n\r\n会议号：000\r\n\r\n## 会议内容\r\n\r\n### 一、近期工作\r\n\r\n- 工作\r\n\r\n### 二、开源社区\r\n\r\n- 活动\r\n\r\n### 三、答疑 & 交流\r\n';
    const result = await lintText(text, '/ws/curve/2024-03-14.md', { template: 'curve-biweekly' });
    const fixed = applyRuleFixes(text, result.diagnostics, 'template/missing-section');
    assert.ok(fixed.startsWith('## 时间\r\n\r\n'), JSON.stringify(fixed.slice(0, 40)));
    assert.ok(!/(?:^|[^\r])\n/.test(fixed), 'a bare \\n was inserted');
  });
});
