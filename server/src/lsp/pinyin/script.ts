/**
 * dist/pinyin.js: pinyin-pro (its dictionary is most of a server bundle's size) on its own,
 * once in the .vsix for both language servers. Loading it defines one global that
 * `shared.ts` reads; nothing else.
 */
import { pinyin } from 'pinyin-pro';

(globalThis as { __communityMinutesPinyin?: typeof pinyin }).__communityMinutesPinyin = pinyin;
