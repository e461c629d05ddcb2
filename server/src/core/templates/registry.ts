import curveBiweekly from './builtin/curve-biweekly.json';
import generic from './builtin/generic.json';
import lcttArticle from './builtin/lctt-article.json';
import openeulerTc from './builtin/openeuler-tc.json';
import oshGroupMeeting from './builtin/osh-group-meeting.json';
import type { TemplateSpec } from './types';

/** The built-in templates, most specific first; `generic` is the fallback and comes last. */
export const builtinTemplates: readonly TemplateSpec[] = [
  curveBiweekly as TemplateSpec,
  openeulerTc as TemplateSpec,
  lcttArticle as TemplateSpec,
  oshGroupMeeting as TemplateSpec,
  generic as TemplateSpec,
];

export function builtinTemplate(id: string): TemplateSpec | undefined {
  return builtinTemplates.find((t) => t.id === id);
}
