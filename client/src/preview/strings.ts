/** The words of the preview pane and the client's commands, in English and Chinese. No VS Code here: tests use it. */
import { format, type Lang, type Message } from '../../../server/src/core';

const strings = {
  panelTitle: { en: 'Preview {name}', zh: '预览 {name}' },
  linkOutside: { en: 'Not opened: "{href}" leads outside the workspace folder.', zh: '未打开：「{href}」指向工作区文件夹之外。' },
  summary: { en: 'Summary', zh: '摘要' },
  template: { en: 'Template', zh: '模板' },
  'confidence-configured': { en: 'configured', zh: '已配置' },
  'confidence-recognised': { en: 'recognised', zh: '已识别' },
  'confidence-learned': { en: 'learned', zh: '学习所得' },
  'confidence-guessed': { en: 'guessed: structure not checked', zh: '猜测：不检查结构' },
  'confidence-none': { en: 'not minutes', zh: '非纪要' },
  date: { en: 'Date', zh: '日期' },
  time: { en: 'Time', zh: '时间' },
  host: { en: 'Host', zh: '主持' },
  attendees: { en: 'Attendees ({count})', zh: '与会人（{count}）' },
  decisions: { en: 'Decisions ({count})', zh: '结论与决策（{count}）' },
  actionItems: { en: 'Action items ({count})', zh: '待办事项（{count}）' },
  links: { en: 'Linked PRs and issues ({count})', zh: '关联的 PR 与 issue（{count}）' },
  problems: { en: 'Problems ({count})', zh: '问题（{count}）' },
  none: { en: 'none', zh: '无' },
  notWritten: { en: 'not written', zh: '未填写' },
  noProblems: { en: 'No problems found.', zh: '未发现问题。' },
  counts: { en: 'errors: {errors} · warnings: {warnings} · notes: {infos}', zh: '{errors} 个错误，{warnings} 个警告，{infos} 条提示' },
  due: { en: 'due {date}', zh: '截止 {date}' },
  done: { en: 'done', zh: '已完成' },
  mentions: { en: 'linked {count} times', zh: '链接了 {count} 次' },
  line: { en: 'line {line}', zh: '第 {line} 行' },
  pull: { en: 'PR', zh: 'PR' },
  issue: { en: 'issue', zh: 'issue' },
  notChecked: { en: 'No summary: {reason}', zh: '无摘要：{reason}' },
  unavailable: {
    en: 'The summary is not available: the Community Minutes language server is not running.',
    zh: '摘要不可用：Community Minutes 语言服务器未运行。',
  },
  waiting: { en: 'Reading the minutes…', zh: '正在读取纪要…' },
  fromFileName: { en: 'from the file name', zh: '取自文件名' },
  fromTitle: { en: 'from the title', zh: '取自标题' },
  // Commands
  newMinutesTemplate: { en: 'Which template do the new minutes follow?', zh: '新纪要使用哪个模板？' },
  newMinutesFolder: { en: 'Where should the new minutes be created?', zh: '在哪个文件夹中创建新纪要？' },
  newMinutesBrowse: { en: 'Choose another folder…', zh: '选择其他文件夹…' },
  newMinutesCurrentFolder: { en: 'folder of the current file', zh: '当前文件所在文件夹' },
  newMinutesWorkspaceFolder: { en: 'workspace folder', zh: '工作区文件夹' },
  newMinutesName: { en: 'File name of the new minutes', zh: '新纪要的文件名' },
  newMinutesNamePattern: { en: 'The template expects a name like "{example}".', zh: '模板要求的文件名形如“{example}”。' },
  newMinutesExists: { en: '{name} already exists in this folder.', zh: '此文件夹中已有 {name}。' },
  newMinutesInvalidName: { en: 'A file name cannot be empty or contain / or \\.', zh: '文件名不能为空，也不能包含 / 或 \\。' },
  lintTitle: { en: 'Checking the minutes of the workspace', zh: '正在检查工作区中的会议纪要' },
  lintProgress: { en: '{done} of {total} files', zh: '{done} / {total} 个文件' },
  lintNoFolder: { en: 'Open a folder to check its minutes.', zh: '请先打开一个文件夹再检查其中的会议纪要。' },
  lintNoFiles: { en: 'No Markdown or text files were found in the workspace.', zh: '工作区中没有 Markdown 或文本文件。' },
  lintDone: {
    en: 'Checked {linted} minutes files ({skipped} other files skipped): {errors} errors, {warnings} warnings.',
    zh: '已检查 {linted} 个会议纪要文件（跳过 {skipped} 个其他文件）：{errors} 个错误，{warnings} 个警告。',
  },
  lintCancelled: {
    en: 'Stopped after {done} of {total} files: {errors} errors, {warnings} warnings so far.',
    zh: '已在 {done} / {total} 个文件后停止：目前 {errors} 个错误，{warnings} 个警告。',
  },
  lintFailed: { en: 'Checking the workspace failed: {message}', zh: '检查工作区失败：{message}' },
  showProblems: { en: 'Show Problems', zh: '显示问题' },
  ruleDocsPick: { en: 'Open the documentation of which rule?', zh: '打开哪条规则的文档？' },
  ruleDocsAtCursor: { en: 'at the cursor', zh: '光标处' },
  ruleDocsUnavailable: {
    en: 'The rule list is not available: the Community Minutes language server is not running.',
    zh: '无法获取规则列表：Community Minutes 语言服务器未运行。',
  },
} satisfies Record<string, Message>;

export type StringId = keyof typeof strings;

export function say(id: StringId, lang: Lang, data?: Record<string, string | number>): string {
  return format(strings[id], lang, data);
}
