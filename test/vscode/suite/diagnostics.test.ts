import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { codeOf, describeAll, docsUrl, open, ours, revertAndClose, waitForCodes, waitForDiagnostics, withCode } from './helpers';

const { Error: E, Warning: W, Information: I } = vscode.DiagnosticSeverity;

/** One fixture per built-in template, with every problem it holds: rule@range (0-based) and severity. */
const expectations: Array<{ file: string; template: string; problems: Array<[string, vscode.DiagnosticSeverity]> }> = [
  {
    file: 'curve/2023/2023-05-18.md',
    template: 'curve-biweekly',
    problems: [
      ['template/missing-section@0:0-0:7', W], // `## 时间` is absent: reported on the heading after the gap
      ['privacy/meeting-secret@2:45-2:55', W], // `?pwd=…` of the meeting link
      ['link/duplicate-target@11:2-11:60', W], // the second item that links PR 2431
      ['encoding/invisible@15:5-15:6', W], // a zero-width space inside a PR title
    ],
  },
  {
    file: 'openeuler-tc/2023/20230412_minutes.txt',
    template: 'openeuler-tc (plain text)',
    problems: [
      ['template/deprecated-label@0:0-0:7', I], // `Data 日期`
      ['template/field-format@0:8-0:17', W], // `2023-4-12`
      ['privacy/meeting-secret@2:43-2:63', W],
      ['attendee/duplicate@6:17-6:19', W], // 李华 listed twice
    ],
  },
  {
    file: 'lctt/published/20230301.1 ⭐️ A Short Guide to Tmux.md',
    template: 'lctt-article/published',
    problems: [
      ['template/missing-field@5:15-5:18', W], // reviewer: " "
      ['link/undefined-reference@12:34-12:43', E], // [官方文档][2] with no [2]:
      ['template/placeholder@21:4-21:9', E], // 校对者ID
    ],
  },
  {
    file: 'handles/2023-10-12.md',
    template: 'curve-biweekly with a roster in .minutesrc.json',
    problems: [
      ['handle/unknown@17:60-17:67', W], // @Wnie93, one swap away from the roster's Wine93
      ['handle/invalid@18:60-18:70', W], // @David Lee: a name, not a login
    ],
  },
  {
    file: 'osh/4.13 会议记录.md',
    template: 'osh-group-meeting',
    problems: [
      ['privacy/email@2:11-2:38', W], // left by an editor's file header
      ['style/cjk-emphasis@12:2-12:9', W], // **结论：**本周
    ],
  },
];

describe('diagnostics in the Problems panel, per template', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  for (const { file, template, problems } of expectations) {
    it(`${template}: ${file} shows exactly its ${problems.length} problems, with rule codes, ranges, severities and docs links`, async () => {
      const editor = await open(file);
      const uri = editor.document.uri;
      const codes = problems.map(([p]) => p.slice(0, p.indexOf('@')));
      const diagnostics = await waitForCodes(uri, codes);
      assert.deepEqual(describeAll(diagnostics), problems.map(([p]) => p).sort());
      for (const [p, severity] of problems) {
        const d = diagnostics.find((x) => describeAll([x])[0] === p)!;
        assert.equal(d.severity, severity, `severity of ${p}`);
        assert.ok(d.message.length > 10, `message of ${p}`);
        assert.equal(typeof d.code === 'object' && d.code.target.toString(true), docsUrl(codeOf(d)), `docs link of ${p}`);
      }
    });
  }

  for (const file of ['curve/2023/2023-06-01.md', 'generic/2024-01-10.md']) {
    it(`a clean file (${file}) has no problem; typing a zero-width space adds one, undo removes it`, async () => {
      const editor = await open(file);
      const uri = editor.document.uri;
      // Lint results of an unchanged clean file cannot be told from "not linted yet", so make
      // the server prove it is watching: a defect typed in must appear, and leave on undo.
      const line = editor.document.lineCount - 2;
      await editor.edit((b) => b.insert(new vscode.Position(line, 0), '\u200b'));
      const found = await waitForCodes(uri, ['encoding/invisible']);
      assert.deepEqual(describeAll(found), [`encoding/invisible@${line}:0-${line}:1`]);
      await vscode.commands.executeCommand('undo');
      await waitForDiagnostics(uri, (ds) => ds.length === 0, { what: 'no diagnostics after undo' });
      assert.equal(editor.document.isDirty, false);
      await revertAndClose(editor);
    });
  }

  it('a folder .minutesrc.json applies: its severity override and its disabled rule', async () => {
    const editor = await open('configured/2023-09-07.md');
    // The file also holds a zero-width space, but that folder turns encoding/invisible off.
    const [d] = await waitForCodes(editor.document.uri, ['link/duplicate-target']);
    assert.equal(d.severity, E, 'configured as "error" (the default is warning)');
    assert.equal(d.range.start.line, 18);
  });

  it('communityMinutes.language = zh re-lints with Chinese messages, and back', async () => {
    const editor = await open('curve/2023/2023-05-18.md');
    const uri = editor.document.uri;
    const missingMessage = () => withCode(ours(uri), 'template/missing-section')[0]?.message ?? '';
    await waitForCodes(uri, ['template/missing-section', 'privacy/meeting-secret', 'link/duplicate-target', 'encoding/invisible']);
    assert.match(missingMessage(), /^Missing section "时间"/);
    const config = vscode.workspace.getConfiguration('communityMinutes');
    try {
      await config.update('language', 'zh', vscode.ConfigurationTarget.Workspace);
      await waitForDiagnostics(uri, () => /^缺少/.test(missingMessage()), { what: 'a Chinese message' });
      assert.match(missingMessage(), /缺少模板 curve-biweekly 要求的章节「时间」/);
    } finally {
      await config.update('language', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(uri, () => /^Missing section/.test(missingMessage()), { what: 'English messages again' });
  });
});
