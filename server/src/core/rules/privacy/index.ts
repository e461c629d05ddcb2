import type { Rule } from '../types';

export const privacyRules: Rule[] = [];
