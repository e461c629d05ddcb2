import type { Rule } from '../types';
import { invisible } from './invisible';
import { mojibake } from './mojibake';
import { replacementChar } from './replacement-char';

export const encodingRules: Rule[] = [mojibake, replacementChar, invisible];
