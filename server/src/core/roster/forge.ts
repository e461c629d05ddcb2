import type { MinutesDocument } from '../model/types';
import type { Roster } from './roster';
import type { HandleForge } from './types';

/**
 * Which forge the document's logins belong to: what the roster declares, else where its links
 * point (Curve links github.com, openEuler gitee.com). `unknown` when nothing says; then only
 * what no forge accepts is flagged.
 */
export function documentForge(doc: MinutesDocument, roster: Roster | undefined): HandleForge {
  return roster?.forge ?? linkedForge(doc);
}

/**
 * The forge the document's links point to. Weak evidence of where its people's accounts are:
 * deepin links GitHub while its minutes name people by their forum nicknames (`@Avenger_285714`).
 */
export function linkedForge(doc: MinutesDocument): HandleForge {
  let github = 0;
  let gitee = 0;
  for (const link of doc.links) {
    const host = /^https?:\/\/(?:www\.)?([^/:]+)/i.exec(link.url)?.[1]?.toLowerCase();
    if (host === 'github.com') github++;
    else if (host === 'gitee.com') gitee++;
  }
  if (github > gitee) return 'github';
  if (gitee > github) return 'gitee';
  return 'unknown';
}
