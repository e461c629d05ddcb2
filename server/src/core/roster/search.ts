import { pinyin } from 'pinyin-pro';
import type { Person } from './types';

export interface CompletionCandidate {
  person: Person;
  /** What matched the query: the login, or one of the person's names. */
  match: 'handle' | 'name' | 'all';
  /** The name that matched, when it was a name. */
  matchedName?: string;
}

/**
 * `Xiong Wei` → `xiongwei`, `weixiong` (romanised Chinese names come in both orders), `xiong`,
 * `wei`; `熊伟` → `熊伟`, and its pinyin `xiongwei` and initials `xw`, so an author can type the
 * name the way their input method spells it. The first key is the whole name, compacted.
 * `pinyin: false` leaves the pinyin out (a quick answer while the roster is still being indexed).
 */
export function nameKeys(name: string, options: { pinyin?: boolean } = {}): string[] {
  const words = name
    .toLowerCase()
    .split(/[\s.,·•_-]+/)
    .filter(Boolean);
  if (!words.length) return [];
  const keys = [words.join('')];
  if (words.length === 2) keys.push(words[1] + words[0]);
  if (words.length > 1) keys.push(...words);
  if (options.pinyin !== false && HAN.test(name)) keys.push(...pinyinKeys(name));
  return [...new Set(keys)];
}

const HAN = /[\u3400-\u9fff]/;

/** `吕从庆` → `lvcongqing`, `lucongqing`, `lcq`: surnames read as surnames (曾 is zeng, 单 is shan). */
function pinyinKeys(name: string): string[] {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'removed', surname: 'head', v: true });
  if (!syllables.length) return [];
  const full = syllables.join('');
  return [full, full.replace(/v/g, 'u'), syllables.map((s) => s[0]).join('')];
}
