import type { Rule } from '../types';
import { cjkEmphasis } from './cjk-emphasis';
import { markupLimit } from './markup-limit';

export const styleRules: Rule[] = [cjkEmphasis, markupLimit];
