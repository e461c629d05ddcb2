import type { Rule } from '../types';
import { email } from './email';
import { meetingSecret } from './meeting-secret';

export const privacyRules: Rule[] = [meetingSecret, email];
