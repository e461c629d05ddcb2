/** The few strings the client itself shows; everything else comes from the server, already localized. */
import { format, normalizeLang, type Lang, type Message } from '../../server/src/core/i18n/lang';
import * as vscode from 'vscode';
import { SETTINGS_SECTION } from './languageClient';

const messages = {
  noInfo: { en: 'No minutes template has been applied to this file yet.', zh: '尚未对此文件应用会议纪要模板。' },
  notLinted: { en: 'This file is not checked as minutes: {reason}', zh: '此文件未按会议纪要检查：{reason}' },
  applied: { en: 'Template: {name} ({id}), {reason}.', zh: '模板：{name}（{id}），{reason}。' },
  openConfig: { en: 'Open .minutesrc.json', zh: '打开 .minutesrc.json' },
  statusTooltip: { en: 'Minutes template: {reason}. Click for details.', zh: '会议纪要模板：{reason}。点击查看详情。' },
  noTemplate: { en: 'no template', zh: '无模板' },
} satisfies Record<string, Message>;

/** The `communityMinutes.language` setting, or VS Code's display language when it is `auto`. */
export function userLang(): Lang {
  const setting = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string>('language', 'auto');
  return setting === 'en' || setting === 'zh' ? setting : normalizeLang(vscode.env.language);
}

export function t(id: keyof typeof messages, data?: Record<string, string | number>): string {
  return format(messages[id], userLang(), data);
}
