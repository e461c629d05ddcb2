import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { indexSeriesOf } from '../../server/src/core/series/folder';
import { diskSeries } from '../../server/src/node/series';
import { SeriesStore } from '../../server/src/lsp/series/store';
import type { SeriesFile } from '../../server/src/core/items/meetings';
import { isSeriesCandidate, isTeamTemplateFile } from '../../server/src/core/series/group';
import { SeriesIndex } from '../../server/src/core/series';
import { templatePlaceholders } from '../../server/src/core/series/placeholders';
import { lintText, only, seriesServices } from '../helpers';

// template/placeholder with the placeholders of a team's own template file (Falco's
// meeting-note-template.md, JupyterHub's monthly-meeting-template.md): reported where most of the
// series replaced them.

const TEMPLATE = [
  '# Community Call - <Month>',
  '',
  '## YYYY-MM-DD',
  '',
  'Issue: $GITHUB_ISSUE$',
  'Recording: {{ recording }}',
  'Docs: <https://example.org/agenda>',
  '<details><summary>How to join</summary>Use the link.</details>',
  '',
  '### Who joined',
  '',
  '- Your Name ([@your-handle](https://github.com/your-handle))',
  '',
  '### Agenda',
  '',
  '- `<item>` one line each<br>',
  '',
].join('\n');

const MONTHS = ['January', 'February', 'March', 'April', 'May'];

function minutes(i: number, recording: string): string {
  const date = `2024-0${i + 1}-10`;
  return [
    `# Community Call - ${MONTHS[i]}`,
    '',
    `## ${date}`,
    '',
    `Issue: #${10 + i}`,
    `Recording: ${recording}`,
    'Docs: <https://example.org/agenda>',
    '',
    '### Who joined',
    '',
    '- Ana Lima ([@ana](https://github.com/ana))',
    '- Bo Chen ([@bochen](https://github.com/bochen))',
    '',
    '### Agenda',
    '',
    `- Release plan for ${MONTHS[i]}`,
    '- Triage of open issues',
    '',
  ].join('\n');
}

const LATEST = 'team/meetings/2024-05-10.md';

/** Four tidy minutes that kept `{{ recording }}`, and the latest, which left the template's placeholders in. */
function series(templatePath: string | null = 'team/meetings/meeting-note-template.md'): SeriesFile[] {
  const files: SeriesFile[] = [0, 1, 2, 3].map((i) => ({
    path: `team/meetings/2024-0${i + 1}-10.md`,
    text: minutes(i, '{{ recording }}'),
  }));
  const latest = minutes(4, '{{ recording }}')
    .replace('# Community Call - May', '# Community Call - <Month>')
    .replace('- Bo Chen ([@bochen](https://github.com/bochen))', '- Bo Chen ([@your-handle](https://github.com/your-handle))')
    .replace('- Triage of open issues', '- Triage of open issues (`<Month>` in the title is fixed)<br>');
  files.push({ path: LATEST, text: latest });
  if (templatePath) files.push({ path: templatePath, text: TEMPLATE });
  return files;
}

async function found(files: SeriesFile[], path = LATEST, lang?: 'zh') {
  const file = files.find((f) => f.path === path)!;
  const result = await lintText(file.text, path, { services: seriesServices(files), lang });
  return only(result.diagnostics, 'template/placeholder').map((d) => {
    const at = result.doc.lines.position(d.span.start);
    return `${at.line + 1}:${at.character + 1} ${d.severity} ${d.message}`;
  });
}

describe("template/placeholder: the team's own template file", () => {
  it('reports the placeholders the latest minutes left in, naming the template file', async () => {
    assert.deepEqual(await found(series()), [
      `1:20 warning Placeholder "<Month>" of the team's template meeting-note-template.md left in: most minutes of this series replace it.`,
      `12:13 warning Placeholder "@your-handle" of the team's template meeting-note-template.md left in: most minutes of this series replace it.`,
      `12:27 warning Placeholder "https://github.com/your-handle" of the team's template meeting-note-template.md left in: most minutes of this series replace it.`,
    ]);
  });

  it('says so in Chinese', async () => {
    const zh = await found(series(), LATEST, 'zh');
    assert.equal(zh[0], '1:20 warning 团队模板 meeting-note-template.md 中的占位符「<Month>」未替换：本系列的多数纪要都替换了它。');
  });

  it('leaves alone a token most members keep, code spans, HTML tags and autolinks', async () => {
    // `{{ recording }}` is in every member; `<Month>` in a code span, `<br>`, `<details>` and
    // `<https://example.org/agenda>` are not placeholders or not in text.
    const text = (await found(series())).join('\n');
    assert.doesNotMatch(text, /recording|<br>|details|example\.org/);
    assert.equal((await found(series())).filter((f) => f.includes('<Month>')).length, 1);
  });

  it('says nothing in the members that replaced them', async () => {
    for (const i of [0, 1, 2, 3]) assert.deepEqual(await found(series(), `team/meetings/2024-0${i + 1}-10.md`), []);
  });

  it('takes the template from the folder above the minutes (Falco keeps it at the root)', async () => {
    const found1 = await found(series('team/meeting-note-template.md'));
    assert.equal(found1.length, 3);
  });

  it('says nothing without a template file, or with two it cannot choose between', async () => {
    assert.deepEqual(await found(series(null)), []);
    const two = [...series(), { path: 'team/meetings/_template.md', text: TEMPLATE }];
    assert.deepEqual(await found(two), []);
  });

  it('says nothing where the placeholder is not rare (more than a quarter of the members keep it)', async () => {
    const files = series().map((f) =>
      f.path.endsWith('2024-01-10.md')
        ? { ...f, text: f.text.replace('- May', '- <Month>').replace('Call - January', 'Call - <Month>') }
        : f,
    );
    // Two of five members hold `<Month>` now.
    assert.ok(!(await found(files)).some((f) => f.includes('<Month>')));
  });

  it('learns only placeholder-shaped tokens of the template', () => {
    assert.deepEqual(
      templatePlaceholders(TEMPLATE).map((t) => t.text),
      ['https://github.com/your-handle', '<Month>', '$GITHUB_ISSUE$', '{{ recording }}', 'YYYY-MM-DD', '@your-…'],
    );
    assert.deepEqual(
      templatePlaceholders('Add item here. <b>bold</b> <Custom>x</Custom>\n\n```\n<Month> $X$ YYYY-MM-DD\n```\n').map((t) => t.text),
      [],
    );
  });
});

describe('team template files and series', () => {
  it('names a template file by its name, whatever its case', () => {
    for (const name of [
      'template.md',
      '_template.md',
      'TEMPLATE.md',
      'meeting-note-template.md',
      'notes_template.md',
      'template-2023.md',
      'Monthly-Meeting-Template.markdown',
    ])
      assert.ok(isTeamTemplateFile(`docs/meetings/${name}`), name);
    for (const name of ['templates-discussion-2023-05-02.md', '2023-05-02.md', 'template.json', 'templating-2023.md'])
      assert.ok(!isTeamTemplateFile(`docs/meetings/${name}`), name);
  });

  it('never lets a template file join its folder series, even with a digit in its name', () => {
    assert.ok(!isSeriesCandidate('docs/meetings/template-2023.md'));
    const index = new SeriesIndex();
    for (const f of series()) index.set(f.path, f.text);
    index.set('team/meetings/template-2024.md', TEMPLATE);
    assert.equal(index.seriesOf(LATEST)?.members.length, 5);
    assert.equal(index.view(LATEST)?.teamTemplate, undefined, 'two template files in one folder: none chosen');
    index.delete('team/meetings/template-2024.md');
    assert.equal(index.view(LATEST)?.teamTemplate?.path, 'team/meetings/meeting-note-template.md');
  });
});

describe('hosts hand the team template file to the series', () => {
  let root: string;
  beforeEach(() => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'minutes-team-template-'))).replace(/\\/g, '/');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('on disk: the template at the folder above the minutes (Falco) is found and read', () => {
    mkdirSync(join(root, 'meeting-notes'));
    const files = series(null);
    for (const f of files) writeFileSync(join(root, 'meeting-notes', f.path.slice(f.path.lastIndexOf('/') + 1)), f.text);
    writeFileSync(join(root, 'meeting-note-template.md'), TEMPLATE);
    const latest = `${root}/meeting-notes/2024-05-10.md`;
    const view = indexSeriesOf([latest], root, diskSeries).view(latest);
    assert.equal(view?.size, 5);
    assert.equal(view?.teamTemplate?.path, `${root}/meeting-note-template.md`);
    assert.deepEqual(
      view?.teamTemplate?.placeholders().map((p) => p.text),
      ['https://github.com/your-handle', '<Month>', '$GITHUB_ISSUE$', 'YYYY-MM-DD', '@your-…'],
    );
  });

  it('in the language server: the workspace listing brings the template, and its change is seen', async () => {
    const texts = new Map(series().map((f) => [`/ws/${f.path}`, f.text]));
    const store = new SeriesStore(
      {
        list: () => [...texts.keys()],
        read: (path) => texts.get(path),
        siblings: () => [],
        under: () => ({ folder: '/ws', files: [] }),
      },
      () => undefined,
      (work) => work(),
    );
    store.setRoots(['/ws']);
    await store.whenReady();
    const latest = `/ws/${LATEST}`;
    assert.equal(store.view(latest)?.teamTemplate?.path, '/ws/team/meetings/meeting-note-template.md');
    texts.delete('/ws/team/meetings/meeting-note-template.md');
    store.fileChanged('/ws/team/meetings/meeting-note-template.md', true);
    assert.equal(store.view(latest)?.teamTemplate, undefined);
  });
});
