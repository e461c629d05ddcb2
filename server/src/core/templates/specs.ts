import type { ResolvedTemplate, SectionSpec } from './types';

/** Every section spec of the template, depth first, with its parent spec. */
export function walkSectionSpecs(
  specs: readonly SectionSpec[] | undefined,
  visit: (spec: SectionSpec, parent: SectionSpec | undefined, index: number) => void,
  parent?: SectionSpec,
): void {
  (specs ?? []).forEach((spec, index) => {
    visit(spec, parent, index);
    walkSectionSpecs(spec.children, visit, spec);
  });
}

export function sectionSpecById(template: ResolvedTemplate, id: string): SectionSpec | undefined {
  let found: SectionSpec | undefined;
  walkSectionSpecs(template.sections, (s) => {
    if (!found && s.id === id) found = s;
  });
  return found;
}
