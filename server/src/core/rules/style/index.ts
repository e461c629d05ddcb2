import type { Rule } from '../types';
import { cjkEmphasis } from './cjk-emphasis';

export const styleRules: Rule[] = [cjkEmphasis];
