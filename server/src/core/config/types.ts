import type { Message } from '../i18n/lang';
import type { Severity } from '../rules/types';
import type { TemplateSpec } from '../templates/types';

export type RuleSetting = Severity | 'off' | [Severity | 'off', Record<string, unknown>];

/** The `.minutesrc.json` contract (product.md); `schemas/minutesrc.schema.json` is generated from it. */
export interface MinutesConfig {
  /** Another config file (relative path) or several, applied before this one. */
  extends?: string | string[];
  /** A built-in template id, a path to a template file, or an inline template. */
  template?: string | TemplateSpec;
  /** Globs of the minutes files, relative to the config file's folder. */
  files?: string[];
  rules?: Record<string, RuleSetting>;
  links?: {
    repos?: string[];
    online?: boolean;
    api?: Record<string, string>;
  };
  contributors?: {
    sources?: string[];
    handles?: string[];
  };
}

export interface ConfigProblem {
  /** The config file the problem is in. */
  path: string;
  /**
   * `syntax` problems make the file unreadable (an error); `shape` and `reference` drop one key
   * (a warning); a `notice` changes nothing in the file's meaning (information).
   */
  kind: 'syntax' | 'shape' | 'reference' | 'notice';
  /** The top-level key the problem is about, when there is one (to place it when it has no offsets). */
  key?: string;
  /** Formatted in English and Chinese; the host picks the user's language. */
  message: Message;
  /** Offsets in that file, when known. */
  start: number;
  end: number;
}

/** A config as applied to one document: merged `extends`, the template loaded, problems kept. */
export interface ResolvedConfig {
  config: MinutesConfig;
  /** The nearest config file, if any. */
  path?: string;
  /** The folder globs and relative paths are resolved against. */
  baseDir?: string;
  /** The repository root: everything the configuration names stays inside it. */
  root?: string;
  /** The template object when `template` named a file or was inline. */
  template?: TemplateSpec;
  templateReason?: string;
  problems: ConfigProblem[];
  /** What the configuration asks of the network; only the user grants it (config/network.ts). */
  wishes?: NetworkWish[];
}

/** `links.online: true`, or one `links.api` entry, and where it is written. */
export interface NetworkWish {
  key: 'online' | 'api';
  host?: string;
  url?: string;
  path: string;
  start: number;
  end: number;
}
