/** The words of the byte-level checks, in English and Chinese. No VS Code here: tests use it. */
import { format, type Lang, type Message } from '../../../server/src/core';
import { describeEncoding, type ByteProblem } from './bytes';

const strings = {
  damagingGbk: {
    en: 'This file is not UTF-8 (from line {line} on): it looks like GBK/GB18030 Chinese, but VS Code read it as UTF-8 and shows the characters it could not read as �. Saving it now would replace them for good: reopen it with the GBK or GB18030 encoding first, then save it as UTF-8.',
    zh: '此文件不是 UTF-8 编码（从第 {line} 行起）：它看起来是 GBK/GB18030 编码的中文，但 VS Code 按 UTF-8 读取，把无法读取的字符显示为 �。现在保存会永久替换这些字符：请先用 GBK 或 GB18030 编码重新打开，再保存为 UTF-8。',
  },
  damagingUnknown: {
    en: 'This file is not UTF-8 (from line {line} on), but VS Code read it as UTF-8 and shows the bytes it could not read as �. Saving it now would replace them for good: reopen it with its real encoding first, then save it as UTF-8.',
    zh: '此文件不是 UTF-8 编码（从第 {line} 行起），但 VS Code 按 UTF-8 读取，把无法读取的字节显示为 �。现在保存会永久替换这些字节：请先用它实际的编码重新打开，再保存为 UTF-8。',
  },
  legacyNamed: {
    en: "This file is encoded in {encoding}, not UTF-8: other tools and the forge's web pages may show it garbled. Save it with the UTF-8 encoding.",
    zh: '此文件使用 {encoding} 编码，而不是 UTF-8：其他工具和代码托管平台的网页可能显示为乱码。请以 UTF-8 编码保存。',
  },
  legacyUnnamed: {
    en: "This file is not encoded in UTF-8: other tools and the forge's web pages may show it garbled. Save it with the UTF-8 encoding.",
    zh: '此文件不是 UTF-8 编码：其他工具和代码托管平台的网页可能显示为乱码。请以 UTF-8 编码保存。',
  },
  bomUnwanted: {
    en: 'The file starts with a UTF-8 byte order mark (BOM), which this team does not want (setting communityMinutes.encoding.bom is "forbid").',
    zh: '文件以 UTF-8 字节顺序标记（BOM）开头，而团队不允许使用 BOM（设置 communityMinutes.encoding.bom 为 "forbid"）。',
  },
  bomMissing: {
    en: 'The file does not start with a UTF-8 byte order mark (BOM), which this team requires (setting communityMinutes.encoding.bom is "require").',
    zh: '文件没有以 UTF-8 字节顺序标记（BOM）开头，而团队要求使用 BOM（设置 communityMinutes.encoding.bom 为 "require"）。',
  },
  removeBom: { en: 'Remove the byte order mark (BOM)', zh: '删除字节顺序标记（BOM）' },
  addBom: { en: 'Add a UTF-8 byte order mark (BOM)', zh: '添加 UTF-8 字节顺序标记（BOM）' },
  reopenAs: { en: 'Reopen with the {encoding} encoding', zh: '用 {encoding} 编码重新打开' },
  reopenWith: { en: 'Reopen with Encoding…', zh: '通过编码重新打开…' },
  saveWith: { en: 'Save with Encoding…', zh: '通过编码保存…' },
  convertToUtf8: { en: 'Convert the file to UTF-8', zh: '将文件转换为 UTF-8' },
  notifyGbk: {
    en: '{file} is not UTF-8: it looks like GBK/GB18030 Chinese ("{sample}"). VS Code read it as UTF-8, so saving it now would damage it.',
    zh: '{file} 不是 UTF-8 编码：它看起来是 GBK/GB18030 编码的中文（“{sample}”）。VS Code 按 UTF-8 读取了它，现在保存会损坏文件。',
  },
  notifyUnknown: {
    en: '{file} is not UTF-8 (from line {line} on). VS Code read it as UTF-8, so saving it now would damage it.',
    zh: '{file} 不是 UTF-8 编码（从第 {line} 行起）。VS Code 按 UTF-8 读取了它，现在保存会损坏文件。',
  },
  reopenFailed: { en: 'Could not reopen {file}: {message}', zh: '无法重新打开 {file}：{message}' },
  convertFailed: { en: 'Could not convert {file} to UTF-8: {message}', zh: '无法将 {file} 转换为 UTF-8：{message}' },
  bomChangeFailed: { en: 'Could not change the byte order mark of {file}: {message}', zh: '无法修改 {file} 的字节顺序标记：{message}' },
} satisfies Record<string, Message>;

export type EncodingStringId = keyof typeof strings;

export function sayEncoding(id: EncodingStringId, lang: Lang, data?: Record<string, string | number>): string {
  return format(strings[id], lang, data);
}

/** The diagnostic's message for a problem (lines are shown 1-based). */
export function problemMessage(problem: ByteProblem, lang: Lang): string {
  if (problem.id === 'encoding/bom') return sayEncoding(problem.kind === 'unwanted' ? 'bomUnwanted' : 'bomMissing', lang);
  const line = (problem.facts.firstInvalid?.line ?? 0) + 1;
  if (problem.kind === 'damaging')
    return sayEncoding(problem.facts.encoding === 'gb18030' ? 'damagingGbk' : 'damagingUnknown', lang, { line });
  const name = describeEncoding(problem.editorEncoding ?? problem.facts.encoding);
  return name ? sayEncoding('legacyNamed', lang, { encoding: name }) : sayEncoding('legacyUnnamed', lang);
}
