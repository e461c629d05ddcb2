/** Where each rule's page is: a module of its own, so a bundle that links a page does not carry the rules. */
export const DOCS_BASE = 'https://github.com/community-minutes/community-minutes/blob/main/docs/rules/';

export function ruleDocsUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}
