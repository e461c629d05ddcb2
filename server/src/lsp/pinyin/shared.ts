/**
 * `pinyin` for the language servers, from the dictionary both share (dist/pinyin.js, built
 * from script.ts): the build points their `pinyin-pro` imports here, so the .vsix carries the
 * dictionary once for the Node and the browser server. It is loaded the first time a Chinese
 * name is spelled out (a roster with Chinese names), synchronously as the core expects:
 * `require` on Node, `importScripts` in a Web Worker. The CLI and the Node API bundle
 * pinyin-pro itself.
 */
import type { pinyin as Pinyin } from 'pinyin-pro';

declare const importScripts: ((...urls: string[]) => void) | undefined;
declare const self: { location: { href: string } } | undefined;
declare const require: (path: string) => unknown;
declare const __dirname: string;

type Global = { __communityMinutesPinyin?: typeof Pinyin };

let loaded: typeof Pinyin | undefined;

function load(): typeof Pinyin {
  const global = globalThis as Global;
  if (!global.__communityMinutesPinyin) {
    // dist/browser/server.js runs in a worker; dist/server.js under Node. The dictionary is dist/pinyin.js.
    if (typeof importScripts === 'function' && self) importScripts(new URL('../pinyin.js', self.location.href).href);
    else require(`${__dirname}/pinyin.js`);
  }
  if (!global.__communityMinutesPinyin) throw new Error('dist/pinyin.js did not load');
  return global.__communityMinutesPinyin;
}

export const pinyin = ((...args: Parameters<typeof Pinyin>) => (loaded ??= load())(...args)) as typeof Pinyin;
