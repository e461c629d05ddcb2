import type { Rule } from '../types';
import { invalidHandle } from './invalid';
import { unknownHandle } from './unknown';

export const handleRules: Rule[] = [invalidHandle, unknownHandle];
