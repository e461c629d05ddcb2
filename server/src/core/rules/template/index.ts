import type { Rule } from '../types';
import { missingSection } from './missing-section';

export const templateRules: Rule[] = [missingSection];
