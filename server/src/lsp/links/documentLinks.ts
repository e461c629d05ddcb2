/**
 * `#2409` and `opencurve/curve#2409` written as text become clickable: GitHub renders them
 * as links, an editor should too. The tooltip says where they lead (and the title, when an
 * online check has learnt it).
 */
import type { DocumentLink } from 'vscode-languageserver';
import { apiBase } from '../../core/links/api';
import { shorthandLinks } from '../../core/links/urls';
import type { LinkStatusService } from '../../core/services';
import type { Analysis } from '../diagnostics/analysis';
import { toRange } from '../convert';

export function documentLinks(analysis: Analysis, lookups?: LinkStatusService): DocumentLink[] {
  if (analysis.kind !== 'linted') return [];
  const { doc } = analysis.result;
  const settings = analysis.links ?? {};
  return shorthandLinks(doc, settings).map(({ span, target, url }) => {
    const api = apiBase(target, settings);
    const status = api ? lookups?.cached?.(target, api) : undefined;
    const name = `${target.owner}/${target.repo}#${target.id}`;
    return {
      range: toRange(doc.lines, span),
      target: url,
      tooltip: status?.title ? `${name}: ${status.title}` : `${name} (${target.host})`,
    };
  });
}
