import { isPossibleLogin } from '../handle';
import type { HandleForge, RosterEntry, RosterSourceKind, RosterSourceResult } from '../types';
import { filled, problemAtLine, sourceMessages } from './problems';

/**
 * One person per item: `Wine93`, `@Wine93`, `gitee:myeuler 熊伟` (a forge prefix, then an
 * optional display name). Used for `contributors.handles` in `.minutesrc.json` and for plain
 * `.txt` lists of handles.
 */
export function parseHandleItem(item: string): Omit<RosterEntry, 'source' | 'roles'> | undefined {
  const m = /^(?:(github|gitee):)?@?(\S+)(?:\s+(\S.*))?$/i.exec(item.trim());
  if (!m || !isPossibleLogin(m[2])) return undefined;
  return { handle: m[2], forge: (m[1]?.toLowerCase() as HandleForge | undefined) ?? 'unknown', name: m[3] || undefined };
}

/** `contributors.handles` of a config file. */
export function inlineEntries(handles: readonly string[], configPath: string): RosterSourceResult {
  const entries: RosterEntry[] = [];
  const problems: RosterSourceResult['problems'] = [];
  handles.forEach((item, index) => {
    const entry = parseHandleItem(item);
    if (entry) entries.push({ ...entry, roles: [], source: { kind: 'config', path: configPath } });
    else problems.push({ path: configPath, message: filled(sourceMessages.notLoginItem, { item: index + 1 }), start: 0, end: 0 });
  });
  return { entries, problems };
}

/** A text file with one handle per line; `#` starts a comment. */
export function parseHandleList(text: string, path: string, kind: RosterSourceKind = 'handle-list'): RosterSourceResult {
  const entries: RosterEntry[] = [];
  const problems: RosterSourceResult['problems'] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, line) => {
    const content = raw.replace(/(?:^|\s)#.*$/, '').trim();
    if (!content) return;
    const entry = parseHandleItem(content);
    if (entry) entries.push({ ...entry, roles: [], source: { kind, path, line } });
    else problems.push(problemAtLine(path, text, line, sourceMessages.notLogin));
  });
  if (!entries.length) problems.push({ path, message: filled(sourceMessages.noPeople), start: 0, end: 0 });
  return { entries, problems };
}
