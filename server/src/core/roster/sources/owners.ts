import { isPossibleLogin } from '../handle';
import type { RosterEntry, RosterSourceResult } from '../types';
import { filled, problemAtLine, sourceMessages } from './problems';
import { roleFromKey } from './roles';
import { readYaml, type YamlNode } from './yaml';

// Keys of an OWNERS file that list people; `labels` and `options` do not.
const PEOPLE_KEYS = /^(?:approvers|reviewers|emeritus_approvers|emeritus_reviewers|required_reviewers)$/;

/**
 * Kubernetes-style `OWNERS`: `approvers`, `reviewers` (also inside `filters`), GitHub logins
 * or the names of groups that `OWNERS_ALIASES` defines.
 */
export function parseOwners(text: string, path: string): RosterSourceResult {
  const { value, problems } = readOwnersYaml(text, path);
  const entries: RosterEntry[] = [];
  const visit = (node: YamlNode | undefined): void => {
    if (node?.kind !== 'map') return;
    for (const entry of node.entries) {
      if (PEOPLE_KEYS.test(entry.key)) entries.push(...logins(entry.value, roleFromKey(entry.key), 'owners', path, text, problems));
      else if (entry.key === 'filters' && entry.value?.kind === 'map') for (const filter of entry.value.entries) visit(filter.value);
    }
  };
  visit(value);
  if (!entries.length) problems.push({ path, message: filled(sourceMessages.noPeople), start: 0, end: 0 });
  return { entries, problems };
}

/** `OWNERS_ALIASES`: `aliases: { sig-docs-approvers: [alice, bob] }`. Members are listed, and the groups kept for `OWNERS`. */
export function parseOwnersAliases(text: string, path: string): RosterSourceResult {
  const { value, problems } = readOwnersYaml(text, path);
  const entries: RosterEntry[] = [];
  const groups: Record<string, string[]> = {};
  const aliases = value?.kind === 'map' ? value.entries.find((e) => e.key === 'aliases')?.value : undefined;
  if (aliases?.kind === 'map') {
    for (const alias of aliases.entries) {
      const members = logins(alias.value, 'member', 'owners-aliases', path, text, problems);
      groups[alias.key] = members.map((m) => m.handle!);
      entries.push(...members);
    }
  }
  if (!entries.length) problems.push({ path, message: filled(sourceMessages.noPeople), start: 0, end: 0 });
  return { entries, problems, groups };
}

function readOwnersYaml(text: string, path: string) {
  const { value, problems } = readYaml(text);
  return {
    value,
    problems: problems.map((p) =>
      problemAtLine(
        path,
        text,
        p.line,
        sourceMessages[p.message === 'tab' ? 'yamlTab' : p.message === 'syntax' ? 'yamlSyntax' : 'yamlIndentation'],
      ),
    ),
  };
}

function logins(
  node: YamlNode | undefined,
  role: string,
  kind: 'owners' | 'owners-aliases',
  path: string,
  text: string,
  problems: RosterSourceResult['problems'],
): RosterEntry[] {
  if (node?.kind !== 'seq') return [];
  const out: RosterEntry[] = [];
  for (const item of node.items) {
    if (item.kind !== 'scalar') continue;
    const handle = item.value.trim().replace(/^@/, '');
    // Group names (`sig-docs-approvers`) pass too: they are resolved against OWNERS_ALIASES.
    if (!isPossibleLogin(handle)) {
      problems.push(problemAtLine(path, text, item.line, sourceMessages.notLogin));
      continue;
    }
    out.push({ handle, forge: 'github', roles: [role], source: { kind, path, line: item.line } });
  }
  return out;
}
