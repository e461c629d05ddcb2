import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { applyAction, codeActionsWhen, codeOf, open, revertAndClose, waitForCodes, waitForDiagnostics, withCode } from './helpers';

const CURVE = 'curve/2023/2023-05-18.md';
const TC = 'openeuler-tc/2023/20230412_minutes.txt';

describe('quick fixes (code actions) applied to the document', () => {
  afterEach(async () => {
    for (const editor of vscode.window.visibleTextEditors) if (editor.document.isDirty) await revertAndClose(editor);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('template/missing-section: the preferred fix inserts the "## 时间" skeleton, dated from the file name, and the problem goes away', async () => {
    const editor = await open(CURVE);
    const uri = editor.document.uri;
    const [missing] = withCode(
      await waitForCodes(uri, ['template/missing-section', 'privacy/meeting-secret', 'link/duplicate-target', 'encoding/invisible']),
      'template/missing-section',
    );
    const actions = await codeActionsWhen(uri, missing.range, 'quickfix', (as) => as.some((a) => a.isPreferred));
    const preferred = actions.filter((a) => a.isPreferred);
    assert.deepEqual(
      preferred.map((a) => a.title),
      ['Insert section "时间"'],
    );
    await applyAction(preferred[0]);
    assert.ok(
      editor.document.getText().startsWith('## 时间\n\n2023/05/18 19:00~19:30\n\n## 加入会议\n'),
      editor.document.getText().slice(0, 80),
    );
    await waitForDiagnostics(uri, (ds) => ds.length > 0 && !ds.some((d) => codeOf(d) === 'template/missing-section'), {
      what: 'missing-section to go',
    });
  });

  it('encoding/invisible: the fix removes the zero-width space and nothing else', async () => {
    const editor = await open(CURVE);
    const uri = editor.document.uri;
    const before = editor.document.getText();
    const [invisible] = withCode(
      await waitForCodes(uri, ['template/missing-section', 'privacy/meeting-secret', 'link/duplicate-target', 'encoding/invisible']),
      'encoding/invisible',
    );
    const [fix] = (await codeActionsWhen(uri, invisible.range, 'quickfix', (as) => as.some((a) => a.isPreferred))).filter(
      (a) => a.isPreferred,
    );
    assert.equal(fix.title, 'Remove U+200B');
    await applyAction(fix);
    assert.equal(editor.document.getText(), before.replace('\u200b', ''));
    await waitForCodes(uri, ['template/missing-section', 'privacy/meeting-secret', 'link/duplicate-target']);
  });

  it('attendee/duplicate: the fix removes the second "李华" from 与会人', async () => {
    const editor = await open(TC);
    const uri = editor.document.uri;
    const [duplicate] = withCode(
      await waitForCodes(uri, ['template/deprecated-label', 'template/field-format', 'privacy/meeting-secret', 'attendee/duplicate']),
      'attendee/duplicate',
    );
    const actions = await codeActionsWhen(uri, duplicate.range, 'quickfix', (as) => as.some((a) => a.title.includes('李华')));
    const fix = actions.find((a) => a.isPreferred && a.title.includes('李华'));
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    await applyAction(fix);
    assert.equal(editor.document.lineAt(6).text, '与会人：王小明、李华、赵一、钱二');
    await waitForCodes(uri, ['template/deprecated-label', 'template/field-format', 'privacy/meeting-secret']);
  });

  it("handle/unknown: the did-you-mean fix writes the roster's login", async () => {
    const editor = await open('handles/2023-10-12.md');
    const uri = editor.document.uri;
    const [unknown] = withCode(await waitForCodes(uri, ['handle/unknown', 'handle/invalid']), 'handle/unknown');
    const actions = await codeActionsWhen(uri, unknown.range, 'quickfix', (as) => as.some((a) => a.isPreferred));
    const fix = actions.find((a) => a.isPreferred)!;
    assert.match(fix.title, /Wine93/);
    await applyAction(fix);
    assert.match(editor.document.lineAt(17).text, / @Wine93（review 中）$/);
    await waitForCodes(uri, ['handle/invalid']);
  });

  it('source.fixAll.minutes applies every safe fix in one edit; what needs a person stays', async () => {
    const editor = await open(CURVE);
    const uri = editor.document.uri;
    await waitForCodes(uri, ['template/missing-section', 'privacy/meeting-secret', 'link/duplicate-target', 'encoding/invisible']);
    const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
    const actions = await codeActionsWhen(uri, whole, 'source.fixAll.minutes', (as) => as.length > 0);
    assert.deepEqual(
      actions.map((a) => a.kind?.value),
      ['source.fixAll.minutes'],
    );
    await applyAction(actions[0]);
    const text = editor.document.getText();
    assert.ok(text.startsWith('## 时间\n\n2023/05/18 19:00~19:30\n\n## 加入会议\n'), text.slice(0, 60));
    assert.ok(text.includes('会议链接：https://meeting.tencent.com/dm/abcdEFGH\n'), 'password removed from the link');
    assert.ok(!text.includes('\u200b'), 'zero-width space removed');
    // Left: which of the two items links the wrong PR (no fix); the skeleton's date came from the
    // file name, so there is no placeholder to fill in.
    await waitForCodes(uri, ['link/duplicate-target']);
  });
});
