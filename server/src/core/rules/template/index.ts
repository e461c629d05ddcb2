import type { Rule } from '../types';
import { missingSection } from './missing-section';
import { sectionOrder } from './section-order';
import { headingLevel } from './heading-level';
import { numbering } from './numbering';
import { emptySection } from './empty-section';
import { topicConclusion } from './topic-conclusion';
import { missingField } from './missing-field';
import { fieldFormat } from './field-format';
import { deprecatedLabel } from './deprecated-label';
import { dateMismatch } from './date-mismatch';
import { filename } from './filename';
import { placeholder } from './placeholder';
import { fieldMismatch } from './field-mismatch';

export const templateRules: Rule[] = [
  missingSection,
  sectionOrder,
  headingLevel,
  missingField,
  fieldFormat,
  deprecatedLabel,
  numbering,
  emptySection,
  topicConclusion,
  dateMismatch,
  filename,
  placeholder,
  fieldMismatch,
];
