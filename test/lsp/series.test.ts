import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LEARN_TEMPLATE_METHOD, type LearnTemplateResult } from '../../server/src/protocol';
import { ROOT } from '../helpers';
import { TestClient } from './client';
import { TempWorkspace } from './workspace';

const SERIES = join(ROOT, 'test', 'fixtures', 'series', 'storage-sync');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
}

describe('language server: the series of a workspace folder', () => {
  let workspace: TempWorkspace;
  let client: TestClient;
  const newest = 'minutes/2024/2024-03-07.md';

  before(async () => {
    workspace = new TempWorkspace(
      Object.fromEntries(files(SERIES).map((f) => [join('minutes', relative(SERIES, f)), readFileSync(f, 'utf8')])),
    );
    client = await TestClient.start({ root: workspace.root, initializationOptions: { language: 'en' } });
  });

  after(async () => {
    await client?.stop();
    workspace?.dispose();
  });

  it('checks the newest minutes against the template learned from the folder, with the evidence', async () => {
    const uri = workspace.uri(newest);
    const text = readFileSync(workspace.path(newest), 'utf8').replace(/^## 遗留问题\n[\s\S]*?(?=^## )/m, '');
    client.open(uri, text);
    // Read in the background: once it is, the open document is checked again with the series' template.
    const info = await client.waitForTemplateInfo(uri, (i) => i.confidence === 'learned');
    assert.equal(info.template, 'learned-minutes');
    assert.match(info.explanation ?? '', /learned from 4 minutes in this folder \(minutes\/YYYY\)/);
    const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'template/missing-section'));
    assert.deepEqual(
      published.diagnostics.map((d) => d.message),
      ['Missing section "遗留问题": 4 of the last 4 minutes in this folder have it (template learned-minutes).'],
    );
  });

  it('a file the series holds as an older format is linted, but not held to the new format', async () => {
    const uri = workspace.uri('minutes/2023/2023-01-05.md');
    client.open(uri, readFileSync(workspace.path('minutes/2023/2023-01-05.md'), 'utf8'));
    const info = await client.waitForTemplateInfo(uri, (i) => i.template === 'learned-minutes');
    assert.equal(info.confidence, 'guessed');
    assert.match(info.explanation ?? '', /older and follows an earlier format/);
    assert.deepEqual(
      (await client.diagnosticsFor(uri, 1)).filter((d) => String(d.code).startsWith('template/')),
      [],
    );
  });

  it("minutes/learnTemplate learns the folder's template, as minutes-lint learn does", async () => {
    const result = await client.connection.sendRequest<LearnTemplateResult>(LEARN_TEMPLATE_METHOD, { uri: workspace.uri('minutes') });
    assert.equal(result.templates.length, 1);
    const [learned] = result.templates;
    assert.equal(learned.uri, workspace.uri('minutes/.minutes-template.json'));
    assert.equal(JSON.parse(learned.text).id, 'learned-minutes');
    assert.match(learned.summary, /learned from 5 of the 9 minutes \(2023-09-07 to 2024-03-07\)/);
    const fromFile = await client.connection.sendRequest<LearnTemplateResult>(LEARN_TEMPLATE_METHOD, { uri: workspace.uri(newest) });
    assert.equal(fromFile.templates[0]?.id, 'learned-minutes');
  });

  it('a series saved after the start is learned from the file events', async () => {
    const minutes = (n: number) => `# Build sync ${n}\n\n## Attendees\n\n- alice\n\n## Decisions\n\n- ship ${n}\n`;
    const changes = [1, 2, 3].map((n) => {
      workspace.write(`build/2024-0${n}-10.md`, minutes(n));
      return { uri: workspace.uri(`build/2024-0${n}-10.md`), type: 1 };
    });
    client.notify('workspace/didChangeWatchedFiles', { changes });
    const uri = workspace.uri('build/2024-04-10.md');
    client.open(uri, '# Build sync 4\n\n## Attendees\n\n- alice\n');
    const info = await client.waitForTemplateInfo(uri, (i) => i.template === 'learned-build');
    assert.equal(info.confidence, 'learned');
    const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'template/missing-section'));
    assert.match(published.diagnostics[0].message, /Missing section "Decisions": 3 of the last 3 minutes in this folder have it/);
  });
});
