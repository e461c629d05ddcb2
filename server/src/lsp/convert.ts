import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type Range } from 'vscode-languageserver';
import { ruleDocsUrl, type Diagnostic, type LineIndex, type Severity, type Span, type TextEdit } from '../core';
import type { DiagnosticData, DiagnosticFixData } from '../protocol';

export const SOURCE = 'minutes';

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toRange(lines: LineIndex, span: Span): Range {
  return { start: lines.position(span.start), end: lines.position(span.end) };
}

export function toLspEdit(lines: LineIndex, edit: TextEdit): DiagnosticFixData['edits'][number] {
  return { range: toRange(lines, edit), newText: edit.newText };
}

/** A core diagnostic in LSP terms; its fixes travel in `data` for the code actions. */
export function toLspDiagnostic(d: Diagnostic, lines: LineIndex, version: number): LspDiagnostic {
  const data: DiagnosticData = {
    rule: d.rule,
    version,
    fixes: d.fixes.map((f) => ({ title: f.title, preferred: f.preferred, safe: f.safe, edits: f.edits.map((e) => toLspEdit(lines, e)) })),
  };
  return {
    range: toRange(lines, d.span),
    severity: severities[d.severity],
    code: d.rule,
    codeDescription: { href: ruleDocsUrl(d.rule) },
    source: SOURCE,
    message: d.message,
    data,
  };
}

export function isDiagnosticData(value: unknown): value is DiagnosticData {
  const v = value as DiagnosticData | undefined;
  return typeof v === 'object' && v !== null && typeof v.rule === 'string' && typeof v.version === 'number' && Array.isArray(v.fixes);
}
