import type { Rule } from '../types';

export const styleRules: Rule[] = [];
