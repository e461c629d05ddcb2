import type { RosterEntry, RosterSourceResult } from '../types';
import { filled, problemAtLine, sourceMessages } from './problems';
import { roleFromKey } from './roles';
import { readYaml, scalarAt, type YamlNode } from './yaml';

/**
 * openEuler's `sig-info.yaml`: people are mappings with a `gitee_id` (Gitee logins, so the
 * forge is kept), `name`, `email`, `organization`; the key of the list they are in is their role
 * (`maintainers`, and per repository `repo_admin`, `committers`, `contributors`; `keeper` of branches).
 */
export function parseSigInfo(text: string, path: string): RosterSourceResult {
  const { value, problems: yamlProblems } = readYaml(text);
  const problems = yamlProblems.map((p) =>
    problemAtLine(
      path,
      text,
      p.line,
      sourceMessages[p.message === 'tab' ? 'yamlTab' : p.message === 'syntax' ? 'yamlSyntax' : 'yamlIndentation'],
    ),
  );
  const entries: RosterEntry[] = [];
  const visit = (node: YamlNode | undefined, role: string | undefined): void => {
    if (!node) return;
    if (node.kind === 'seq') {
      for (const item of node.items) visit(item, role);
      return;
    }
    if (node.kind !== 'map') return;
    const handle = scalarAt(node, 'gitee_id')?.trim();
    if (handle) {
      entries.push({
        handle,
        forge: 'gitee',
        name: scalarAt(node, 'name')?.trim() || undefined,
        org: scalarAt(node, 'organization')?.trim() || undefined,
        email: scalarAt(node, 'email')?.trim() || undefined,
        roles: role ? [role] : [],
        source: { kind: 'sig-info', path, line: node.line },
      });
      return;
    }
    for (const entry of node.entries) visit(entry.value, entry.value?.kind === 'seq' ? roleFromKey(entry.key) : role);
  };
  visit(value, undefined);
  if (!entries.length) problems.push({ path, message: filled(sourceMessages.noPeople), start: 0, end: 0 });
  return { entries, problems };
}
