import type { Rule } from '../types';
import { duplicateAttendee } from './duplicate';

export const attendeeRules: Rule[] = [duplicateAttendee];
