import { globMatches } from '../regex/glob';
import { patternFound } from '../regex/pattern';
import { builtinTemplate, builtinTemplates } from './registry';
import { configuredExplanation, detectionExplanation, fallbackExplanation, type Explanation } from './confidence';
import type {
  DetectSpec,
  FieldSpec,
  IdSelection,
  ResolvedTemplate,
  SectionSpec,
  TemplateConfidence,
  TemplateSpec,
  VariantSpec,
} from './types';

/** Detection reads the head of the file (and the tail for footers): the fingerprints sit there. */
const SNIFF_CHARS = 4096;
const DEFAULT_PATH_WEIGHT = 3;
const DEFAULT_MIN_SCORE = 2;

/** Content patterns are multiline: `^` means "a line starting with". An invalid one matches nothing. */
function contentMatches(pattern: string, text: string): boolean {
  return patternFound(pattern, { multiline: true }, text);
}

export interface Detection {
  template: TemplateSpec;
  score: number;
  /** The weight of the template's `strong` entries that matched: specific evidence. */
  strong: number;
  /** `recognised` when `strong` reaches the template's `recogniseScore`; else a guess. */
  confidence: 'recognised' | 'guessed';
}

/** What each path glob and content pattern of one template contributed: for reports and tests. */
export interface DetectionScore extends Detection {
  minScore: number;
  matched: string[];
}

type WeightedEntry = { weight: number; strong: boolean };

function pathEntry(entry: NonNullable<DetectSpec['paths']>[number], defaultWeight: number): WeightedEntry & { glob: string } {
  return typeof entry === 'string'
    ? { glob: entry, weight: defaultWeight, strong: false }
    : { glob: entry.glob, weight: entry.weight ?? defaultWeight, strong: entry.strong === true };
}

function contentEntry(entry: NonNullable<DetectSpec['content']>[number]): WeightedEntry & { pattern: string; tail: boolean } {
  return typeof entry === 'string'
    ? { pattern: entry, weight: 1, strong: false, tail: false }
    : { pattern: entry.pattern, weight: entry.weight ?? 1, strong: entry.strong === true, tail: entry.tail === true };
}

/** Scores one template's `detect` block on a path and the head of a text. */
export function scoreTemplate(template: TemplateSpec, path: string, text: string): DetectionScore {
  const detect = template.detect ?? {};
  const head = text.slice(0, SNIFF_CHARS);
  const tail = text.length > SNIFF_CHARS ? text.slice(-SNIFF_CHARS) : text;
  const matched: string[] = [];
  let score = 0;
  let strong = 0;
  const add = (entry: WeightedEntry, what: string) => {
    score += entry.weight;
    if (entry.strong) strong += entry.weight;
    matched.push(what);
  };
  for (const raw of detect.paths ?? []) {
    const entry = pathEntry(raw, detect.pathWeight ?? DEFAULT_PATH_WEIGHT);
    if (globMatches(entry.glob, path)) add(entry, `path ${entry.glob}`);
  }
  for (const raw of detect.content ?? []) {
    const entry = contentEntry(raw);
    if (contentMatches(entry.pattern, entry.tail ? tail : head)) add(entry, `content ${entry.pattern}`);
  }
  const recognised = detect.recogniseScore !== undefined && strong >= detect.recogniseScore;
  return {
    template,
    score,
    strong,
    confidence: recognised ? 'recognised' : 'guessed',
    minScore: detect.minScore ?? DEFAULT_MIN_SCORE,
    matched,
  };
}

/**
 * Scores every candidate on the file's path and its first 4 KB; the best score that reaches its
 * template's `minScore` wins, and on a tie the earlier candidate (the more specific built-in) wins.
 */
export function detectTemplate(path: string, text: string, candidates: readonly TemplateSpec[] = builtinTemplates): Detection | undefined {
  // Detection reads only the path, the head and the tail: while the middle of a long file is
  // edited, the built-ins' verdict is the last one.
  const key = candidates === builtinTemplates ? `${path}\u0000${sniffed(text)}` : undefined;
  const known = key === undefined ? undefined : lastDetections.get(key);
  if (known) return known.detection;
  const detection = bestDetection(path, text, candidates);
  if (key !== undefined) {
    if (lastDetections.size >= DETECTIONS_KEPT) lastDetections.delete(lastDetections.keys().next().value!);
    lastDetections.set(key, { detection });
  }
  return detection;
}

const lastDetections = new Map<string, { detection: Detection | undefined }>();
const DETECTIONS_KEPT = 16;

/** What `scoreTemplate` reads of a text: its head, and its tail when it is longer. */
function sniffed(text: string): string {
  return text.length > SNIFF_CHARS ? `${text.slice(0, SNIFF_CHARS)}\u0000${text.slice(-SNIFF_CHARS)}` : text;
}

function bestDetection(path: string, text: string, candidates: readonly TemplateSpec[]): Detection | undefined {
  let best: Detection | undefined;
  for (const template of candidates) {
    if (!template.detect) continue;
    const { score, minScore, strong, confidence } = scoreTemplate(template, path, text);
    if (score >= minScore && (!best || score > best.score)) best = { template, score, strong, confidence };
  }
  return best;
}

/**
 * Follows `extends` (a built-in id) so a team can start from a built-in and change a few keys.
 * Configuration loading has reported an unknown id; here it is passed over, never thrown.
 */
export function expandTemplate(spec: TemplateSpec): TemplateSpec {
  if (!spec.extends) return spec;
  const { extends: base, ...own } = spec;
  const builtin = builtinTemplate(base);
  return builtin ? { ...builtin, ...own } : own;
}

function variantApplies(variant: VariantSpec, path: string, text: string): boolean {
  const { paths, content, notContent } = variant.when;
  if (!paths?.length && !content?.length && !notContent?.length) return false;
  if (paths?.length && !paths.some((g) => globMatches(g, path))) return false;
  if (content?.length && !content.every((p) => contentMatches(p, text))) return false;
  if (notContent?.length && notContent.some((p) => contentMatches(p, text))) return false;
  return true;
}

/** Copies the section tree, setting `required` on the listed ids (built-in JSON is shared: never mutate it). */
function withSectionsRequired(sections: SectionSpec[] | undefined, ids: Set<string>, required: boolean): SectionSpec[] | undefined {
  return sections?.map((s) => ({
    ...s,
    ...(ids.has(s.id) ? { required } : {}),
    children: withSectionsRequired(s.children, ids, required),
  }));
}

function withFieldsRequired(fields: FieldSpec[] | undefined, ids: Set<string>, required: boolean): FieldSpec[] | undefined {
  return fields?.map((f) => (ids.has(f.id) ? { ...f, required } : f));
}

function setRequired(template: ResolvedTemplate, selection: IdSelection | undefined, required: boolean): ResolvedTemplate {
  if (!selection) return template;
  const out = { ...template };
  if (selection.sections?.length) out.sections = withSectionsRequired(out.sections, new Set(selection.sections), required);
  if (selection.fields?.length) out.fields = withFieldsRequired(out.fields, new Set(selection.fields), required);
  return out;
}

function applyOverride(template: ResolvedTemplate, override: VariantSpec['override']): ResolvedTemplate {
  const out: Record<string, unknown> = { ...template };
  for (const [key, value] of Object.entries(override ?? {})) {
    if (value === null) delete out[key];
    else out[key] = value;
  }
  return out as unknown as ResolvedTemplate;
}

/** Applies every variant whose conditions hold, in order; later variants override earlier ones. */
export function applyVariants(spec: TemplateSpec, path: string, text: string, why: Explanation): ResolvedTemplate {
  let resolved: ResolvedTemplate = {
    ...spec,
    resolvedId: spec.id,
    reason: why.reason,
    confidence: why.confidence,
    explanation: why.explanation,
  };
  const applied: string[] = [];
  for (const variant of spec.variants ?? []) {
    if (!variantApplies(variant, path, text)) continue;
    resolved = applyOverride(resolved, variant.override);
    resolved = setRequired(resolved, variant.require, true);
    resolved = setRequired(resolved, variant.optional, false);
    applied.push(variant.id);
  }
  if (applied.length) {
    resolved.variant = applied.join('+');
    resolved.resolvedId = `${spec.id}/${resolved.variant}`;
  }
  return resolved;
}

export interface TemplateChoice {
  /** A template chosen by configuration, `--template` or the file's series; undefined to detect. */
  spec?: TemplateSpec;
  reason?: string;
  /** How sure the choice is; `configured` when a spec is given without one. */
  confidence?: TemplateConfidence;
  explanation?: Explanation['explanation'];
}

export function resolveTemplate(path: string, text: string, choice: TemplateChoice = {}): ResolvedTemplate {
  if (choice.spec) {
    const configured = configuredExplanation(choice.reason ?? 'configured');
    return applyVariants(expandTemplate(choice.spec), path, text, {
      reason: configured.reason,
      confidence: choice.confidence ?? configured.confidence,
      explanation: choice.explanation ?? configured.explanation,
    });
  }
  const detected = detectTemplate(path, text);
  if (detected) return applyVariants(detected.template, path, text, detectionExplanation(detected));
  return applyVariants(fallbackTemplate(builtinTemplate('generic')!), path, text, fallbackExplanation());
}

/**
 * Nothing says the file is minutes (a README beside them, notes): the generic template applies
 * for what holds in any Markdown (links, encoding, privacy), but it requires no section, title
 * or field, which would only be noise on a file that never meant to follow a template.
 */
function fallbackTemplate(generic: TemplateSpec): TemplateSpec {
  const optional = (sections: SectionSpec[] | undefined): SectionSpec[] | undefined =>
    sections?.map((s) => ({ ...s, required: false, children: optional(s.children) }));
  return {
    ...generic,
    title: generic.title ? { ...generic.title, required: false } : undefined,
    sections: optional(generic.sections),
    fields: generic.fields?.map((f) => ({ ...f, required: false })),
    filename: undefined,
  };
}
