import type { MinutesDocument, Section } from '../model/types';
import { findSections } from './match';
import type { SectionSpec } from '../templates/types';

/** A template section found in the document, with its place in the template. */
export interface MatchedSection {
  spec: SectionSpec;
  /** The spec list the spec belongs to (its siblings, itself included) and its index there. */
  siblings: readonly SectionSpec[];
  index: number;
  /** The first matching section: the one the template's checks are about. */
  section: Section;
  /** Every matching section in scope, in document order. */
  all: Section[];
  /** The match of the parent spec, for child specs. */
  parent?: MatchedSection;
}

/**
 * Matches the template's section specs to the document, level by level: child specs are looked
 * for only inside the first section their parent spec matched, as `template/missing-section` does,
 * so every structure rule agrees on which heading is "the" `会议内容`.
 */
export function matchOutline(doc: MinutesDocument, specs: readonly SectionSpec[] | undefined): MatchedSection[] {
  const out: MatchedSection[] = [];
  const visit = (list: readonly SectionSpec[], parent: MatchedSection | undefined): void => {
    const scope = parent ? descendants(parent.section) : doc.sections;
    list.forEach((spec, index) => {
      const all = findSections(doc, spec, scope);
      if (!all.length) return;
      const match: MatchedSection = { spec, siblings: list, index, section: all[0], all, parent };
      out.push(match);
      if (spec.children?.length) visit(spec.children, match);
    });
  };
  visit(specs ?? [], undefined);
  return out;
}

export function descendants(section: Section): Section[] {
  return section.children.flatMap((c) => [c, ...descendants(c)]);
}

/** Groups matches by the spec list they belong to (one group per parent), keeping template order. */
export function siblingGroups(matches: readonly MatchedSection[]): MatchedSection[][] {
  const groups = new Map<readonly SectionSpec[], MatchedSection[]>();
  for (const m of matches) {
    const group = groups.get(m.siblings);
    if (group) group.push(m);
    else groups.set(m.siblings, [m]);
  }
  return [...groups.values()];
}
