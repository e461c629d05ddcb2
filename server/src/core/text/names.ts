import { trimEndOf, trimEndWhere } from './trim';

/**
 * Compares titles and labels the way people vary them: case, spaces, trailing colons, a note in
 * brackets after the name (`议题列表（更新中）：`, `参会人员(应超过TC总人数的一半)：`), and the
 * emoji some teams mark sections with and change from meeting to meeting (`🚧项目进度`).
 */
export function normalizeName(name: string): string {
  let normal = normalNames.get(name);
  if (normal === undefined) {
    normal = withoutNote(name)
      .replace(EMOJI, '')
      .replace(/[\s*_`]+/g, '')
      .toLowerCase();
    // Every rule compares every title with every name of the template, again after each keystroke.
    if (normalNames.size >= NORMAL_NAMES_KEPT) normalNames.clear();
    normalNames.set(name, normal);
  }
  return normal;
}

const normalNames = new Map<string, string>();
const NORMAL_NAMES_KEPT = 4096;

// Pictographs and skin tones, with the variation selectors, joiners and keycap marks that dress them.
const EMOJI = /[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\p{Variation_Selector}\p{Join_Control}\p{Enclosing_Mark}]/gu;

const isDecoration = (ch: string) => /[\s*_`]/.test(ch);

/** `议题列表（更新中）：` → `议题列表`: the name without a trailing colon and a bracketed note after it. */
export function withoutNote(name: string): string {
  const tail = trimEndWhere(name, isDecoration);
  const colonless = trimEndOf(tail, ':：');
  const bare = colonless.length < tail.length ? trimEndWhere(colonless, isDecoration) : name;
  const note = /(?<!\s)\s*[(（][^()（）]*[)）]$/.exec(bare);
  return note && note.index > 0 ? bare.slice(0, note.index) : bare;
}
