/**
 * "Open Rule Documentation": the docs page of the rule behind the problem at the cursor, or
 * of a rule picked from the catalog (`minutes/rules`, in the user's language).
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import type { Lang } from '../../server/src/core';
import { RULES_METHOD, type RuleInfo } from '../../server/src/protocol';
import { say } from './preview/strings';

/** The `source` of the server's diagnostics. */
const SOURCE = 'minutes';

interface RuleAtCursor {
  id: string;
  url?: string;
}

/** `ruleId` comes from other commands (a code action, the preview); without it, the cursor or a picker decides. */
export async function openRuleDocs(client: LanguageClient, lang: Lang, ruleId?: unknown): Promise<void> {
  const catalog = await rules(client);
  if (typeof ruleId === 'string' && ruleId) {
    const url = catalog?.find((r) => r.id === ruleId)?.docsUrl ?? atCursor().find((r) => r.id === ruleId)?.url;
    if (url) await open(url);
    return;
  }
  const here = atCursor();
  if (here.length === 1 && here[0].url) {
    await open(here[0].url);
    return;
  }
  if (!catalog) {
    void vscode.window.showWarningMessage(say('ruleDocsUnavailable', lang));
    return;
  }
  const hereIds = new Set(here.map((r) => r.id));
  const items = [...catalog]
    .sort((a, b) => Number(hereIds.has(b.id)) - Number(hereIds.has(a.id)))
    .map((rule) => ({
      label: rule.id,
      description: hereIds.has(rule.id) ? `$(location) ${say('ruleDocsAtCursor', lang)}` : undefined,
      detail: rule.description,
      url: rule.docsUrl,
    }));
  const picked = await vscode.window.showQuickPick(items, { title: say('ruleDocsPick', lang), matchOnDetail: true });
  if (picked) await open(picked.url);
}

async function rules(client: LanguageClient): Promise<RuleInfo[] | undefined> {
  if (!client.isRunning()) return undefined;
  try {
    return await client.sendRequest<RuleInfo[]>(RULES_METHOD);
  } catch {
    return undefined;
  }
}

/** The rules of the minutes problems under the cursor in the active editor. */
function atCursor(): RuleAtCursor[] {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return [];
  const position = editor.selection.active;
  const found = new Map<string, RuleAtCursor>();
  for (const d of vscode.languages.getDiagnostics(editor.document.uri)) {
    if (d.source !== SOURCE || !d.range.contains(position)) continue;
    const code = typeof d.code === 'object' ? d.code : { value: d.code, target: undefined };
    if (code.value === undefined) continue;
    found.set(String(code.value), { id: String(code.value), url: code.target?.toString() });
  }
  return [...found.values()];
}

async function open(url: string): Promise<void> {
  await vscode.env.openExternal(vscode.Uri.parse(url, true));
}
