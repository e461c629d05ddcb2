import type { Rule } from '../types';
import { duplicateTarget } from './duplicate-target';
import { foreignRepo } from './foreign-repo';
import { kindMismatch } from './kind-mismatch';
import { malformedPr } from './malformed-pr';
import { missingFile } from './missing-file';
import { notFound } from './not-found';
import { numberMismatch } from './number-mismatch';
import { spacedSyntax } from './spaced-syntax';
import { split } from './split';
import { undefinedReference } from './undefined-reference';
import { unusedDefinition } from './unused-definition';

/** The link rules, in catalog order: offline first, then the two that ask the forge (`online`). */
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
  notFound,
  kindMismatch,
];
