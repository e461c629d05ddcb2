import type { Lang } from '../core';
import { format, type Message } from '../core/i18n/lang';

/** The server's own words (the rules bring theirs). */
const messages = {
  tooLarge: {
    en: 'This file is too large to check while typing ({size} KB; the limit is {limit} KB): run minutes-lint on it.',
    zh: '文件过大（{size} KB，上限 {limit} KB），编辑时不检查；请用 minutes-lint 检查。',
  },
  binary: { en: 'binary content (NUL bytes), not checked', zh: '二进制内容（含 NUL 字节），未检查' },
  disabled: { en: 'checking is disabled (communityMinutes.enable)', zh: '检查已关闭（communityMinutes.enable）' },
  notMinutes: {
    en: 'not recognised as minutes: no template detected and no "files" glob in .minutesrc.json matches',
    zh: '未识别为会议纪要：没有检测到模板，.minutesrc.json 的 "files" 也不匹配',
  },
  notInFiles: {
    en: 'not in the "files" of {config}',
    zh: '不在 {config} 的 "files" 范围内',
  },
  inFiles: { en: '{reason}; matched "files" of {config}', zh: '{reason}；匹配 {config} 的 "files"' },
  fixAllRule: { en: 'Fix all {rule} problems in this file', zh: '修复本文件中所有 {rule} 问题' },
  fixAllSafe: { en: 'Fix all auto-fixable minutes problems', zh: '修复所有可自动修复的纪要问题' },
  configProblem: { en: '{message} (defaults are used)', zh: '{message}（已使用默认配置）' },
  internalError: {
    en: 'Community Minutes could not check this file (internal error: {error}). Please report it; the other files are checked as usual.',
    zh: 'Community Minutes 无法检查此文件（内部错误：{error}）。请报告此问题；其他文件照常检查。',
  },
} satisfies Record<string, Message>;

export type MessageId = keyof typeof messages;

export function say(id: MessageId, lang: Lang, data?: Record<string, string | number>): string {
  return format(messages[id], lang, data);
}
