import type { HandleForge } from './types';

/**
 * What makes a string impossible as a login on a forge. GitHub publishes its rule:
 * `[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}` (1–39 characters, single hyphens
 * between letters or digits). Gitee's personal addresses also allow `_` (openEuler's
 * `HelloWorld_lvcongqing`, `MS_555`) and `.` (OpenHarmony's SIG pages link
 * `gitee.com/mark.zhai`, `gitee.com/qibaowei.zhu`) and are longer; Gitee documents no exact rule,
 * so for Gitee (and an unknown forge) only what no forge accepts is a problem.
 */
export type LoginProblem = 'not-latin' | 'character' | 'leading' | 'trailing' | 'double-hyphen' | 'too-long' | 'empty';

export const GITHUB_MAX_LENGTH = 39;
/** Generous: longer than any Gitee or GitHub login seen; beyond it the text is surely prose. */
export const ANY_FORGE_MAX_LENGTH = 100;

const NON_LATIN = /[\u0080-\uffff]/;
const LOGIN_CHARS_ANY = /^[\w.-]+$/;
const LOGIN_CHARS_GITHUB = /^[A-Z0-9-]+$/i;

export function loginProblem(handle: string, forge: HandleForge): LoginProblem | undefined {
  if (!handle) return 'empty';
  if (NON_LATIN.test(handle)) return 'not-latin';
  if (!LOGIN_CHARS_ANY.test(handle)) return 'character';
  if (/^[-_]/.test(handle)) return 'leading';
  if (handle.length > ANY_FORGE_MAX_LENGTH) return 'too-long';
  if (forge !== 'github') return undefined;
  if (!LOGIN_CHARS_GITHUB.test(handle)) return 'character';
  if (handle.endsWith('-')) return 'trailing';
  if (handle.includes('--')) return 'double-hyphen';
  if (handle.length > GITHUB_MAX_LENGTH) return 'too-long';
  return undefined;
}

export function isPossibleLogin(handle: string, forge: HandleForge = 'unknown'): boolean {
  return loginProblem(handle, forge) === undefined;
}

/** Logins are compared without case: GitHub and Gitee both treat `Wine93` and `wine93` as one account. */
export function handleKey(handle: string): string {
  return handle.toLowerCase();
}
