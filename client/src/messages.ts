/**
 * The few strings the client itself shows; everything else comes from the server, already
 * localized. Client strings are `{ en, zh }` messages (here, preview/strings.ts and
 * encoding/strings.ts), not `vscode.l10n`: they follow the `communityMinutes.language` setting
 * like the server's messages do (vscode.l10n only knows VS Code's display language), and tests
 * read them without VS Code. The manifest's own strings are in package.nls*.json.
 */
import { format, normalizeLang, type Lang, type Message } from '../../server/src/core';
import * as vscode from 'vscode';
import { SETTINGS_SECTION } from './languageClient';

const messages = {
  noInfo: { en: 'No minutes template has been applied to this file yet.', zh: '尚未对此文件应用会议纪要模板。' },
  notLinted: { en: 'This file is not checked as minutes: {reason}', zh: '此文件未按会议纪要检查：{reason}' },
  applied: { en: 'Template: {name} ({id}), {reason}.', zh: '模板：{name}（{id}），{reason}。' },
  openConfig: { en: 'Open .minutesrc.json', zh: '打开 .minutesrc.json' },
  statusTooltip: { en: 'Minutes template: {reason}. Click to change it.', zh: '会议纪要模板：{reason}。点击更改。' },
  statusTooltipWhy: {
    en: 'Minutes template {id}, {explanation}\n\nClick to change it.',
    zh: '会议纪要模板 {id}：{explanation}\n\n点击更改。',
  },
  appliedWhy: { en: 'Template: {name} ({id}), {explanation}', zh: '模板：{name}（{id}），{explanation}' },
  learnNoFolder: {
    en: 'Open a minutes file, or pick a folder in the Explorer, to learn its template.',
    zh: '请打开一个纪要文件，或在资源管理器中选择文件夹，以学习其模板。',
  },
  learnNothing: {
    en: 'No series of 3 or more minutes with a common format in {folder}: nothing to learn.',
    zh: '{folder} 中没有 3 份以上格式一致的系列纪要：无从学习。',
  },
  learnWrote: {
    en: 'Wrote {file}: {summary}. Pin it so every file of the folder is checked against it?',
    zh: '已写入 {file}：{summary}。要固定它，让该目录的每个文件都按它检查吗？',
  },
  learnOverwrite: { en: '{file} exists. Replace it with the template learned now?', zh: '{file} 已存在。要用现在学习到的模板替换它吗？' },
  learnReplace: { en: 'Replace', zh: '替换' },
  learnPin: { en: 'Pin in .minutesrc.json', zh: '固定到 .minutesrc.json' },
  learnPinned: { en: 'Pinned: {config} now names {file}.', zh: '已固定：{config} 现在指定 {file}。' },
  noTemplate: { en: 'no template', zh: '无模板' },
  browserNote: {
    en: "In the browser: no git and no folder listing here, so handles come from the roster files and the open minutes (not from the commit history or all the repository's minutes), forks are told apart by the repository opened, not by its remotes, and the template is recognised from this file alone, not learned from its series.",
    zh: '在浏览器中：这里没有 git，也无法列出文件夹，因此账号只来自名单文件和已打开的纪要（不来自提交历史或仓库中的全部纪要），派生仓库按所打开的仓库判断，而不是按其远程地址，模板只根据本文件识别，而不从同系列纪要中学习。',
  },
  changeTemplate: { en: 'Change Template…', zh: '更改模板…' },
  changeTemplateNoEditor: { en: 'Open a minutes file to choose its template.', zh: '请先打开一个会议纪要文件再选择模板。' },
  changeTemplateTitle: { en: 'Template for {file}', zh: '{file} 使用的模板' },
  changeTemplateWrites: {
    en: 'Writes "template" in {config}, for every minutes file it applies to',
    zh: '写入 {config} 的 "template"，对其适用的所有纪要文件生效',
  },
  changeTemplateCreates: {
    en: 'Creates {config} with "template", for every minutes file of the folder',
    zh: '创建含 "template" 的 {config}，对该文件夹中的所有纪要文件生效',
  },
  changeTemplateCurrent: { en: 'current', zh: '当前' },
  changeTemplateDetect: { en: 'Detect automatically', zh: '自动识别' },
  changeTemplateDetectDetail: {
    en: 'Removes "template" from the configuration: each file\'s template is detected from its content.',
    zh: '从配置中删除 "template"：按每个文件的内容识别模板。',
  },
  changeTemplateOwn: {
    en: "{config} names the team's own template. Replace it with a built-in one?",
    zh: '{config} 指定了团队自己的模板。要替换为内置模板吗？',
  },
  changeTemplateReplace: { en: 'Replace', zh: '替换' },
  changeTemplateCreated: {
    en: 'Created {config}: its minutes now follow the template {template}.',
    zh: '已创建 {config}：其中的纪要现在使用模板 {template}。',
  },
  changeTemplateSyntax: {
    en: '{config} has a syntax error: fix it first, then change the template.',
    zh: '{config} 有语法错误：请先修正，再更改模板。',
  },
  changeTemplateNotObject: {
    en: '{config} is not a JSON object: fix it first, then change the template.',
    zh: '{config} 不是 JSON 对象：请先修正，再更改模板。',
  },
} satisfies Record<string, Message>;

/** The `communityMinutes.language` setting, or VS Code's display language when it is `auto`. */
export function userLang(): Lang {
  const setting = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string>('language', 'auto');
  return setting === 'en' || setting === 'zh' ? setting : normalizeLang(vscode.env.language);
}

export function t(id: keyof typeof messages, data?: Record<string, string | number>): string {
  return format(messages[id], userLang(), data);
}
