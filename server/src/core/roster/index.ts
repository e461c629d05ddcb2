/** Contributors: roster sources, the merged roster, handle syntax and how minutes mention people. */
export { Roster, type RosterInput, type KnownOptions } from './roster';
export { UsageIndex, scanUsage, dateInPath, type FileUsage, type HandleUsage } from './usage';
export { readMentions, readMention, mentionAt, type HandleMention } from './mentions';
export { loginProblem, isPossibleLogin, handleKey, type LoginProblem } from './handle';
export { documentForge } from './forge';
export { parseRosterSource, rosterKind, inlineEntries, parseHandleItem, AUTODETECTED_ROSTERS } from './sources';
export type { CompletionCandidate } from './search';
export type { HandleForge, Person, RosterEntry, RosterProblem, RosterSourceKind, RosterSourceRef, RosterSourceResult } from './types';
