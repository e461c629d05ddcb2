import { dataPattern, quotePattern, type DataPattern } from '../regex/pattern';
import { findSections } from './match';
import { sectionSpecById } from '../templates/specs';
import type { ResolvedTemplate } from '../templates/types';
import { readOrdinal } from '../model/ordinal';
import type { MinutesDocument, Ordinal, Section, Topic } from '../model/types';
import { insideAny } from '../text/spans';

/** One numbered run of topics inside one agenda section. */
export interface TopicList {
  section: Section;
  topics: Topic[];
}

/** Every discussion topic of the document, in order. */
export function findTopics(doc: MinutesDocument, template: ResolvedTemplate): Topic[] {
  return findTopicLists(doc, template).flatMap((l) => l.topics);
}

/**
 * The topics of the template's agenda sections (`template.topics.sections`), as numbered runs.
 *
 * A topic is a numbered line at column 0 or after one stray space (`1.迁移工具…`, `2、东方通…`,
 * `### 3. xxx`, `议题三：…`). Indented items (`    1. kABI…`), `1.1、` and `(1)` are its points,
 * and so are numbered lines right under the topic line or after `结论：`. A topic runs to the
 * next topic or the end of its section. Its conclusions are the lines that carry a conclusion label (`结论：`, `**会议决策**：`).
 * Numbering that starts again at 1 after a blank line opens a new run, so a list of follow-ups
 * written before the topics does not count as the topics' first items.
 */
export function findTopicLists(doc: MinutesDocument, template: ResolvedTemplate): TopicList[] {
  const spec = template.topics;
  if (!spec?.sections.length) return [];
  const sections = new Set<Section>();
  for (const id of spec.sections) {
    const sectionSpec = sectionSpecById(template, id);
    if (sectionSpec) for (const s of findSections(doc, sectionSpec)) sections.add(s);
  }
  const conclusion = conclusionPattern(spec.conclusionLabels);
  return [...sections].sort((a, b) => a.heading.start - b.heading.start).flatMap((section) => scanSection(doc, section, conclusion));
}

interface Candidate {
  ordinal: Ordinal;
  title: string;
  /** Written `议题1：` / `议题三、`: unmistakably a topic. */
  named: boolean;
}

// `### ` and `**` may wrap a topic line, and `议题` may precede its number; then comes an ordinal.
const TOPIC_PREFIX = /^(?:#{1,6}[ \t]+)?(?:\*\*|__)?(议题[ \t]*)?/;

/** A numbered line that may open a topic, or undefined. */
function topicCandidate(lineText: string, lineStart: number): Candidate | undefined {
  // A single stray space (` 1、…`) still starts a topic; a real indent makes a point of the topic above.
  const indent = /^ ?/.exec(lineText)![0].length;
  if (!lineText.trim() || /^\s/.test(lineText.slice(indent))) return undefined;
  const prefix = TOPIC_PREFIX.exec(lineText.slice(indent))!;
  const at = indent + prefix[0].length;
  const ordinal = readOrdinal(lineText.slice(at), lineStart + at);
  // `(1)` `1)` `（一）` number the points inside a topic, not topics.
  if (!ordinal || /[()（）]/.test(ordinal.punct)) return undefined;
  const title = lineText
    .slice(ordinal.span.end - lineStart)
    .replace(/(?:\*\*|__)\s*$/, '')
    .trim();
  return { ordinal, title, named: prefix[1] !== undefined };
}

/** Numbered lines inside a topic: `1.` `2.` right under the topic line, or after `结论：`. */
interface Points {
  last: number;
  /** Points announced by an empty `结论：` may start after a blank line; once started, a blank line ends them. */
  started: boolean;
}

function scanSection(doc: MinutesDocument, section: Section, conclusion: DataPattern | undefined): TopicList[] {
  const { lines } = doc;
  const first = lines.position(section.body.start).line + 1;
  const lineNumbers: number[] = [];
  for (let line = first; line < lines.lineCount && lines.lineStart(line) < section.body.end; line++) lineNumbers.push(line);
  const candidateAt = (line: number): Candidate | undefined =>
    insideAny(lines.lineStart(line), doc.verbatim) ? undefined : topicCandidate(lines.lineText(line), lines.lineStart(line));
  // Where topics are written `议题1：`, the bare numbers (`1. 漏洞修复`) are their points.
  const namedOnly = lineNumbers.some((line) => candidateAt(line)?.named);

  const lists: TopicList[] = [];
  let list: Topic[] | undefined;
  let topic: Topic | undefined;
  let style: Ordinal['style'] | undefined;
  let conclusionPoints: Points | undefined;
  let points: Points | undefined;
  let blankBefore = false;

  for (const line of lineNumbers) {
    const lineText = lines.lineText(line);
    const lineStart = lines.lineStart(line);
    if (!lineText.trim()) {
      blankBefore = true;
      if (conclusionPoints?.started) conclusionPoints = undefined;
      continue;
    }
    const afterBlank = blankBefore;
    blankBefore = false;
    let candidate = candidateAt(line);
    if (candidate && namedOnly && !candidate.named) candidate = undefined;

    if (candidate && topic) {
      const value = candidate.ordinal.value;
      const topicValue = topic.ordinal?.value ?? 0;
      if (conclusionPoints && value === conclusionPoints.last + 1) {
        conclusionPoints = { last: value, started: true };
        candidate = undefined;
      } else if (points && value === points.last + 1 && !(afterBlank && value === topicValue + 1)) {
        points.last = value;
        candidate = undefined;
      } else if (!afterBlank && !candidate.named && value <= 1 && value <= topicValue) {
        // `5. 版本发布` directly followed by `1. 同步…` `2. 软件…`: the points of topic 5.
        points = { last: value, started: true };
        candidate = undefined;
      }
    }

    if (candidate) {
      conclusionPoints = undefined;
      points = undefined;
      // `三、本期遗留问题` after topics numbered `1.` `2.`: the outline moved on to another part.
      if (style && candidate.ordinal.style !== style && !candidate.named) break;
      style = candidate.ordinal.style;
      const previous = list?.[list.length - 1]?.ordinal?.value;
      // Numbering that starts again after a blank line is a new list (follow-ups, then the topics).
      if (!list || (previous !== undefined && candidate.ordinal.value <= 1 && previous >= candidate.ordinal.value)) {
        list = [];
        lists.push({ section, topics: list });
      }
      const heading = { start: lineStart, end: lines.lineEnd(line) };
      topic = { title: candidate.title, ordinal: candidate.ordinal, span: { ...heading }, heading, conclusions: [] };
      list.push(topic);
      continue;
    }
    if (!topic) continue;
    topic.span.end = lines.lineEnd(line);
    const found = conclusion?.exec(lineText);
    if (found) {
      const indent = lineText.length - lineText.trimStart().length;
      topic.conclusions.push({ start: lineStart + indent, end: lines.lineEnd(line) });
      conclusionPoints = conclusionFollowUp(lineText.slice(found.end));
    }
  }
  return lists;
}

/** `结论：` alone, or `结论：1、…`, announces numbered points on the next lines. */
function conclusionFollowUp(rest: string): Points | undefined {
  if (!rest.trim()) return { last: 0, started: false };
  const ordinal = readOrdinal(rest.trim(), 0);
  return ordinal ? { last: ordinal.value, started: true } : undefined;
}

/**
 * A conclusion label followed by a colon anywhere on the line: `结论：`, `- **会议决策**：`,
 * `【结论】：`, `SIG成立的结论：`, `Decision: …`. Undefined when the template names no labels.
 */
export function conclusionPattern(labels: readonly string[] | undefined): DataPattern | undefined {
  if (!labels?.length) return undefined;
  const alternatives = [...labels].sort((a, b) => b.length - a.length).map((l) => quotePattern(l.trim()).replace(/\s+/g, '\\s*'));
  // ASCII labels need word boundaries (`Decisions:` yes, `Indecision:` no); CJK ones do not.
  const wrapped = alternatives.map((a) => (/^[A-Z]/i.test(a) ? `\\b${a}s?` : a));
  // Labels are template data: compiled by the linear-time engine like every pattern from data.
  // Spaces on each side of an optional marker, written so that no two `\s*` trade spaces (linear on JavaScript's engine too).
  return dataPattern(`(?:${wrapped.join('|')})(?:\\s*(?:\\*\\*|__|】|\\]))?\\s*[：:]`, { ignoreCase: true });
}

export function topicText(doc: MinutesDocument, topic: Topic): string {
  return doc.text.slice(topic.span.start, topic.span.end);
}
