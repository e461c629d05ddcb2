import { getNodeValue, type Node } from 'jsonc-parser';
import { roleFromKey } from './roles';

/** A role's list in a roster's JSON: where each item starts, and its value if a roster reads it (a string, an object). */
export interface JsonList {
  role: string;
  items: Array<{ offset: number; value: unknown }>;
}

/** The text nests arrays and objects deeper than allowed. */
export const TOO_DEEP = 'too deep';

/** Thrown from deep inside the walk, caught at its top. */
class TooDeep extends Error {}

/*
 * Where the lists are: under the root object, a key whose value is an array is a role
 * (`"maintainers": [...]`), an object holds more of them (`{ "curvefs": { "maintainers": [...] } }`:
 * a team per component), a key starting with `_` is a comment; a root array lists members.
 */
const isComment = (key: string) => key.startsWith('_');
const ROOT_ARRAY_ROLE = 'member';

/** The lists of a tree that jsonc-parser read (leniently: the text may be broken). */
export function listsOfTree(root: Node | undefined): JsonList[] {
  const lists: JsonList[] = [];
  const readList = (list: Node, role: string) =>
    lists.push({
      role,
      items: (list.children ?? []).map((item) => ({
        offset: item.offset,
        value: (item.type === 'object' ? getNodeValue(item) : item.type === 'string' ? item.value : undefined) as unknown,
      })),
    });
  const visitObject = (node: Node): void => {
    for (const property of node.children ?? []) {
      const [keyNode, value] = property.children ?? [];
      if (!keyNode || !value || typeof keyNode.value !== 'string' || isComment(keyNode.value)) continue;
      if (value.type === 'array') readList(value, roleFromKey(keyNode.value));
      else if (value.type === 'object') visitObject(value);
    }
  };
  if (root?.type === 'object') visitObject(root);
  else if (root?.type === 'array') readList(root, ROOT_ARRAY_ROLE);
  return lists;
}

/**
 * The lists of a text that is strict JSON, or undefined when it is not (`JSON.parse` judges):
 * jsonc-parser then reads it leniently and says where it is broken.
 *
 * Why: jsonc-parser's tree of a 10,000-person `team.json` (900 KB) costs about 200 ms of CPU
 * and 100,000 nodes, more from cold. Here the text, known valid, is walked only down to the
 * lists; each item is a string sliced out or an object given to `JSON.parse` (native), and what
 * lies elsewhere is skipped by a regular expression. Every bracket is counted on the way, so a
 * text nested deeper than `maxDepth` is refused as `jsonDepth` would refuse it.
 */
export function strictJsonLists(text: string, maxDepth: number): JsonList[] | typeof TOO_DEEP | undefined {
  return finish(readingStrictJsonLists(text, maxDepth));
}

/**
 * `strictJsonLists` a step at a time: `JSON.parse` is one step, then `ITEMS_PER_STEP` list items
 * per step, each also given to `onItem` as it is read (a caller may use the first before the last is read).
 */
export function* readingStrictJsonLists(
  text: string,
  maxDepth: number,
  onItem?: (role: string, item: JsonList['items'][number]) => void,
): Generator<void, JsonList[] | typeof TOO_DEEP | undefined> {
  try {
    JSON.parse(text);
  } catch {
    return undefined;
  }
  yield;
  const walker = new ValidJsonWalker(text, maxDepth, onItem);
  try {
    return yield* walker.lists();
  } catch (error) {
    if (error instanceof TooDeep) return TOO_DEEP;
    throw error;
  }
}

/** List items read (or entries made of them) per step, when a roster file is read in steps. */
export const ITEMS_PER_STEP = 250;

/** Runs a generator's steps at once; its result. */
export function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

const SPACE = /[ \t\r\n]*/y;
/** Up to the next bracket outside a string: all that skipping a value must see. */
const UNTIL_BRACKET = /[^"[\]{}]*(?:"(?:[^"\\]|\\.)*"[^"[\]{}]*)*/y;
const LITERAL = /[^,\]}\s]*/y;

/** Walks a text that `JSON.parse` accepted: every shortcut below relies on that. */
class ValidJsonWalker {
  private at = 0;
  private items = 0;
  private readonly found: JsonList[] = [];

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
    private readonly onItem?: (role: string, item: JsonList['items'][number]) => void,
  ) {}

  /** Yields every `ITEMS_PER_STEP` list items. */
  *lists(): Generator<void, JsonList[]> {
    this.space();
    const first = this.text[this.at];
    if (first === '{') yield* this.object(1);
    else if (first === '[') yield* this.list(ROOT_ARRAY_ROLE, 1);
    else this.skipValue(0);
    return this.found;
  }

  private *object(depth: number): Generator<void, void> {
    this.enter(depth);
    this.at++;
    for (this.space(); this.text[this.at] !== '}'; this.separator()) {
      const key = this.string();
      this.space();
      this.at++; // the colon
      this.space();
      const c = this.text[this.at];
      if (isComment(key)) this.skipValue(depth);
      else if (c === '[') yield* this.list(roleFromKey(key), depth + 1);
      else if (c === '{') yield* this.object(depth + 1);
      else this.skipValue(depth);
    }
    this.at++;
  }

  private *list(role: string, depth: number): Generator<void, void> {
    this.enter(depth);
    const items: JsonList['items'] = [];
    this.at++;
    for (this.space(); this.text[this.at] !== ']'; this.separator()) {
      const offset = this.at;
      const c = this.text[offset];
      let value: unknown;
      if (c === '"') value = this.string();
      else {
        this.skipValue(depth);
        value = c === '{' ? JSON.parse(this.text.slice(offset, this.at)) : undefined;
      }
      const item = { offset, value };
      items.push(item);
      this.onItem?.(role, item);
      if (++this.items % ITEMS_PER_STEP === 0) yield;
    }
    this.at++;
    this.found.push({ role, items });
  }

  /** Moves past the value at the cursor, counting the brackets it nests. */
  private skipValue(depth: number): void {
    const { text } = this;
    const c = text[this.at];
    if (c === '"') {
      this.string();
      return;
    }
    if (c !== '{' && c !== '[') {
      this.at = this.after(LITERAL);
      return;
    }
    for (let open = 0; ; this.at = this.after(UNTIL_BRACKET)) {
      const bracket = text[this.at++];
      if (bracket === '{' || bracket === '[') this.enter(depth + ++open);
      else if (--open === 0) return;
    }
  }

  /** The string at the cursor, unescaped; the cursor moves past it. */
  private string(): string {
    const { text } = this;
    const start = this.at;
    let end = text.indexOf('"', start + 1);
    // A quote ends the string unless an odd number of backslashes escapes it.
    for (let backslashes = 0; ; backslashes = 0) {
      while (text.charCodeAt(end - 1 - backslashes) === 0x5c /* \ */) backslashes++;
      if (backslashes % 2 === 0) break;
      end = text.indexOf('"', end + 1);
    }
    this.at = end + 1;
    const raw = text.slice(start, this.at);
    return raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
  }

  private enter(depth: number): void {
    if (depth > this.maxDepth) throw new TooDeep();
  }

  private space(): void {
    this.at = this.after(SPACE);
  }

  /** Where a sticky pattern that always matches (maybe nothing) stops, from the cursor. */
  private after(pattern: RegExp): number {
    pattern.lastIndex = this.at;
    pattern.test(this.text);
    return pattern.lastIndex;
  }

  /** Past the white space and the comma (if any) after an item. */
  private separator(): void {
    this.space();
    if (this.text[this.at] === ',') this.at++;
    this.space();
  }
}
