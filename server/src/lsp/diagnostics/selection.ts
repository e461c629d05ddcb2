import { chooseTemplate, type Lang, type ResolvedConfig, type ResolvedTemplate } from '../../core';
import { globMatches } from '../../core/regex/glob';
import type { Services } from '../../core/services';
import { say } from '../messages';

export interface Selection {
  /** Lint this document? */
  lint: boolean;
  template: ResolvedTemplate;
  /** Why (not): the template's reason, or a sentence for the status bar. */
  reason: string;
}

/**
 * Editors open every Markdown file; only minutes deserve template diagnostics. When the
 * nearest `.minutesrc.json` lists `files`, those globs decide (the team said where its minutes
 * are). Otherwise a configured template, one of the file's series, or one detected from the path
 * and content makes a document minutes; the `generic` fallback alone does not, or every README
 * would be flagged.
 */
export function selectDocument(path: string, text: string, config: ResolvedConfig, lang: Lang, services?: Services): Selection {
  const template = chooseTemplate({ path, text, config, services });
  const files = config.config.files;
  if (files?.length && config.baseDir) {
    const relative = relativeTo(config.baseDir, path);
    const matched = relative !== undefined && files.some((glob) => globMatches(glob.replace(/^\.\//, ''), relative));
    const configName = config.path ?? config.baseDir;
    return matched
      ? { lint: true, template, reason: say('inFiles', lang, { reason: template.reason, config: configName }) }
      : { lint: false, template, reason: say('notInFiles', lang, { config: configName }) };
  }
  if (template.confidence === 'none') return { lint: false, template, reason: say('notMinutes', lang) };
  return { lint: true, template, reason: template.reason };
}

function relativeTo(base: string, path: string): string | undefined {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
}
