/** The skeleton snippet of each built-in template, as "New minutes" types it. Pure, for tests. */
import curveSnippets from '../../../snippets/curve-biweekly.json';
import genericSnippets from '../../../snippets/generic.json';
import lcttSnippets from '../../../snippets/lctt-article.json';
import openeulerSnippets from '../../../snippets/openeuler-tc.json';
import oshSnippets from '../../../snippets/osh-group-meeting.json';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
}

const snippetFiles: Array<Record<string, Snippet>> = [curveSnippets, genericSnippets, lcttSnippets, openeulerSnippets, oshSnippets];

/** A template's skeleton: the snippet whose prefix is the template's id (the manifest test keeps them linting cleanly). */
export function skeletonSnippet(templateId: string): string | undefined {
  for (const file of snippetFiles) {
    for (const snippet of Object.values(file)) {
      const prefixes = Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix];
      if (prefixes.includes(templateId)) return Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body;
    }
  }
  return undefined;
}
