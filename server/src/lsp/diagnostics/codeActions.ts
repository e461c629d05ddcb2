import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic as LspDiagnostic,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { mergeFixEdits, type Diagnostic, type Fix, type Lang } from '../../core';
import type { Analysis } from './analysis';
import { isDiagnosticData, SOURCE, toLspEdit } from '../convert';
import { say } from '../messages';
import type { DiagnosticData } from '../../protocol';

/** `editor.codeActionsOnSave: { "source.fixAll.minutes": "explicit" }` applies the safe fixes. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.minutes`;

export interface CodeActionEnv {
  lang: Lang;
  /** The client accepts versioned edits, so a stale fix is refused instead of garbling text. */
  documentChanges: boolean;
}

/**
 * Quick fixes come from the diagnostics' own `data` (the fixes the rule computed); the
 * "fix all" actions come from the current analysis, merged by the core so edits never clash.
 */
export function codeActions(
  params: CodeActionParams,
  document: TextDocument,
  analysis: Analysis | undefined,
  env: CodeActionEnv,
): CodeAction[] {
  const wants = (kind: string) => !params.context.only || params.context.only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const actions: CodeAction[] = [];
  const ours = params.context.diagnostics.filter((d) => d.source === SOURCE && isDiagnosticData(d.data));
  const dataOf = (d: LspDiagnostic) => d.data as DiagnosticData;

  if (wants(CodeActionKind.QuickFix)) {
    for (const diagnostic of ours) {
      const data = dataOf(diagnostic);
      if (data.version !== document.version) continue;
      for (const fix of data.fixes) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: fix.preferred === true,
          edit: workspaceEdit(document, fix.edits, env),
        });
      }
    }
  }

  const current = analysis?.kind === 'linted' && analysis.version === document.version ? analysis : undefined;
  if (!current) return actions;
  const lines = current.result.doc.lines;

  if (wants(CodeActionKind.QuickFix)) {
    const rules = [...new Set(ours.map((d) => dataOf(d).rule))];
    for (const rule of rules) {
      const fixes = current.result.diagnostics
        .filter((d) => d.rule === rule)
        .map(chosenFix)
        .filter((f): f is Fix => f !== undefined);
      if (fixes.length < 2) continue;
      actions.push({
        title: say('fixAllRule', env.lang, { rule }),
        kind: CodeActionKind.QuickFix,
        diagnostics: ours.filter((d) => dataOf(d).rule === rule),
        edit: workspaceEdit(
          document,
          mergeFixEdits(fixes).map((e) => toLspEdit(lines, e)),
          env,
        ),
      });
    }
  }

  if (wants(FIX_ALL_KIND)) {
    const safe = current.result.diagnostics.map(chosenFix).filter((f): f is Fix => f?.safe === true);
    if (safe.length) {
      actions.push({
        title: say('fixAllSafe', env.lang),
        kind: FIX_ALL_KIND,
        diagnostics: ours,
        edit: workspaceEdit(
          document,
          mergeFixEdits(safe).map((e) => toLspEdit(lines, e)),
          env,
        ),
      });
    }
  }
  return actions;
}

/** The fix "fix all" applies: the preferred one, or the only one; never a guess among several. */
function chosenFix(d: Diagnostic): Fix | undefined {
  return d.fixes.find((f) => f.preferred) ?? (d.fixes.length === 1 ? d.fixes[0] : undefined);
}

function workspaceEdit(document: TextDocument, edits: LspTextEdit[], env: CodeActionEnv): WorkspaceEdit {
  if (env.documentChanges) {
    return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] };
  }
  return { changes: { [document.uri]: edits } };
}
