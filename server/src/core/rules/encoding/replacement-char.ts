import { insideMojibake } from '../../encoding/analyze';
import type { Rule } from '../types';

/** U+FFFD, and `锟斤拷`: two U+FFFD in UTF-8 (EF BF BD EF BF BD) read as GBK. */
const LOST = /\ufffd+|(?:锟斤拷)+/g;

export const replacementChar: Rule = {
  id: 'encoding/replacement-char',
  defaultSeverity: 'warning',
  description: {
    en: 'U+FFFD or 锟斤拷: characters a wrong decoding has already replaced and lost.',
    zh: 'U+FFFD 或「锟斤拷」：错误解码已经替换掉的字符，原字符已丢失。',
  },
  messages: {
    replacement: {
      en: 'Characters already lost: “{text}” (U+FFFD) is what a decoder writes for bytes it could not read; the original characters are not in this file any more. Recover the passage from version control (an earlier commit) or reopen the original file with its real encoding.',
      zh: '字符已丢失：「{text}」（U+FFFD）是解码器对无法识别的字节写入的替代字符，原字符已不在本文件中。请从版本控制的早先提交中找回这段文字，或用正确的编码重新打开原文件。',
    },
    kunjinkao: {
      en: 'Characters already lost: “{text}” is U+FFFD replacement characters read as GBK; the original characters are not in this file any more. Recover the passage from version control (an earlier commit) or reopen the original file with its real encoding.',
      zh: '字符已丢失：「{text}」是替代字符 U+FFFD 被当作 GBK 读取的结果，原字符已不在本文件中。请从版本控制的早先提交中找回这段文字，或用正确的编码重新打开原文件。',
    },
  },
  check(ctx) {
    const { doc } = ctx;
    for (const match of doc.text.matchAll(LOST)) {
      const start = match.index;
      // U+FFFD inside GBK mojibake stands for one lost byte there: encoding/mojibake repairs it.
      if (insideMojibake(doc, start)) continue;
      ctx.report({
        span: { start, end: start + match[0].length },
        message: ctx.t(match[0].startsWith('\ufffd') ? 'replacement' : 'kunjinkao', { text: match[0] }),
      });
    }
  },
};
