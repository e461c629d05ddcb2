import type { Rule } from '../types';
import { duplicateTarget } from './duplicate-target';
import { foreignRepo } from './foreign-repo';
import { malformedPr } from './malformed-pr';
import { missingFile } from './missing-file';
import { numberMismatch } from './number-mismatch';
import { spacedSyntax } from './spaced-syntax';
import { split } from './split';
import { undefinedReference } from './undefined-reference';
import { unusedDefinition } from './unused-definition';

/** The offline link rules, in catalog order. */
export const linkRules: Rule[] = [
  spacedSyntax,
  split,
  malformedPr,
  duplicateTarget,
  numberMismatch,
  undefinedReference,
  unusedDefinition,
  foreignRepo,
  missingFile,
];
