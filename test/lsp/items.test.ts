import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Hover } from 'vscode-languageserver';
import { ITEMS_METHOD, NEXT_MEETING_METHOD, type ItemsResult, type NextMeetingResult } from '../../server/src/protocol';
import { ROOT } from '../helpers';
import { TestClient } from './client';
import { TempWorkspace } from './workspace';

// A series of minutes in the editor: its items for the Action-items view, what new minutes carry
// over, an item's history on hover, and the series rules' diagnostics, over a real server.

function fixtureFiles(name: string): Record<string, string> {
  const dir = join(ROOT, 'test', 'fixtures', 'series', name);
  return Object.fromEntries(readdirSync(dir).map((f) => [`${name}/${f}`, readFileSync(join(dir, f), 'utf8')]));
}

describe('language server: the items of a series', () => {
  let workspace: TempWorkspace;
  let client: TestClient;

  before(async () => {
    workspace = new TempWorkspace({
      ...fixtureFiles('tc'),
      ...fixtureFiles('infra'),
      'README.md': '# Readme\n\n- [ ] @someone not minutes\n',
    });
    client = await TestClient.start({ root: workspace.root, initializationOptions: { language: 'en' } });
  });

  after(async () => {
    await client?.stop();
    workspace?.dispose();
  });

  it('lists the items of every series of the files it is given, open ones first, with their places', async () => {
    const uris = ['tc/20240306_minutes.md', 'tc/20240124_minutes.md', 'infra/2024-05-02.md', 'README.md'].map((f) => workspace.uri(f));
    const result = await client.connection.sendRequest<ItemsResult>(ITEMS_METHOD, { uris, today: '2024-06-01' });
    assert.deepEqual(
      result.series.map((s) => s.name),
      ['infra', 'tc'],
    );
    const infra = result.series[0].items;
    assert.deepEqual([infra[0].text, infra[0].overdue, infra[0].owners], ['book the summit room', true, ['@bo-sample']]);
    assert.equal(infra[0].uri, workspace.uri('infra/2024-05-16.md'));
    assert.deepEqual(
      infra[0].mentions.map((m) => [m.uri, m.line]),
      [
        [workspace.uri('infra/2024-05-09.md'), 19],
        [workspace.uri('infra/2024-05-16.md'), 10],
      ],
    );
    const tc = result.series[1].items;
    assert.ok(
      tc.some((i) => i.text === '整理 SIG 维护者名单' && i.open),
      JSON.stringify(tc.map((i) => i.text)),
    );
  });

  it('gives new minutes the next date of the cadence and the open actions with where they came from', async () => {
    const next = await client.connection.sendRequest<NextMeetingResult>(NEXT_MEETING_METHOD, {
      folder: workspace.uri('infra'),
      today: '2024-05-24',
    });
    assert.equal(next.date, '2024-05-30');
    assert.deepEqual(
      next.items.map((i) => [i.text, i.owners, i.uri, i.from.line]),
      [
        ['book the summit room', ['@bo-sample'], workspace.uri('infra/2024-05-16.md'), 10],
        ['pin the mirror to a second upstream', ['@cy-person'], workspace.uri('infra/2024-05-23.md'), 9],
      ],
    );
  });

  it("shows an item's history across the meetings on hover", async () => {
    const uri = workspace.uri('tc/20240221_minutes.md');
    const text = readFileSync(workspace.path('tc/20240221_minutes.md'), 'utf8');
    client.open(uri, text);
    const line = text.split('\n').findIndex((l) => l.includes('发布 24.03 版本计划'));
    const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line, character: 6 },
    });
    const value = (hover?.contents as { value: string } | undefined)?.value ?? '';
    assert.match(value, /\*\*24\.03 版本计划的发布\*\* — done since 2024-02-07/);
    assert.match(value, /\| \[2024-02-07\]\(file:.*20240207_minutes\.md#L17\) \| open \| 发布 24\.03 版本计划 \|/);
    assert.match(value, /\| \[2024-03-06\]\(file:.*20240306_minutes\.md#L7\) \| done \(完成\) \| 24\.03 版本计划的发布 \|/);
  });

  it('publishes series/dropped-item for the minutes that dropped an item', async () => {
    const uri = workspace.uri('tc/20240306_minutes.md');
    client.open(uri, readFileSync(workspace.path('tc/20240306_minutes.md'), 'utf8'));
    const diagnostics = await client.diagnosticsFor(uri, 1);
    const dropped = diagnostics.filter((d) => d.code === 'series/dropped-item');
    assert.deepEqual(
      dropped.map((d) => d.range.start.line),
      [5],
    );
  });
});
