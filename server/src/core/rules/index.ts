import { attendeeRules } from './attendee';
import { encodingRules } from './encoding';
import { handleRules } from './handle';
import { linkRules } from './link';
import { privacyRules } from './privacy';
import { seriesRules } from './series';
import { styleRules } from './style';
import { templateRules } from './template';
import type { Rule } from './types';

/** Every rule, in catalog order. The docs pages and the config schema are derived from this list. */
export const allRules: readonly Rule[] = [
  ...templateRules,
  ...linkRules,
  ...encodingRules,
  ...handleRules,
  ...attendeeRules,
  ...privacyRules,
  ...styleRules,
  ...seriesRules,
];

const byId = new Map(allRules.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}

export { DOCS_BASE, ruleDocsUrl } from './docs';
