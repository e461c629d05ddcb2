/**
 * What the series model keeps of one file: its outline, its header fields, its date, the
 * built-in template its own evidence points to. A file is read once per version; learning and
 * comparing work on these profiles, not on the texts.
 */
import { parseForTemplate, type ParseTemplate } from '../views/parse';
import { findTopics } from '../views/topics';
import { normalizeName, withoutNote } from '../text/names';
import { parseMinutes } from '../model/parse';
import type { ParseMemo } from './memo';
import type { MinutesDocument } from '../model/types';
import { applyVariants, detectTemplate } from '../templates/resolve';
import { detectionExplanation } from '../templates/confidence';
import { baseName } from './group';
import { meetingDate } from './order';
import { headerEnd } from '../model/fields';
import type { MinutesProfile, ProfileField, ProfileSection } from './types';

/** No template: every heading or label line is a section (what `parseMinutes` does without options). */
const PLAIN: ParseTemplate = {};

/** The comparable form of a section title or field label: normalised, without a trailing note in brackets. */
export function titleKey(title: string): string {
  return normalizeName(title);
}

/** `parses`: a memo the host shares with its checks, so that a file is parsed once for both. */
export function profileMinutes(path: string, text: string, parses?: ParseMemo): MinutesProfile {
  const detected = detectTemplate(path, text);
  // A file recognised as a built-in is read as that template reads it (plain-text label sections,
  // topics); any other file is read as plain Markdown or plain text, every label line a section.
  const template =
    detected?.confidence === 'recognised' ? applyVariants(detected.template, path, text, detectionExplanation(detected)) : undefined;
  const doc = parses
    ? parses.parse(path, text, template ?? PLAIN)
    : template
      ? parseForTemplate(path, text, template)
      : parseMinutes(text, path);
  const topics = template?.topics ? findTopics(doc, template) : undefined;
  const name = baseName(path);
  const title = doc.title?.title;
  return {
    path,
    name,
    format: doc.format,
    date: meetingDate(path, name, title, text),
    title,
    sections: profileSections(doc),
    fields: profileFields(doc),
    detected: detected ? { id: detected.template.id, confidence: detected.confidence } : undefined,
    topics: topics && { total: topics.length, concluded: topics.filter((t) => t.conclusions.length > 0).length },
    size: text.length,
  };
}

function profileSections(doc: MinutesDocument): ProfileSection[] {
  return doc.sections
    .filter((s) => s !== doc.title)
    .map((s) => ({ key: titleKey(s.title), title: withoutNote(s.title).trim(), level: s.level, kind: s.kind, filled: s.hasContent }))
    .filter((s) => s.key.length > 0);
}

function profileFields(doc: MinutesDocument): ProfileField[] {
  const end = headerEnd(doc);
  return doc.fields
    .filter((f) => f.source !== 'section' || f.value.length > 0)
    .map((f) => ({
      key: titleKey(f.label),
      label: f.label,
      value: f.value,
      source: f.source,
      header: f.source !== 'section' && f.span.start < end,
    }))
    .filter((f) => f.key.length > 0);
}
