import { strict as assert } from 'node:assert';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient } from './client';
import { CURVE_WITHOUT_TIME, README } from './texts';
import { TempWorkspace } from './workspace';

const MISSING = 'template/missing-section';
const missing = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === MISSING);
const MINUTES = 'curve/2023/2023-05-18.md';

describe('language server over stdio: .minutesrc.json', () => {
  let workspace: TempWorkspace;
  let client: TestClient | undefined;

  afterEach(async () => {
    await client?.stop();
    client = undefined;
    workspace.dispose();
  });

  it('reports a config syntax error on the config file, uses the defaults, and keeps answering', async () => {
    const broken = '{\n  "rules": {\n    "template/missing-section": "error"\n  \n';
    workspace = new TempWorkspace({ '.minutesrc.json': broken, [MINUTES]: CURVE_WITHOUT_TIME });
    client = await TestClient.start({ root: workspace.root });
    const uri = workspace.uri(MINUTES);
    client.open(uri, CURVE_WITHOUT_TIME);
    const configUri = workspace.uri('.minutesrc.json');
    const configDiagnostics = (await client.waitForDiagnostics(configUri, (p) => p.diagnostics.length > 0)).diagnostics;
    assert.ok(configDiagnostics.every((d) => d.source === 'minutes'));
    assert.equal(configDiagnostics[0].severity, 1);
    assert.match(configDiagnostics[0].message, /JSON syntax error/);
    assert.ok(configDiagnostics[0].range.start.line >= 3, JSON.stringify(configDiagnostics[0].range));

    // The broken file is ignored: the default severity (warning) applies, not the "error" it tried to set.
    const d = missing(await client.diagnosticsFor(uri, 1));
    assert.equal(d.length, 1);
    assert.equal(d[0].severity, 2);
    const symbols = await client.symbols(uri);
    assert.ok(symbols.length > 0);
  });

  it('reports a bad severity where it is written, and fixing the file on disk clears it', async () => {
    const bad = '{\n  // comments are allowed\n  "rules": { "template/missing-section": "loud" }\n}\n';
    workspace = new TempWorkspace({ '.minutesrc.json': bad });
    client = await TestClient.start({ root: workspace.root });
    const uri = workspace.uri(MINUTES);
    client.open(uri, CURVE_WITHOUT_TIME);
    const configUri = workspace.uri('.minutesrc.json');
    const [problem] = (await client.waitForDiagnostics(configUri, (p) => p.diagnostics.length > 0)).diagnostics;
    assert.equal(problem.severity, 2);
    assert.match(problem.message, /severity must be one of/);
    assert.equal(problem.range.start.line, 2);
    assert.equal(problem.range.start.character, '  "rules": { '.length);

    workspace.write('.minutesrc.json', '{ "rules": { "template/missing-section": "info" } }\n');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 2 }] });
    await client.waitForDiagnostics(configUri, (p) => p.diagnostics.length === 0, 'cleared config diagnostics');
    await client.waitForDiagnostics(uri, (p) => missing(p.diagnostics)[0]?.severity === 3, 'severity info');
  });

  it('reloads on didChangeWatchedFiles: a changed severity is applied to open documents', async () => {
    workspace = new TempWorkspace({ '.minutesrc.json': '{ "rules": { "template/missing-section": "error" } }' });
    client = await TestClient.start({ root: workspace.root });
    const uri = workspace.uri(MINUTES);
    client.open(uri, CURVE_WITHOUT_TIME);
    assert.equal(missing(await client.diagnosticsFor(uri, 1))[0]?.severity, 1);

    workspace.write('.minutesrc.json', '{ "rules": { "template/missing-section": "hint" } }');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: workspace.uri('.minutesrc.json'), type: 2 }] });
    const reloaded = await client.waitForDiagnostics(uri, (p) => missing(p.diagnostics)[0]?.severity === 4, 'severity hint');
    assert.equal(reloaded.version, 1, 'same document version, new configuration');

    workspace.write('.minutesrc.json', '{ "rules": { "template/missing-section": "off" } }');
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: workspace.uri('.minutesrc.json'), type: 2 }] });
    await client.waitForDiagnostics(uri, (p) => missing(p.diagnostics).length === 0, 'rule turned off');
  });

  it('an open, edited (unsaved) .minutesrc.json applies at once, and its own problems are shown', async () => {
    workspace = new TempWorkspace({ '.minutesrc.json': '{}' });
    client = await TestClient.start({ root: workspace.root });
    const uri = workspace.uri(MINUTES);
    client.open(uri, CURVE_WITHOUT_TIME);
    assert.equal(missing(await client.diagnosticsFor(uri, 1)).length, 1);

    const configUri = workspace.uri('.minutesrc.json');
    client.open(configUri, '{}', 'jsonc');
    client.change(configUri, [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } },
        text: '{ "rules": { "template/missing-section": "off" } }',
      },
    ]);
    await client.waitForDiagnostics(uri, (p) => missing(p.diagnostics).length === 0, 'rule turned off from the buffer');

    client.change(configUri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: '{ "unknownKey": 1,' }]);
    const [problem] = (await client.waitForDiagnostics(configUri, (p) => p.diagnostics.length > 0)).diagnostics;
    assert.match(problem.message, /unknown key "unknownKey"/);
    assert.deepEqual(problem.range.start, { line: 0, character: 2 });
  });

  it('an unknown template name is reported on the "template" value', async () => {
    workspace = new TempWorkspace({ '.minutesrc.json': '{\n  "template": "curve-weekly"\n}\n' });
    client = await TestClient.start({ root: workspace.root });
    client.open(workspace.uri(MINUTES), CURVE_WITHOUT_TIME);
    const [problem] = (await client.waitForDiagnostics(workspace.uri('.minutesrc.json'), (p) => p.diagnostics.length > 0)).diagnostics;
    assert.match(problem.message, /unknown template "curve-weekly"/);
    assert.deepEqual(problem.range, { start: { line: 1, character: 14 }, end: { line: 1, character: 28 } });
  });

  it('"files" globs decide which documents are minutes', async () => {
    workspace = new TempWorkspace({ '.minutesrc.json': '{ "files": ["meetings/**/*.md"], "template": "curve-biweekly" }' });
    client = await TestClient.start({ root: workspace.root });
    const inside = workspace.uri('meetings/2023/notes.md');
    client.open(inside, README);
    assert.ok(missing(await client.diagnosticsFor(inside, 1)).length > 0, 'a configured template applies to every file the globs match');
    const info = await client.waitForTemplateInfo(inside);
    assert.equal(info.template, 'curve-biweekly');
    assert.match(info.reason, /configured in .*\.minutesrc\.json/);

    const outside = workspace.uri('curve/2023/2023-05-18.md');
    client.open(outside, CURVE_WITHOUT_TIME);
    assert.deepEqual(await client.diagnosticsFor(outside, 1), [], 'outside the globs even a detectable minutes file is left alone');
    assert.match((await client.waitForTemplateInfo(outside)).reason, /not in the "files"/);
  });

  it('asks the client to watch config files and the roster and template files a config names', async () => {
    workspace = new TempWorkspace({
      'minutes/.minutesrc.json':
        '{ "template": "../shared/team.minutes-template.json", "contributors": { "sources": ["../people/team.json"] } }',
      'shared/team.minutes-template.json': JSON.stringify({
        id: 'team',
        name: 'Team',
        sections: [{ id: 'notes', names: ['Notes'], required: true }],
      }),
    });
    client = await TestClient.start({ root: workspace.root });
    const uri = workspace.uri('minutes/2024-01-01.md');
    client.open(uri, '# Meeting\n\n## Agenda\n\n- plans\n');
    assert.equal(missing(await client.diagnosticsFor(uri, 1)).length, 1, 'the team template requires "Notes"');
    type Watchers = { watchers: Array<{ globPattern: string | { baseUri: string; pattern: string } }> };
    const patterns = () =>
      client!.registrations
        .filter((r) => r.method === 'workspace/didChangeWatchedFiles')
        .map((r) =>
          (r.registerOptions as Watchers).watchers.map((w) =>
            typeof w.globPattern === 'string' ? w.globPattern : `${w.globPattern.baseUri}|${w.globPattern.pattern}`,
          ),
        );
    await client.until(() => patterns().some((p) => p.length === 3), 'watchers for referenced files');
    assert.deepEqual(patterns().at(-1), [
      '**/.minutesrc.json',
      `${workspace.uri('people')}|team.json`,
      `${workspace.uri('shared')}|team.minutes-template.json`,
    ]);

    // A change to the team template re-lints: "Notes" is no longer required.
    workspace.write(
      'shared/team.minutes-template.json',
      JSON.stringify({ id: 'team', name: 'Team', sections: [{ id: 'notes', names: ['Notes'] }] }),
    );
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: workspace.uri('shared/team.minutes-template.json'), type: 2 }] });
    await client.waitForDiagnostics(uri, (p) => missing(p.diagnostics).length === 0, 'template change applied');
  });
});
