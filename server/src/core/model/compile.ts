import type { Root } from 'mdast';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';
import { decodeString } from 'micromark-util-decode-string';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import type { Event, Point as TokenPoint, Token, TokenizeContext } from 'micromark-util-types';

/*
 * micromark's events (CommonMark + GFM) into mdast: the tree mdast-util-from-markdown with
 * mdast-util-gfm's extensions builds, key order included (`npm run check:parse` compares the
 * JSON of both on every corpus file, test/unit/compile.test.ts on crafted and random texts).
 *
 * Why our own: mdast-util-from-markdown hands each handled event a fresh copy of its compile
 * context (nine fields) and looks its handler up by name through `hasOwnProperty`; on short
 * minutes that was about 40% of the whole parse. Here each event costs one lookup in a table
 * of functions that take the builder as an argument, and the builder is made once per text.
 */

interface Point {
  line: number;
  column: number;
  offset: number;
}

interface Position {
  start: Point;
  end: Point | undefined;
}

/** A node while it is built: mdast's fields, plus fragments (labels, code, titles) read back as text. */
interface Built {
  type: string;
  value?: string;
  children?: Built[];
  position?: Position;
  [field: string]: unknown;
}

/** The events did not nest as a tree: the caller builds with mdast-util-from-markdown, which reports it as it always did. */
export class UnbalancedEvents extends Error {}

/** Nodes whose text keeps its line endings (mdast-util-gfm adds `delete`). */
const KEEPS_LINE_ENDINGS = new Set(['emphasis', 'fragment', 'heading', 'paragraph', 'strong', 'delete']);

class Builder {
  readonly root: Built = { type: 'root', children: [], position: undefined };
  readonly stack: Built[] = [this.root];
  /** Tokens of the nodes entered and not yet exited, to check that each exit closes its own. */
  readonly open: Token[] = [];
  /** An ordered list was entered and its first item's number (the list's `start`) is not read yet. */
  listStartUnread = false;
  /** The opening fence of a code block was read: the next fence closes it. */
  fenceOpened = false;
  /** A setext heading's text ended: the line ending before its underline is not text. */
  setextUnderlineComing = false;
  /** The last inline was a hard break: the line ending after it is not text. */
  justBroke = false;
  /** A link or image read a label and no resource: it becomes a reference. */
  labelOnly = false;
  inTable = false;
  /** `full`, `collapsed` (or none: shortcut) for the reference being read. */
  referenceKind: string | undefined;
  /** The marker type of a numeric character reference (decimal or hexadecimal) being read. */
  numericMarker: string | undefined;

  /** The last point made: the next one at the same offset is this very object. */
  private last: Point = { line: 0, column: 0, offset: -1 };

  /** Where the events' text starts in its document: every point is moved by this much. */
  constructor(
    private readonly offset: number,
    private readonly line: number,
  ) {}

  get top(): Built {
    return this.stack[this.stack.length - 1];
  }

  /**
   * The tree's point for a token's point. A node's end is most often the next node's start, and
   * a parent starts where its first child does: those share one object (trees are read only),
   * which keeps a long document's tree about a fifth smaller.
   */
  at(p: TokenPoint): Point {
    const offset = p.offset + this.offset;
    if (offset === this.last.offset) return this.last;
    return (this.last = { line: p.line + this.line, column: p.column, offset });
  }

  enter(node: Built, token: Token): void {
    this.top.children!.push(node);
    this.stack.push(node);
    this.open.push(token);
    node.position = { start: this.at(token.start), end: undefined };
  }

  exit(token: Token): void {
    const node = this.stack.pop();
    const open = this.open.pop();
    if (!node?.position || open?.type !== token.type) throw new UnbalancedEvents(token.type);
    node.position.end = this.at(token.end);
    // An array grown by `push` keeps room for more (a child and room for 16 more is 144 bytes
    // instead of 24); a finished node's children are copied to an array of their size.
    if (node.children) node.children = node.children.slice();
  }

  /** Collects what follows into a fragment until `resume` reads it back as text. */
  buffer(): void {
    this.stack.push({ type: 'fragment', children: [] });
  }

  resume(): string {
    return textOf(this.stack.pop()!);
  }
}

type Handler = (builder: Builder, token: Token, context: TokenizeContext) => void;

/** Handlers by token type; a type without one changes nothing in the tree. */
function handlers(byType: Record<string, Handler>): Map<string, Handler> {
  return new Map(Object.entries(byType));
}

/** The text of a node as mdast-util-to-string reads it (image alternatives and HTML included). */
function textOf(node: Built): string {
  if ('value' in node) return node.value ?? '';
  if (typeof node.alt === 'string' && node.alt) return node.alt;
  if (!node.children) return '';
  let text = '';
  for (const child of node.children) text += textOf(child);
  return text;
}

function opener(make: (token: Token) => Built, then?: Handler): Handler {
  return (builder, token, context) => {
    builder.enter(make(token), token);
    then?.(builder, token, context);
  };
}

function closer(first?: Handler): Handler {
  return (builder, token, context) => {
    first?.(builder, token, context);
    builder.exit(token);
  };
}

const container = (type: string) => (): Built => ({ type, children: [], position: undefined });
const heading = (): Built => ({ type: 'heading', depth: 0, children: [], position: undefined });
const code = (): Built => ({ type: 'code', lang: null, meta: null, value: '', position: undefined });
const html = (): Built => ({ type: 'html', value: '', position: undefined });
const link = (): Built => ({ type: 'link', title: null, url: '', children: [], position: undefined });

const buffer: Handler = (builder) => builder.buffer();

const enterData: Handler = (builder, token) => {
  const siblings = builder.top.children!;
  let tail = siblings[siblings.length - 1];
  if (tail?.type !== 'text') {
    tail = { type: 'text', value: '', position: { start: builder.at(token.start), end: undefined } };
    siblings.push(tail);
  }
  builder.stack.push(tail);
};

const exitData: Handler = (builder, token, context) => {
  const tail = builder.stack.pop()!;
  tail.value += context.sliceSerialize(token);
  tail.position!.end = builder.at(token.end);
};

/** Exit of an address (`<…>` or bare): its text, and the link's destination made of it. */
function addressExit(prefix: string): Handler {
  return (builder, token, context) => {
    exitData(builder, token, context);
    builder.top.url = prefix + context.sliceSerialize(token);
  };
}

/** A label or string read back: the text (from the fragment) and the identifier (from the source). */
function labelled(set: (node: Built, label: string, identifier: string) => void): Handler {
  return (builder, token, context) => {
    const label = builder.resume();
    set(builder.top, label, normalizeIdentifier(context.sliceSerialize(token)).toLowerCase());
  };
}

/** Sets a field of the node being built to the text of the fragment just closed. */
function resumedInto(field: string, clean: (text: string, builder: Builder) => string = (text) => text): Handler {
  return (builder) => {
    const text = builder.resume();
    builder.top[field] = clean(text, builder);
  };
}

/** A link or image: a reference when a label was read and no resource followed it. */
const exitLinkOrImage: Handler = (builder) => {
  const node = builder.top;
  if (builder.labelOnly) {
    node.type += 'Reference';
    node.referenceType = builder.referenceKind ?? 'shortcut';
    delete node.url;
    delete node.title;
  } else {
    delete node.identifier;
    delete node.label;
  }
  builder.referenceKind = undefined;
};

/** A task list item's first paragraph loses the space after its check box. */
const exitParagraph: Handler = (builder, token) => {
  const item = builder.stack[builder.stack.length - 2];
  if (item?.type === 'listItem' && typeof item.checked === 'boolean') {
    const paragraph = builder.top;
    const head = paragraph.children![0];
    if (head?.type === 'text' && item.children!.find((sibling) => sibling.type === 'paragraph') === paragraph) {
      head.value = head.value!.slice(1);
      if (!head.value) {
        paragraph.children!.shift();
      } else if (paragraph.position && head.position) {
        // Points may be shared (see `Builder.at`): a moved one is a new object.
        const { line, column, offset } = head.position.start;
        head.position.start = { line, column: column + 1, offset: offset + 1 };
        paragraph.position.start = { ...head.position.start };
      }
    }
  }
  builder.exit(token);
};

const ENTER = handlers({
  atxHeading: opener(heading),
  autolink: opener(link),
  autolinkEmail: enterData,
  autolinkProtocol: enterData,
  blockQuote: opener(container('blockquote')),
  characterEscape: enterData,
  characterReference: enterData,
  codeFenced: opener(code),
  codeFencedFenceInfo: buffer,
  codeFencedFenceMeta: buffer,
  codeFlowValue: enterData,
  codeIndented: opener(code, buffer),
  codeText: opener(() => ({ type: 'inlineCode', value: '', position: undefined }), buffer),
  codeTextData: enterData,
  data: enterData,
  definition: opener(() => ({ type: 'definition', identifier: '', label: null, title: null, url: '', position: undefined })),
  definitionDestinationString: buffer,
  definitionLabelString: buffer,
  definitionTitleString: buffer,
  emphasis: opener(container('emphasis')),
  gfmFootnoteCall: opener(() => ({ type: 'footnoteReference', identifier: '', label: '' })),
  gfmFootnoteCallString: buffer,
  gfmFootnoteDefinition: opener(() => ({ type: 'footnoteDefinition', identifier: '', label: '', children: [] })),
  gfmFootnoteDefinitionLabelString: buffer,
  hardBreakEscape: opener(() => ({ type: 'break', position: undefined })),
  hardBreakTrailing: opener(() => ({ type: 'break', position: undefined })),
  htmlFlow: opener(html, buffer),
  htmlFlowData: enterData,
  htmlText: opener(html, buffer),
  htmlTextData: enterData,
  image: opener(() => ({ type: 'image', title: null, url: '', alt: null, position: undefined })),
  label: buffer,
  link: opener(link),
  listItem: opener((token) => ({ type: 'listItem', spread: token._spread, checked: null, children: [], position: undefined })),
  listItemValue: (builder, token, context) => {
    if (!builder.listStartUnread) return;
    builder.stack[builder.stack.length - 2].start = Number.parseInt(context.sliceSerialize(token), 10);
    builder.listStartUnread = false;
  },
  listOrdered: opener(list, (builder) => {
    builder.listStartUnread = true;
  }),
  listUnordered: opener(list),
  literalAutolink: opener(link),
  literalAutolinkEmail: enterData,
  literalAutolinkHttp: enterData,
  literalAutolinkWww: enterData,
  paragraph: opener(container('paragraph')),
  reference: (builder) => {
    builder.referenceKind = 'collapsed';
  },
  referenceString: buffer,
  resourceDestinationString: buffer,
  resourceTitleString: buffer,
  setextHeading: opener(heading),
  strikethrough: opener(container('delete')),
  strong: opener(container('strong')),
  table: opener(
    (token) => ({ type: 'table', align: token._align!.map((a) => (a === 'none' ? null : a)), children: [], position: undefined }),
    (builder) => {
      builder.inTable = true;
    },
  ),
  tableData: opener(container('tableCell')),
  tableHeader: opener(container('tableCell')),
  tableRow: opener(container('tableRow')),
  thematicBreak: opener(() => ({ type: 'thematicBreak', position: undefined })),
});

function list(token: Token): Built {
  return { type: 'list', ordered: token.type === 'listOrdered', start: null, spread: token._spread, children: [], position: undefined };
}

const close = closer();

const EXIT = handlers({
  atxHeading: close,
  atxHeadingSequence: (builder, token, context) => {
    if (!builder.top.depth) builder.top.depth = context.sliceSerialize(token).length;
  },
  autolink: close,
  autolinkEmail: addressExit('mailto:'),
  autolinkProtocol: addressExit(''),
  blockQuote: close,
  characterEscapeValue: exitData,
  characterReference: (builder, token) => {
    builder.stack.pop()!.position!.end = builder.at(token.end);
  },
  characterReferenceMarkerHexadecimal: (builder, token) => {
    builder.numericMarker = token.type;
  },
  characterReferenceMarkerNumeric: (builder, token) => {
    builder.numericMarker = token.type;
  },
  characterReferenceValue: (builder, token, context) => {
    const source = context.sliceSerialize(token);
    let value: string | false;
    if (builder.numericMarker) {
      value = decodeNumericCharacterReference(source, builder.numericMarker === 'characterReferenceMarkerNumeric' ? 10 : 16);
      builder.numericMarker = undefined;
    } else {
      value = decodeNamedCharacterReference(source);
    }
    builder.top.value += String(value);
  },
  codeFenced: closer(
    resumedInto('value', (text, builder) => {
      builder.fenceOpened = false;
      return text.replace(/^(?:\r?\n|\r)|(?:\r?\n|\r)$/g, '');
    }),
  ),
  codeFencedFence: (builder) => {
    if (builder.fenceOpened) return;
    builder.buffer();
    builder.fenceOpened = true;
  },
  codeFencedFenceInfo: resumedInto('lang'),
  codeFencedFenceMeta: resumedInto('meta'),
  codeFlowValue: exitData,
  codeIndented: closer(resumedInto('value', (text) => text.replace(/(?:\r?\n|\r)$/g, ''))),
  // In a table, `\|` in code is the pipe the cell needed escaped.
  codeText: closer(
    resumedInto('value', (text, builder) =>
      builder.inTable ? text.replace(/\\([\\|])/g, (all: string, c: string) => (c === '|' ? c : all)) : text,
    ),
  ),
  codeTextData: exitData,
  data: exitData,
  definition: close,
  definitionDestinationString: resumedInto('url'),
  definitionLabelString: labelled((node, label, identifier) => {
    node.label = label;
    node.identifier = identifier;
  }),
  definitionTitleString: resumedInto('title'),
  emphasis: close,
  gfmFootnoteCall: close,
  gfmFootnoteCallString: labelled(footnoteLabel),
  gfmFootnoteDefinition: close,
  gfmFootnoteDefinitionLabelString: labelled(footnoteLabel),
  hardBreakEscape: closer(hardBreak),
  hardBreakTrailing: closer(hardBreak),
  htmlFlow: closer(resumedInto('value')),
  htmlFlowData: exitData,
  htmlText: closer(resumedInto('value')),
  htmlTextData: exitData,
  image: closer(exitLinkOrImage),
  label: (builder) => {
    const fragment = builder.stack.pop()!;
    const node = builder.top;
    builder.labelOnly = true;
    if (node.type === 'link') node.children = fragment.children;
    else node.alt = textOf(fragment);
  },
  labelText: (builder, token, context) => {
    const source = context.sliceSerialize(token);
    const node = builder.stack[builder.stack.length - 2];
    node.label = decodeString(source);
    node.identifier = normalizeIdentifier(source).toLowerCase();
  },
  lineEnding: (builder, token, context) => {
    const node = builder.top;
    if (builder.justBroke) {
      node.children![node.children!.length - 1].position!.end = builder.at(token.end);
      builder.justBroke = false;
    } else if (!builder.setextUnderlineComing && KEEPS_LINE_ENDINGS.has(node.type)) {
      enterData(builder, token, context);
      exitData(builder, token, context);
    }
  },
  link: closer(exitLinkOrImage),
  listItem: close,
  listOrdered: close,
  listUnordered: close,
  literalAutolink: close,
  literalAutolinkEmail: addressExit('mailto:'),
  literalAutolinkHttp: addressExit(''),
  literalAutolinkWww: addressExit('http://'),
  paragraph: exitParagraph,
  referenceString: (builder, token, context) => {
    const label = builder.resume();
    builder.top.label = label;
    builder.top.identifier = normalizeIdentifier(context.sliceSerialize(token)).toLowerCase();
    builder.referenceKind = 'full';
  },
  resource: (builder) => {
    builder.labelOnly = false;
  },
  resourceDestinationString: resumedInto('url'),
  resourceTitleString: resumedInto('title'),
  setextHeading: closer((builder) => {
    builder.setextUnderlineComing = false;
  }),
  setextHeadingLineSequence: (builder, token, context) => {
    builder.top.depth = context.sliceSerialize(token).codePointAt(0) === 61 ? 1 : 2;
  },
  setextHeadingText: (builder) => {
    builder.setextUnderlineComing = true;
  },
  strikethrough: close,
  strong: close,
  table: closer((builder) => {
    builder.inTable = false;
  }),
  tableData: close,
  tableHeader: close,
  tableRow: close,
  taskListCheckValueChecked: checkBox(true),
  taskListCheckValueUnchecked: checkBox(false),
  thematicBreak: close,
});

function hardBreak(builder: Builder): void {
  builder.justBroke = true;
}

function footnoteLabel(node: Built, label: string, identifier: string): void {
  node.identifier = identifier;
  node.label = label;
}

function checkBox(checked: boolean): Handler {
  return (builder) => {
    builder.stack[builder.stack.length - 2].checked = checked;
  };
}

/** Where a text parsed alone sits in its document: its first character's offset and the lines before it. */
export interface Place {
  offset: number;
  line: number;
}

/**
 * Builds the mdast tree of a document's events (as `postprocess` returns them), its positions
 * moved to `place` (a piece of a long document is built where it belongs, not copied there).
 */
export function compileEvents(events: Event[], place: Place = { offset: 0, line: 0 }): Root {
  const prepared = withListItems(events);
  const builder = new Builder(place.offset, place.line);
  for (let i = 0; i < prepared.length; i++) {
    const [kind, token, context] = prepared[i];
    const handler = (kind === 'enter' ? ENTER : EXIT).get(token.type);
    if (handler) handler(builder, token, context);
  }
  if (builder.open.length) throw new UnbalancedEvents(builder.open[builder.open.length - 1].type);
  const origin = { line: 1, column: 1, offset: 0 } as TokenPoint;
  builder.root.position = {
    start: builder.at(prepared.length ? prepared[0][1].start : origin),
    end: builder.at(prepared.length ? prepared[prepared.length - 2][1].end : origin),
  };
  return builder.root as unknown as Root;
}

/**
 * micromark marks lists, not their items: each item gets enter and exit events here, and lists
 * and items their `_spread` (a blank line between items, or between blocks of one item), as
 * mdast-util-from-markdown works them out. Inner lists are done first (their exit comes first).
 */
function withListItems(events: Event[]): Event[] {
  const prepared: Event[] = [];
  const openLists: number[] = [];
  for (const event of events) {
    prepared.push(event);
    const type = event[1].type;
    if (type !== 'listOrdered' && type !== 'listUnordered') continue;
    if (event[0] === 'enter') openLists.push(prepared.length - 1);
    else addListItems(prepared, openLists.pop()!);
  }
  return prepared;
}

/** Line endings and prefixes that may stand between one item's last content and the next item. */
const BETWEEN_ITEMS = new Set(['linePrefix', 'blockQuotePrefix', 'blockQuotePrefixWhitespace', 'blockQuoteMarker', 'listItemIndent']);
const ITEM_PREFIX_PARTS = new Set(['linePrefix', 'listItemValue', 'listItemMarker', 'listItemPrefix', 'listItemPrefixWhitespace']);

/** Adds item events to the list whose events run from `start` to the end of `events`. */
function addListItems(events: Event[], start: number): void {
  const last = events.length - 1;
  // -1 outside the list, 0 directly in it, more inside nested lists and quotes.
  let depth = -1;
  let listSpread = false;
  let item: Token | undefined;
  let firstBlankLine: number | undefined;
  let atMarker = false;
  const insertions: Array<{ at: number; event: Event }> = [];
  for (let index = start; index <= last; index++) {
    const [kind, token, context] = events[index];
    const type = token.type;
    if (type === 'listUnordered' || type === 'listOrdered' || type === 'blockQuote') {
      depth += kind === 'enter' ? 1 : -1;
      atMarker = false;
    } else if (type === 'lineEndingBlank') {
      if (kind === 'enter') {
        if (item && !atMarker && !depth && firstBlankLine === undefined) firstBlankLine = index;
        atMarker = false;
      }
    } else if (!ITEM_PREFIX_PARTS.has(type)) {
      atMarker = false;
    }
    const itemStarts = !depth && kind === 'enter' && type === 'listItemPrefix';
    const listEnds = depth === -1 && kind === 'exit' && (type === 'listUnordered' || type === 'listOrdered');
    if (!itemStarts && !listEnds) continue;
    if (item) {
      // The item ends before the line endings (and prefixes) that lead to the next item; more
      // than one line ending there is a blank line between items.
      let lineIndex: number | undefined;
      for (let back = index; back-- > 0;) {
        const [tailKind, tail] = events[back];
        if (tail.type === 'lineEnding' || tail.type === 'lineEndingBlank') {
          if (tailKind === 'exit') continue;
          if (lineIndex !== undefined) {
            events[lineIndex][1].type = 'lineEndingBlank';
            listSpread = true;
          }
          tail.type = 'lineEnding';
          lineIndex = back;
        } else if (!BETWEEN_ITEMS.has(tail.type)) {
          break;
        }
      }
      if (firstBlankLine !== undefined && (lineIndex === undefined || firstBlankLine < lineIndex)) item._spread = true;
      item.end = { ...(lineIndex !== undefined ? events[lineIndex][1].start : token.end) };
      insertions.push({ at: lineIndex ?? index, event: ['exit', item, context] });
    }
    if (itemStarts) {
      item = { type: 'listItem', _spread: false, start: { ...token.start }, end: undefined as unknown as TokenPoint };
      insertions.push({ at: index, event: ['enter', item, context] });
      firstBlankLine = undefined;
      atMarker = true;
    }
  }
  const listEvents = events.splice(start);
  let next = 0;
  for (let index = 0; index < listEvents.length; index++) {
    while (next < insertions.length && insertions[next].at === start + index) events.push(insertions[next++].event);
    events.push(listEvents[index]);
  }
  events[start][1]._spread = listSpread;
}
