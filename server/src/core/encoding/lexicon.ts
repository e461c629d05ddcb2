/**
 * Whether a character makes a word with its neighbours, from the word dictionary that ICU
 * ships for Chinese segmentation (`Intl.Segmenter`): `开启` is a word, `开可` is not. It weighs
 * the candidates of a lossy repair next to the character statistics. Runtimes built without
 * the dictionary segment character by character, and the signal is simply absent.
 */
let segmenter: Intl.Segmenter | null | undefined;

function chineseSegmenter(): Intl.Segmenter | undefined {
  if (segmenter === undefined) {
    try {
      segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
    } catch {
      segmenter = null;
    }
  }
  return segmenter ?? undefined;
}

/** Length (in UTF-16 units) of the dictionary word of `text` that holds the character at `index`; 1 when none. */
export function wordLengthAt(text: string, index: number): number {
  const words = chineseSegmenter();
  if (!words) return 1;
  for (const { segment, index: start, isWordLike } of words.segment(text)) {
    if (index >= start && index < start + segment.length) return isWordLike ? segment.length : 1;
  }
  return 1;
}
