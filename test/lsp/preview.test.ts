import { strict as assert } from 'node:assert';
import {
  CHECK_FILE_NAME_METHOD,
  PROPOSE_FILE_NAME_METHOD,
  RENDER_METHOD,
  type CheckFileNameResult,
  type ProposedFileName,
  type RenderParams,
  type RenderResult,
} from '../../server/src/protocol';
import { TestClient } from './client';
import { TempWorkspace } from './workspace';

// What the VS Code client asks the server so that it carries neither an HTML parser nor the
// pattern engine: the preview's page, and the names of new minutes.

const TOKEN = 'cm-image-0123456789abcdef01234567-';

describe('language server: minutes/render, minutes/proposeFileName, minutes/checkFileName', () => {
  let workspace: TempWorkspace;
  let client: TestClient;

  before(async () => {
    workspace = new TempWorkspace({});
    client = await TestClient.start({ root: workspace.root, initializationOptions: { language: 'zh' } });
  });

  after(async () => {
    await client?.stop();
    workspace?.dispose();
  });

  const render = (params: RenderParams) => client.connection.sendRequest<RenderResult | null>(RENDER_METHOD, params);

  it("renders the open document's text, sanitized, with its relative images named by the token", async () => {
    const uri = workspace.uri('notes/2024-03-14.md');
    client.open(uri, '# 会议 <script>alert(1)</script>\n\n![合影](../images/a.png) ![远程](https://example.org/b.png)\n');
    const result = await render({ uri, remoteImages: false, imageToken: TOKEN });
    assert.ok(result, 'an answer for an open document');
    assert.equal(result.version, 1);
    assert.deepEqual(result.images, ['../images/a.png']);
    assert.match(result.html, new RegExp(`<img src="${TOKEN}0" alt="合影"`));
    assert.doesNotMatch(result.html, /<script/);
    // Remote images only when the user allows them: else a link, nothing fetched.
    assert.match(result.html, /<a href="https:\/\/example\.org\/b\.png"[^>]*class="remote-image"/);
    assert.match((await render({ uri, remoteImages: true, imageToken: TOKEN }))?.html ?? '', /<img src="https:\/\/example\.org\/b\.png"/);

    client.change(uri, [{ text: '# 会议\n\n第二版\n' }]);
    const changed = await render({ uri, remoteImages: false, imageToken: TOKEN });
    assert.equal(changed?.version, 2);
    assert.match(changed?.html ?? '', /第二版/);
  });

  it('renders plain-text minutes line by line, and answers null for a document it was not given', async () => {
    const uri = workspace.uri('tc/20240306_minutes.txt');
    client.open(uri, '# not a heading\n<b>as written</b>\n', 'plaintext');
    const result = await render({ uri, remoteImages: false, imageToken: TOKEN });
    assert.match(result?.html ?? '', /# not a heading/);
    assert.match(result?.html ?? '', /&#x3C;b>as written&#x3C;\/b>|&lt;b&gt;as written/);
    assert.equal(await render({ uri: workspace.uri('never-opened.md'), remoteImages: false, imageToken: TOKEN }), null);
  });

  it("proposes a built-in template's file name for a date, and checks a name against its pattern", async () => {
    const propose = (template: string, date: string) =>
      client.connection.sendRequest<ProposedFileName | null>(PROPOSE_FILE_NAME_METHOD, { template, date });
    const check = (template: string, name: string) =>
      client.connection.sendRequest<CheckFileNameResult>(CHECK_FILE_NAME_METHOD, { template, name });
    assert.deepEqual(await propose('openeuler-tc', '2024-05-01'), { name: '20240501_minutes.md', selection: [0, 16] });
    assert.deepEqual(await propose('osh-group-meeting', '2024-05-01'), { name: '5.1 会议记录.md', selection: [0, 8] });
    assert.equal(await propose('no-such-template', '2024-05-01'), null);
    assert.equal(await propose('curve-biweekly', 'someday'), null);
    assert.deepEqual(await check('curve-biweekly', '2024-05-01.md'), {});
    assert.deepEqual(await check('curve-biweekly', 'notes.md'), { problem: 'pattern' });
    assert.deepEqual(await check('curve-biweekly', '../2024-05-01.md'), { problem: 'invalid' });
    assert.deepEqual(await check('no-such-template', 'notes.md'), {});
  });
});
