import {
  ErrorCodes,
  ResponseError,
  type Location,
  type Position,
  type Range,
  type TextDocumentEdit,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex, parseMinutes, type Lang } from '../../core';
import { handleKey, loginProblem, mentionAt, readMentions, type HandleForge, type HandleMention, type Roster } from '../../core/roster';
import type { Analysis } from '../diagnostics/analysis';
import { toRange } from '../convert';
import { pathToUri } from '../uri';

/** The documents a workspace-wide handle operation reads: open editors first, then files on disk. */
export interface HandleWorkspace {
  /** Open minutes documents with their paths (unsaved text wins over the disk). */
  openDocuments(): Array<{ document: TextDocument; path: string }>;
  readFile(path: string): string | undefined;
}

/** The person mention under the cursor (teams and `@David Lee` are not renamed). */
export function mentionUnderCursor(document: TextDocument, position: Position, analysis: Analysis): HandleMention | undefined {
  if (analysis.kind !== 'linted' || analysis.result.doc.text !== document.getText()) return undefined;
  const doc = analysis.result.doc;
  const mention = mentionAt(readMentions(doc.text, doc.mentions), document.offsetAt(position));
  return mention && mention.kind === 'person' && !mention.spacedName ? mention : undefined;
}

/** The login's range (without `@`) and the text to edit, or null where there is nothing to rename. */
export function prepareRename(
  document: TextDocument,
  position: Position,
  analysis: Analysis,
): { range: Range; placeholder: string } | null {
  const mention = mentionUnderCursor(document, position, analysis);
  if (!mention) return null;
  return {
    range: { start: document.positionAt(mention.handleSpan.start), end: document.positionAt(mention.handleSpan.end) },
    placeholder: mention.handle,
  };
}

const messages = {
  invalid: { en: '"{name}" cannot be a login', zh: '「{name}」不可能是账号' },
};

/**
 * Renames a login in every minutes file that mentions it: the open documents and the files the
 * roster's usage index lists. Roster files are left alone: they say who a person is, a rename in
 * the minutes corrects how they were credited.
 */
export function renameHandle(
  handle: string,
  newName: string,
  workspace: HandleWorkspace,
  roster: Roster | undefined,
  forge: HandleForge,
  options: { lang: Lang; documentChanges: boolean },
): WorkspaceEdit {
  const login = newName.trim().replace(/^@/, '');
  if (loginProblem(login, forge)) {
    throw new ResponseError(ErrorCodes.InvalidParams, messages.invalid[options.lang].replace('{name}', login));
  }
  const documentChanges: TextDocumentEdit[] = [];
  const changes: Record<string, TextEdit[]> = {};
  for (const target of mentionsEverywhere(handle, workspace, roster)) {
    const edits = target.mentions.map((m) => ({ range: toRange(target.lines, m.handleSpan), newText: login }));
    documentChanges.push({ textDocument: { uri: target.uri, version: target.version ?? null }, edits });
    changes[target.uri] = edits;
  }
  return options.documentChanges ? { documentChanges } : { changes };
}

/** Every mention of the login in the workspace's minutes, and (with the declaration) its roster lines. */
export function handleReferences(
  handle: string,
  workspace: HandleWorkspace,
  roster: Roster | undefined,
  includeDeclaration: boolean,
): Location[] {
  const locations: Location[] = [];
  for (const target of mentionsEverywhere(handle, workspace, roster)) {
    for (const m of target.mentions) locations.push({ uri: target.uri, range: toRange(target.lines, m.handleSpan) });
  }
  if (includeDeclaration) {
    for (const source of roster?.declared(handle)?.sources ?? []) {
      if (source.line === undefined) continue;
      const text = workspace.readFile(source.path);
      if (text === undefined) continue;
      const lines = new LineIndex(text);
      const lineText = lines.lineText(source.line);
      const at = lineText.toLowerCase().indexOf(handle.toLowerCase());
      const start = lines.lineStart(source.line) + Math.max(0, at);
      locations.push({ uri: pathToUri(source.path), range: toRange(lines, { start, end: at < 0 ? start : start + handle.length }) });
    }
  }
  return locations;
}

interface Target {
  uri: string;
  version?: number;
  lines: LineIndex;
  mentions: HandleMention[];
}

function mentionsEverywhere(handle: string, workspace: HandleWorkspace, roster: Roster | undefined): Target[] {
  const key = handleKey(handle);
  const targets: Target[] = [];
  const open = workspace.openDocuments();
  const openPaths = new Set(open.map((o) => o.path));
  const read = (uri: string, path: string, text: string, version?: number) => {
    const doc = parseMinutes(text, path);
    const mentions = readMentions(doc.text, doc.mentions).filter(
      (m) => m.kind === 'person' && !m.spacedName && handleKey(m.handle) === key,
    );
    if (mentions.length) targets.push({ uri, version, lines: doc.lines, mentions });
  };
  for (const { document, path } of open) read(document.uri, path, document.getText(), document.version);
  for (const path of roster?.filesMentioning(handle) ?? []) {
    if (openPaths.has(path)) continue;
    const text = workspace.readFile(path);
    if (text !== undefined) read(pathToUri(path), path, text);
  }
  return targets;
}
