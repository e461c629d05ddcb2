import { globMatch } from './glob';
import { builtinTemplate, builtinTemplates } from './registry';
import type { ResolvedTemplate, TemplateSpec, VariantSpec } from './types';

const SNIFF_BYTES = 4096;

export interface Detection {
  template: TemplateSpec;
  score: number;
}

/** Scores every candidate on the file's path and its first 4 KB; the best above its threshold wins. */
export function detectTemplate(path: string, text: string, candidates: readonly TemplateSpec[] = builtinTemplates): Detection | undefined {
  const head = text.slice(0, SNIFF_BYTES);
  let best: Detection | undefined;
  for (const template of candidates) {
    const detect = template.detect;
    if (!detect) continue;
    let score = 0;
    for (const glob of detect.paths ?? []) if (globMatch(glob, path)) score += 3;
    for (const entry of detect.content ?? []) {
      const { pattern, weight = 1 } = typeof entry === 'string' ? { pattern: entry } : entry;
      if (new RegExp(pattern, 'm').test(head)) score += weight;
    }
    if (score >= (detect.minScore ?? 2) && (!best || score > best.score)) best = { template, score };
  }
  return best;
}

/** Follows `extends` (a built-in id) so a team can start from a built-in and change a few keys. */
export function expandTemplate(spec: TemplateSpec & { extends?: string }, seen = new Set<string>()): TemplateSpec {
  if (!spec.extends) return spec;
  if (seen.has(spec.extends)) throw new Error(`template "extends" cycle at "${spec.extends}"`);
  seen.add(spec.extends);
  const base = builtinTemplate(spec.extends);
  if (!base) throw new Error(`template extends unknown built-in "${spec.extends}"`);
  const { extends: _ignored, ...own } = spec;
  return { ...expandTemplate(base, seen), ...own };
}

function variantApplies(variant: VariantSpec, path: string, text: string): boolean {
  const { paths, content } = variant.when;
  if (paths && !paths.some((g) => globMatch(g, path))) return false;
  if (content && !content.every((p) => new RegExp(p, 'm').test(text))) return false;
  return Boolean(paths || content);
}

/** Applies every variant whose conditions hold, in order; later variants override earlier ones. */
export function applyVariants(spec: TemplateSpec, path: string, text: string, reason: string): ResolvedTemplate {
  let resolved: ResolvedTemplate = { ...spec, resolvedId: spec.id, reason };
  const applied: string[] = [];
  for (const variant of spec.variants ?? []) {
    if (!variantApplies(variant, path, text)) continue;
    resolved = { ...resolved, ...variant.override };
    applied.push(variant.id);
  }
  if (applied.length) {
    resolved.variant = applied.join('+');
    resolved.resolvedId = `${spec.id}/${resolved.variant}`;
  }
  return resolved;
}

export interface TemplateChoice {
  /** A template chosen by configuration or `--template`; undefined to detect. */
  spec?: TemplateSpec;
  reason?: string;
}

export function resolveTemplate(path: string, text: string, choice: TemplateChoice = {}): ResolvedTemplate {
  if (choice.spec) return applyVariants(expandTemplate(choice.spec), path, text, choice.reason ?? 'configured');
  const detected = detectTemplate(path, text);
  if (detected) return applyVariants(detected.template, path, text, `detected (score ${detected.score})`);
  return applyVariants(builtinTemplate('generic')!, path, text, 'fallback');
}
