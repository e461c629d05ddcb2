/**
 * `minutes/rules`: the rule catalog in the user's language, for the client's "Open Rule
 * Documentation" picker. The server owns the rules; the client does not bundle them.
 */
import { RequestType0, type Connection } from 'vscode-languageserver';
import { allRules, ruleDocsUrl, type Lang } from '../../core';
import { RULES_METHOD, type RuleInfo } from '../../protocol';

export const rulesRequest = new RequestType0<RuleInfo[], void>(RULES_METHOD);

export function ruleCatalog(lang: Lang): RuleInfo[] {
  return allRules.map((rule) => ({
    id: rule.id,
    description: rule.description[lang] || rule.description.en,
    defaultSeverity: rule.defaultSeverity,
    fixable: rule.fixable === true,
    docsUrl: ruleDocsUrl(rule.id),
  }));
}

export function registerRuleCatalog(connection: Connection, lang: () => Lang): void {
  connection.onRequest(rulesRequest, () => ruleCatalog(lang()));
}
