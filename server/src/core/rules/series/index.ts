import type { Rule } from '../types';
import { dateOutOfOrder } from './date-out-of-order';
import { droppedItem } from './dropped-item';
import { missedMeeting } from './missed-meeting';
import { staleCopy } from './stale-copy';

export const seriesRules: Rule[] = [droppedItem, missedMeeting, staleCopy, dateOutOfOrder];
