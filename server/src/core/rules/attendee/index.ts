import type { Rule } from '../types';

export const attendeeRules: Rule[] = [];
