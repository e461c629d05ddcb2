import { insideMojibake } from '../../encoding/analyze';
import type { Rule } from '../types';

type Kind = 'zeroWidth' | 'bidi' | 'control';

/** Names users can search for; controls are known by their code. */
const NAMES: Record<number, string> = {
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x2060: 'WORD JOINER',
  0xfeff: 'BYTE ORDER MARK',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x061c: 'ARABIC LETTER MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
};

/**
 * Full-width punctuation and the ideographic space U+3000 are correct Chinese and are not here;
 * tab, line feed and carriage return are the only controls text needs.
 */
function kindOf(code: number): Kind | undefined {
  if (code === 0x200b || code === 0x200c || code === 0x200d || code === 0x2060 || code === 0xfeff) return 'zeroWidth';
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069) || code === 0x200e || code === 0x200f || code === 0x061c)
    return 'bidi';
  if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f)) return 'control';
  return undefined;
}

const JOINING_SCRIPT =
  /[\p{Script=Arabic}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}\p{Script=Gujarati}\p{Script=Gurmukhi}\p{Script=Oriya}\p{Script=Syriac}\p{Script=Mongolian}]/u;
const EMOJI_PART = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\ufe0f]/u;

/** Joiners do real work inside emoji sequences (👩‍💻) and in scripts that join letters. */
function joinerAtWork(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code !== 0x200c && code !== 0x200d) return false;
  const before = String.fromCodePoint(
    text.codePointAt(index - 1 >= 0 && /[\udc00-\udfff]/.test(text[index - 1]) ? index - 2 : index - 1) ?? 0,
  );
  const after = String.fromCodePoint(text.codePointAt(index + 1) ?? 0);
  if (code === 0x200d && EMOJI_PART.test(before) && EMOJI_PART.test(after)) return true;
  return JOINING_SCRIPT.test(before) && JOINING_SCRIPT.test(after);
}

/**
 * `\u200b\t\t问题`: editors such as Typora put a zero-width space before indentation so that
 * Markdown keeps it as indentation instead of reading the line as code. Removing it would
 * change how the minutes render.
 */
function keepsIndent(text: string, index: number): boolean {
  if (text.charCodeAt(index) !== 0x200b || !/[ \t\u3000]/.test(text[index + 1] ?? '')) return false;
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  return /^[ \t]*$/.test(text.slice(lineStart, index));
}

export const invisible: Rule = {
  id: 'encoding/invisible',
  defaultSeverity: 'warning',
  fixable: true,
  description: {
    en: 'Invisible characters: zero-width characters, bidirectional controls, a byte order mark in mid-text, C0/C1 control characters.',
    zh: '不可见字符：零宽字符、双向文本控制符、文中的字节顺序标记（BOM）、C0/C1 控制字符。',
  },
  messages: {
    zeroWidth: {
      en: 'Invisible character {codes} ({names}): it cannot be seen but breaks search, links and @handles. Remove it.',
      zh: '不可见字符 {codes}（{names}）：看不见，却会让搜索、链接和 @用户名失效。请删除。',
    },
    bom: {
      en: 'Byte order mark {codes} in mid-text: a file was pasted or concatenated with its BOM. Remove it.',
      zh: '文中出现字节顺序标记 {codes}（BOM）：通常是拼接或粘贴文件时带入的。请删除。',
    },
    bidi: {
      en: 'Bidirectional control character {codes} ({names}): the text displays in a different order than it is stored, which can hide what a change really says from review (a security issue). Remove it.',
      zh: '双向文本控制符 {codes}（{names}）：文字的显示顺序与实际存储顺序不同，可能让评审者看不出改动的真实内容（安全问题）。请删除。',
    },
    control: {
      en: 'Control character {codes} in the text, left by a copy or a broken conversion. Remove it.',
      zh: '文中有控制字符 {codes}，多半来自复制或错误的转换。请删除。',
    },
    fix: { en: 'Remove {codes}', zh: '删除 {codes}' },
  },
  check(ctx) {
    const { doc } = ctx;
    const text = doc.text;
    let i = 0;
    while (i < text.length) {
      const kind = kindOf(text.charCodeAt(i));
      // A BOM at offset 0 is a file's encoding signature, not part of the text.
      const skip =
        !kind || (i === 0 && text.charCodeAt(0) === 0xfeff) || joinerAtWork(text, i) || keepsIndent(text, i) || insideMojibake(doc, i);
      if (skip) {
        i++;
        continue;
      }
      let end = i + 1;
      while (end < text.length && kindOf(text.charCodeAt(end)) === kind && !joinerAtWork(text, end) && !insideMojibake(doc, end)) end++;
      const chars = [...text.slice(i, end)];
      const codes = [...new Set(chars.map((c) => 'U+' + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')))].join(' ');
      const names = [...new Set(chars.map((c) => NAMES[c.charCodeAt(0)]).filter(Boolean))].join(', ');
      const messageId = kind === 'zeroWidth' && chars.every((c) => c === '\ufeff') ? 'bom' : kind;
      ctx.report({
        span: { start: i, end },
        message: ctx.t(messageId, { codes, names }),
        fixes: [{ title: ctx.t('fix', { codes }), edits: [{ start: i, end, newText: '' }], preferred: true, safe: true }],
      });
      i = end;
    }
  },
};
