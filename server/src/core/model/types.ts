import type { DegradedSpan } from './guard';
import type { Root } from 'mdast';
import type { LineIndex, Span } from '../text/lines';

export type DocumentFormat = 'markdown' | 'plaintext';

/**
 * A heading (Markdown) or a label line ending in a colon (plain-text minutes such as
 * openEuler TC's `议题列表：`). Both kinds make the same outline so templates and rules
 * need not care which syntax the community uses.
 */
export interface Section {
  kind: 'heading' | 'label';
  /** Heading text without markers and without a leading ordinal (`一、`, `1.`). */
  title: string;
  /** The heading's raw text after the `#` markers, ordinal included. */
  rawTitle: string;
  /** 1–6 for headings; label sections get the level given by their indentation (1 = none). */
  level: number;
  /** Setext (`===` underline) headings are reported as such so fixes can keep their style. */
  setext: boolean;
  ordinal?: Ordinal;
  /** The heading line (or label line). */
  heading: Span;
  /** Span of the title text inside the heading line. */
  titleSpan: Span;
  /** From the end of the heading line to the start of the next section of the same or a higher level. */
  body: Span;
  /** True when the body holds anything but blank lines and HTML comments. */
  hasContent: boolean;
  parent?: Section;
  children: Section[];
}

/** `一、`, `二.`, `3、`, `(4)`: an ordinal prefix, its value and its punctuation. */
export interface Ordinal {
  text: string;
  value: number;
  style: 'chinese' | 'arabic';
  punct: string;
  span: Span;
}

export type FieldSource = 'line' | 'lctt-header' | 'section';

/** A metadata field: `轮值主持：卞乃猛`, `[#]: translator: (wxy)`, or a section such as `## 时间`. */
export interface Field {
  source: FieldSource;
  /** The label as written (`Data 日期`, `translator`, `时间`). */
  label: string;
  /** The value with surrounding quotes/parentheses of LCTT headers removed, trimmed. */
  value: string;
  /** The value as written, with quotes or parentheses. */
  rawValue: string;
  labelSpan: Span;
  valueSpan: Span;
  /** The whole line (or the whole section for section fields). */
  span: Span;
}

export interface Link {
  kind: 'inline' | 'autolink' | 'bare' | 'reference' | 'image' | 'image-reference';
  url: string;
  /** Text of the link (plain text of its children). */
  text: string;
  span: Span;
  /** Span of the destination inside the source, when it is written in the text. */
  urlSpan?: Span;
  /** For references: the normalized label. */
  label?: string;
}

export interface Definition {
  label: string;
  url: string;
  span: Span;
}

export interface Mention {
  /** The handle without `@`. */
  handle: string;
  span: Span;
}

/** A numbered discussion topic (`1、东方通申请…`) with the lines that conclude it. */
export interface Topic {
  title: string;
  ordinal?: Ordinal;
  span: Span;
  heading: Span;
  conclusions: Span[];
}

export interface HtmlComment {
  text: string;
  span: Span;
}

export interface MinutesDocument {
  /** Path as given by the host: absolute, or relative to the workspace; `/` separators. */
  path: string;
  text: string;
  format: DocumentFormat;
  lines: LineIndex;
  /**
   * The Markdown syntax tree (also built for plain text, where it is rarely useful). Read only:
   * while a document is edited, its versions share the nodes of the parts that did not change.
   */
  mdast: Root;
  /** The first level-1 heading (ATX or setext), if any. */
  title?: Section;
  /** Every section in document order. */
  sections: Section[];
  /** Top-level sections (their children form the outline). */
  outline: Section[];
  fields: Field[];
  links: Link[];
  definitions: Definition[];
  mentions: Mention[];
  comments: HtmlComment[];
  /** Code blocks, inline code, HTML: text rules skip these spans. */
  verbatim: Span[];
  /** Places read as plain text: parsing their markup would take too long or nest too deep (model/guard.ts). */
  degraded: DegradedSpan[];
  /**
   * The fence lines around plain-text minutes pasted whole into one code block: the readers
   * read the text inside, and it is shown as typed, like a `.txt` file.
   */
  wrappingFence?: Span[];
}
