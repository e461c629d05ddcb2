import { mojibakeOf } from '../../encoding/analyze';
import { mojibakeFindings, type MojibakeFinding } from '../../encoding/findings';
import { preview } from '../../encoding/preview';
import { charModel } from '../../encoding/zh-model';
import type { Fix, Rule, RuleContext } from '../types';

/**
 * The file-wide repair travels with every finding, one edit per place, so the findings of a file
 * grow as the square of its places: a 256 KiB file of mojibake has 6,000 of them, and 36 million
 * edits took gigabytes. Past this many places each finding keeps only its own repairs (the editor's
 * "fix all" of a rule, built once from the findings when asked, still repairs the whole file).
 */
const MAX_PLACES_REPAIRED_AT_ONCE = 50;

export const mojibake: Rule = {
  id: 'encoding/mojibake',
  defaultSeverity: 'warning',
  fixable: true,
  description: {
    en: 'Mojibake: UTF-8 text that was decoded with the wrong encoding (Windows-1252, Latin-1, GBK…) and saved.',
    zh: '乱码：UTF-8 文本被错误的编码（Windows-1252、Latin-1、GBK 等）解读后又被保存。',
  },
  messages: {
    lossless: {
      en: 'Mojibake: UTF-8 text read as {encoding} and saved again. It reads “{repair}”.',
      zh: '乱码：UTF-8 文本被当作 {encoding} 读取后又被保存，原文是「{repair}」。',
    },
    lossy: {
      en: 'Mojibake with lost bytes: UTF-8 text read as {encoding}; {lost} character(s) lost bytes and can only be guessed. Most likely “{repair}”.',
      zh: '乱码且有字节丢失：UTF-8 文本被当作 {encoding} 读取，其中 {lost} 个字符的字节已丢失，只能推测。最可能是「{repair}」。',
    },
    doubtful: {
      en: 'Mojibake with lost bytes: UTF-8 text read as {encoding}; this character lost bytes and no reading clearly wins. In “{context}”, most likely “{repair}”; choose among the fixes.',
      zh: '乱码且有字节丢失：UTF-8 文本被当作 {encoding} 读取，这个字符的字节已丢失，无法确定原字。在「{context}」中最可能是「{repair}」，请在修复选项中选择。',
    },
    fixExact: { en: 'Repair mojibake: “{repair}”', zh: '修复乱码：「{repair}」' },
    fixGuess: { en: 'Repair mojibake (best guess): “{repair}”', zh: '修复乱码（最佳推测）：「{repair}」' },
    fixAlternative: { en: 'Repair mojibake as “{repair}” (in “{context}”)', zh: '将乱码修复为「{repair}」（「{context}」）' },
    fixAll: { en: 'Repair all mojibake in this file ({count} places)', zh: '修复本文件中的全部乱码（{count} 处）' },
    fixAllGuess: {
      en: 'Repair all mojibake in this file ({count} places, {guessed} with guessed characters)',
      zh: '修复本文件中的全部乱码（{count} 处，其中 {guessed} 处含推测的字符）',
    },
  },
  async check(ctx) {
    const spans = mojibakeOf(ctx.doc);
    if (!spans.length) return;
    const findings = mojibakeFindings(ctx.doc.text, spans, charModel(await ctx.services.referenceText?.(ctx.doc.path)));
    const all = findings.length > 1 && findings.length <= MAX_PLACES_REPAIRED_AT_ONCE ? repairAllFix(ctx, findings) : undefined;
    for (const finding of findings) {
      const data = {
        encoding: encodingName(finding.encoding),
        repair: preview(finding.best),
        lost: finding.lostCount,
        context: contextOf(finding, finding.best),
      };
      const message = !finding.lostCount ? 'lossless' : finding.clear ? 'lossy' : 'doubtful';
      ctx.report({
        span: { start: finding.start, end: finding.end },
        message: ctx.t(message, data),
        fixes: [...findingFixes(ctx, finding), ...(all ? [all] : [])],
      });
    }
  },
};

function findingFixes(ctx: RuleContext, finding: MojibakeFinding): Fix[] {
  const edits = (newText: string) => [{ start: finding.start, end: finding.end, newText }];
  if (!finding.lostCount) {
    return [{ title: ctx.t('fixExact', { repair: preview(finding.best) }), edits: edits(finding.best), preferred: true, safe: true }];
  }
  // A guess is never safe: `--fix` leaves it to a person, `--fix-lossy` takes it only when it clearly wins.
  return [
    { title: ctx.t('fixGuess', { repair: preview(finding.best) }), edits: edits(finding.best), preferred: finding.clear },
    ...finding.alternatives.map((alt) => ({
      title: ctx.t('fixAlternative', { repair: preview(alt), context: contextOf(finding, alt) }),
      edits: edits(alt),
    })),
  ];
}

/** The repaired neighbourhood of a short finding, so a single guessed character can be judged. */
function contextOf(finding: MojibakeFinding, text: string): string {
  const before = [...finding.before].slice(-4).join('');
  const after = [...finding.after].slice(0, 4).join('');
  return preview(before + text + after);
}

function repairAllFix(ctx: RuleContext, findings: MojibakeFinding[]): Fix {
  const guessed = findings.filter((f) => f.lostCount > 0).length;
  return {
    title: guessed ? ctx.t('fixAllGuess', { count: findings.length, guessed }) : ctx.t('fixAll', { count: findings.length }),
    edits: findings.map((f) => ({ start: f.start, end: f.end, newText: f.best })),
    safe: guessed === 0,
  };
}

const ENCODING_NAMES: Record<string, string> = {
  'windows-1252': 'Windows-1252',
  'windows-1254': 'Windows-1254',
  'windows-1250': 'Windows-1250',
  'iso-8859-1': 'Latin-1',
  gbk: 'GBK',
};

function encodingName(encoding: string): string {
  return ENCODING_NAMES[encoding] ?? encoding;
}
