import type { RosterEntry, RosterSourceResult } from '../types';
import { parseCodeowners } from './codeowners';
import { parseHandleList } from './handleList';
import { parseOwners, parseOwnersAliases } from './owners';
import { filled, sourceMessages } from './problems';
import { parseSigInfo } from './sigInfo';
import { finish } from './jsonLists';
import { readingTeamJson } from './teamJson';

export { inlineEntries, parseHandleItem } from './handleList';

/** Roster file names looked for in a workspace folder when no `contributors.sources` are configured. */
export const AUTODETECTED_ROSTERS = [
  'team.json',
  'CODEOWNERS',
  '.github/CODEOWNERS',
  'docs/CODEOWNERS',
  'OWNERS',
  'OWNERS_ALIASES',
  'sig-info.yaml',
];

/** Which parser reads a roster file, from its name. */
export function rosterKind(
  path: string,
): 'team-json' | 'sig-info' | 'codeowners' | 'owners' | 'owners-aliases' | 'handle-list' | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (name === 'CODEOWNERS') return 'codeowners';
  if (name === 'OWNERS_ALIASES') return 'owners-aliases';
  if (name === 'OWNERS') return 'owners';
  if (/\.json$/i.test(name)) return 'team-json';
  if (/\.ya?ml$/i.test(name)) return 'sig-info';
  if (/\.txt$/i.test(name) || !name.includes('.')) return 'handle-list';
  return undefined;
}

/** Parses a roster file's text; what cannot be read is in `problems`, never thrown. */
export function parseRosterSource(path: string, text: string): RosterSourceResult {
  return finish(readingRosterSource(path, text));
}

/**
 * `parseRosterSource` in steps: a `team.json` (the large rosters) a few hundred people per step,
 * its entries pushed to `entries` as they are read; other files in one step.
 */
export function* readingRosterSource(path: string, text: string, entries?: RosterEntry[]): Generator<void, RosterSourceResult> {
  switch (rosterKind(path)) {
    case 'team-json':
      return yield* readingTeamJson(text, path, entries);
    case 'sig-info':
      return parseSigInfo(text, path);
    case 'codeowners':
      return parseCodeowners(text, path);
    case 'owners':
      return parseOwners(text, path);
    case 'owners-aliases':
      return parseOwnersAliases(text, path);
    case 'handle-list':
      return parseHandleList(text, path);
    default:
      return { entries: [], problems: [{ path, message: filled(sourceMessages.unknownKind), start: 0, end: 0 }] };
  }
}
