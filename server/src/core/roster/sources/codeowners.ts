import { isPossibleLogin } from '../handle';
import type { RosterEntry, RosterSourceResult } from '../types';
import { filled, problemAtLine, sourceMessages } from './problems';

/**
 * `CODEOWNERS`: `pattern @owner @org/team someone@example.com`. Users become code owners;
 * teams and e-mail addresses name no one login and are skipped. GitLab's `[Section]` headers
 * may carry default owners, which count too.
 */
export function parseCodeowners(text: string, path: string): RosterSourceResult {
  const entries: RosterEntry[] = [];
  const problems: RosterSourceResult['problems'] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, line) => {
    const content = raw.replace(/(?:^|\s)#.*$/, '').trim();
    if (!content) return;
    const section = /^\^?\[[^\]]*\](?:\[\d+\])?/.exec(content);
    // A section header's owners follow it; a rule's owners follow its pattern.
    const owners = section ? content.slice(section[0].length).trim().split(/\s+/) : splitUnescaped(content).slice(1);
    for (const owner of owners.filter(Boolean)) {
      if (!owner.startsWith('@')) continue; // an e-mail address
      const handle = owner.slice(1);
      if (handle.includes('/')) continue; // @org/team
      if (!isPossibleLogin(handle)) {
        problems.push(problemAtLine(path, text, line, sourceMessages.notLogin));
        continue;
      }
      entries.push({ handle, forge: 'github', roles: ['codeowner'], source: { kind: 'codeowners', path, line } });
    }
  });
  if (!entries.length) problems.push({ path, message: filled(sourceMessages.noPeople), start: 0, end: 0 });
  return { entries, problems };
}

/** Splits at whitespace not escaped by a backslash (`docs/my\ file.md @owner`). */
function splitUnescaped(text: string): string[] {
  return text.split(/(?<!\\)\s+/);
}
