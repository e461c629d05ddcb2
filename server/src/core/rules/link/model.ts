import { linkModel, type LinkModel } from '../../links/document';
import type { RuleContext } from '../types';

/** The shared link model of the document being checked, under this run's `links` settings. */
export function modelOf(ctx: RuleContext): LinkModel {
  return linkModel(ctx.doc, ctx.links ?? {});
}
