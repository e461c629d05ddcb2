import type { HtmlComment } from '../model/types';
import type { LineIndex } from '../text/lines';

/**
 * `<!-- minutes-disable [ids] -->` … `<!-- minutes-enable [ids] -->` and
 * `<!-- minutes-disable-next-line [ids] -->`. No ids means every rule.
 */
export interface Suppressions {
  isSuppressed(rule: string, offset: number): boolean;
}

interface Region {
  rules: Set<string> | 'all';
  start: number;
  end: number;
}

const DIRECTIVE = /minutes-(disable-next-line|disable-line|disable|enable)\b([^>]*?)(?:-->|$)/;

export function readSuppressions(comments: HtmlComment[], lines: LineIndex, textLength: number): Suppressions {
  const regions: Region[] = [];
  const open: Array<{ rules: Set<string> | 'all'; start: number }> = [];
  for (const comment of comments) {
    const m = DIRECTIVE.exec(comment.text);
    if (!m) continue;
    const ids = m[2].split(/[\s,]+/).filter((s) => s && s !== '--');
    const rules: Set<string> | 'all' = ids.length ? new Set(ids) : 'all';
    const line = lines.position(comment.span.start).line;
    switch (m[1]) {
      case 'disable-next-line': {
        const next = lines.position(comment.span.end).line + 1;
        regions.push({ rules, start: lines.lineStart(next), end: lines.lineEnd(next) + 1 });
        break;
      }
      case 'disable-line':
        regions.push({ rules, start: lines.lineStart(line), end: lines.lineEnd(line) + 1 });
        break;
      case 'disable':
        open.push({ rules, start: comment.span.start });
        break;
      case 'enable':
        for (let i = open.length - 1; i >= 0; i--) {
          const o = open[i];
          const closes = rules === 'all' || o.rules === 'all' || [...rules].some((r) => (o.rules as Set<string>).has(r));
          if (closes) {
            regions.push({ rules: o.rules, start: o.start, end: comment.span.start });
            open.splice(i, 1);
          }
        }
        break;
    }
  }
  for (const o of open) regions.push({ rules: o.rules, start: o.start, end: textLength + 1 });
  return {
    isSuppressed(rule, offset) {
      return regions.some((r) => r.start <= offset && offset < r.end && (r.rules === 'all' || r.rules.has(rule)));
    },
  };
}
