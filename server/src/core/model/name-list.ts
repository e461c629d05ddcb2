/**
 * Lists of people as minutes write them: `张三、李四，王五, Xiaosu Li; 赵六`,
 * `*Ken* M., *Jeff* L.`, `Heshan Du, Yiming Tang, <br>Yani Huang`, and what one item says.
 */

export interface Piece {
  start: number;
  end: number;
}

/** One item of a list of people, read. */
export interface NamedPerson {
  /** The item as written. */
  text: string;
  /** The person's name without remarks, handles, addresses or emphasis; may be empty. */
  name: string;
  /** The @handle without `@`, when the item gives one. */
  handle?: string;
}

const OPENERS = '(（[【<《「';
const CLOSERS = ')）]】>》」';
const HARD_SEPARATORS = new Set(['、', '，', ',', ';', '；', '。', '．']);
const SPACE = /\s/;
const DASHES = '-—–';
const LATIN = /[A-Z0-9'’.-]/i;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
// `<br>` inside a table cell breaks a list of names across lines.
const LINE_BREAK_TAG = /<br\s*\/?>/gi;

/**
 * Splits `text[start, end)` into the spans of its items. Separators: `、，,;；。．`, `<br>`, an
 * ASCII period followed by a space (`王志钢. 赵川峰`), and spaces between Chinese names. Spaces
 * inside Latin names (`Xiaosu Li`), before remarks (`张三 (Huawei)`, `张三 @zhangsan`) and inside
 * a name spelled with a space (`石 勇`) do not split. Nothing splits inside brackets.
 */
export function splitList(text: string, start: number, end: number): Piece[] {
  const hard: Piece[] = [];
  let depth = 0;
  let from = start;
  const breaks = lineBreakTags(text, start, end);
  for (let i = start; i < end; i++) {
    const c = text[i];
    const tag = breaks.get(i);
    if (tag !== undefined) {
      hard.push({ start: from, end: i });
      from = i + tag;
      i = from - 1;
    } else if (OPENERS.includes(c)) depth++;
    else if (CLOSERS.includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && (HARD_SEPARATORS.has(c) || (c === '.' && (i + 1 === end || SPACE.test(text[i + 1])) && !isInitial(text, i)))) {
      hard.push({ start: from, end: i });
      from = i + 1;
    }
  }
  hard.push({ start: from, end });
  return hard
    .flatMap((p) => splitOnSpaces(text, p))
    .map(trimPiece(text))
    .filter((p) => p.end > p.start);
}

/** Where `<br>` tags start in the range, and their lengths. */
function lineBreakTags(text: string, start: number, end: number): Map<number, number> {
  const tags = new Map<number, number>();
  const slice = text.slice(start, end);
  if (!slice.includes('<')) return tags;
  for (const m of slice.matchAll(LINE_BREAK_TAG)) tags.set(start + m.index, m[0].length);
  return tags;
}

/** `J. Smith`, `*Ken* M.`: a period after a single capital is an initial, not a separator. */
function isInitial(text: string, i: number): boolean {
  return /[A-Z]/.test(text[i - 1] ?? '') && !/[A-Z]/i.test(text[i - 2] ?? '');
}

function splitOnSpaces(text: string, piece: Piece): Piece[] {
  const tokens: Piece[] = [];
  let depth = 0;
  let tokenStart = -1;
  for (let i = piece.start; i < piece.end; i++) {
    const c = text[i];
    if (OPENERS.includes(c)) depth++;
    else if (CLOSERS.includes(c)) depth = Math.max(0, depth - 1);
    if (SPACE.test(c) && depth === 0) {
      if (tokenStart >= 0) tokens.push({ start: tokenStart, end: i });
      tokenStart = -1;
    } else if (tokenStart < 0) tokenStart = i;
  }
  if (tokenStart >= 0) tokens.push({ start: tokenStart, end: piece.end });
  if (tokens.length <= 1) return [piece];
  const merged: Piece[] = [tokens[0]];
  for (const token of tokens.slice(1)) {
    const last = merged[merged.length - 1];
    if (belongTogether(text, last, token)) last.end = token.end;
    else merged.push({ ...token });
  }
  return merged;
}

function belongTogether(text: string, left: Piece, right: Piece): boolean {
  const before = text[left.end - 1];
  const after = text[right.start];
  const rightText = text.slice(right.start, right.end);
  // `*Ken* M.`: emphasis around a first name does not end the name.
  if ((LATIN.test(before) || before === '*' || before === '_') && (LATIN.test(after) || after === '*' || after === '_')) return true;
  // Remarks, handles and addresses qualify the name before them.
  if (OPENERS.includes(after) || after === '@' || /^[\w.+-]+@[\w-]+\./.test(rightText) || DASHES.includes(after)) return true;
  // `田忠 - 腾讯`: what follows a dash says where the person works; it is no second person.
  if (DASHES.includes(before) && (left.end - left.start === 1 || SPACE.test(text[left.end - 2]))) return true;
  // `石 勇`, `王 建民`: a lone character before a name is a surname written with a space.
  return left.end - left.start === 1 && CJK.test(before) && CJK.test(after);
}

/** Trims spaces off a piece. */
export function trimPiece(text: string) {
  return (p: Piece): Piece => {
    let { start, end } = p;
    while (start < end && SPACE.test(text[start])) start++;
    while (end > start && SPACE.test(text[end - 1])) end--;
    return { start, end };
  };
}

const HANDLE = /(?<![\w.@])@([A-Z0-9][\w.-]*\w|[A-Z0-9])/i;
const EMAIL = /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const REMARK = /[(（[【<《「][^)）\]】>》」]*[)）\]】>》」]?/g;

/** What one item of a list says: its name and handle. Undefined when it names no one. */
export function readPerson(itemText: string): NamedPerson | undefined {
  const withoutMail = itemText.replace(EMAIL, ' ');
  const handle = HANDLE.exec(withoutMail)?.[1];
  const name = withoutMail
    .replace(REMARK, ' ')
    // HANDLE's group is the login (read above); here every handle is only blanked out.
    // eslint-disable-next-line regexp/no-unused-capturing-group
    .replace(new RegExp(HANDLE.source, `${HANDLE.flags}g`), ' ')
    .replace(/[*`~]+|\b_+|(?<!_)_+\b/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s\p{P}]+|(?<![\s\p{P}])[\s\p{P}]+$/gu, '')
    // `xiongpin 等`: "and others" ends the list; it is not part of the last name.
    .replace(/ 等人?$/u, '')
    .trim();
  if (!name && !handle) return undefined;
  return { text: itemText, name, handle };
}

const NOBODY = /^(?:n\/?a|none|nil|nobody|tbd|tba|etc|and others|无|暂无|没有|等|等人)$/i;

/**
 * A line that tells about the attendance instead of listing it: `本次会议共有 30 名成员参会，由…组成。`,
 * `Will record detailed attendance starting next meeting.` Its words are no names.
 */
export function isProse(text: string): boolean {
  if (/(?<!\d)\d+\s*(?:\+\s*)?(?:[名人位]|people|persons|participants|members|attendees)/i.test(text)) return true;
  if (/[。！？]./.test(text.trim())) return true;
  return text
    .replace(/[(（[【][^()（）[\]【】]*[)）\]】]/g, ' ')
    .split(/[、，,;；。．]|\.\s|<br\s*\/?>/i)
    .some((segment) => (segment.match(/[\u3400-\u9fff]/g)?.length ?? 0) > 8 || segment.trim().split(/\s+/).length > 6);
}

/**
 * Could this be a person rather than a sentence or a count? `7/7`, `本次会议共有 30 名成员参会`
 * and `Will record detailed attendance starting next meeting` are not; `Joyee Cheung`, `熊伟`,
 * `hudeng-go` and `Crypdough.eth` are.
 */
export function isPlausiblePerson(person: NamedPerson): boolean {
  if (person.handle && !person.name) return true;
  const name = person.name;
  if (!/\p{L}/u.test(name) || NOBODY.test(name)) return false;
  const ideographs = name.match(/[\u3400-\u9fff\uf900-\ufaff]/g)?.length ?? 0;
  // `中科微澜-闫志全`: a company before the name still reads as a person.
  if (ideographs > 10) return false;
  const words = name.split(/\s+/).filter(Boolean);
  // `Kevin Wang, TOC Sponsor of KServe`: the words after the comma are a role, not a second person.
  if (ROLE.test(name)) return false;
  return words.length <= 5 && !/[。！？!?]$/.test(person.text.trim());
}

const ROLE = /\S (?:of|for) \S/;
