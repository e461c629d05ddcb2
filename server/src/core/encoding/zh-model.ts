import { gbkTable } from './gbk';
import { ZH_SAMPLE } from './zh-sample';

/**
 * Character and character-pair statistics of correctly encoded text, used to rank the
 * candidates of a lossy repair (`基于` over `基亏` after `åŸºäº`) and to tell GBK mojibake
 * (rare characters) from Chinese (common ones). Counts come from the built-in sample and
 * from whatever correctly encoded minutes the host passes in; characters never seen fall
 * back to a prior from the GB2312 levels (level 1 holds the 3,755 common characters).
 */
export class CharModel {
  /** Pseudo-counts of the prior (about the built-in sample's size), and Witten–Bell's follower weight. Tuned on the corpus. */
  static priorWeight = 3000;
  static bigramConfidence = 2;

  private readonly unigrams = new Map<string, number>();
  private readonly bigrams = new Map<string, number>();
  /** How many different tokens follow each token: Witten–Bell smoothing trusts pairs less after a versatile character. */
  private readonly followers = new Map<string, number>();
  private ownTotal = 0;

  /** Counts of `base` show through: extending a model copies nothing. */
  constructor(private readonly base?: CharModel) {}

  addText(text: string): this {
    let previous: string | undefined;
    for (const char of text) {
      const token = tokenOf(char);
      this.unigrams.set(token, (this.unigrams.get(token) ?? 0) + 1);
      this.ownTotal++;
      if (previous !== undefined) {
        const key = previous + '\u0000' + token;
        const seen = this.bigrams.get(key) ?? 0;
        // Counted per layer: a follower known to both layers counts twice, a small overestimate.
        if (seen === 0) this.followers.set(previous, (this.followers.get(previous) ?? 0) + 1);
        this.bigrams.set(key, seen + 1);
      }
      previous = token;
    }
    return this;
  }

  /** A model with more text counted on top of this one, which stays untouched. */
  extendedWith(texts: readonly string[]): CharModel {
    const model = new CharModel(this);
    for (const text of texts) model.addText(text);
    return model;
  }

  private get total(): number {
    return this.ownTotal + (this.base?.total ?? 0);
  }

  private unigram(token: string): number {
    return (this.unigrams.get(token) ?? 0) + (this.base?.unigram(token) ?? 0);
  }

  private bigram(key: string): number {
    return (this.bigrams.get(key) ?? 0) + (this.base?.bigram(key) ?? 0);
  }

  private followerCount(token: string): number {
    return (this.followers.get(token) ?? 0) + (this.base?.followerCount(token) ?? 0);
  }

  /** log P(char), smoothed towards the prior so unseen characters keep a rank. */
  logUnigram(char: string): number {
    const token = tokenOf(char);
    return Math.log((this.unigram(token) + CharModel.priorWeight * priorOf(token)) / (this.total + CharModel.priorWeight));
  }

  /** log P(char | previous), interpolated with the unigram by how much is known about `previous`. */
  logConditional(previous: string | undefined, char: string): number {
    const unigram = Math.exp(this.logUnigram(char));
    if (previous === undefined) return Math.log(unigram);
    const prev = tokenOf(previous);
    const prevCount = this.unigram(prev);
    if (prevCount === 0) return Math.log(unigram);
    const pair = this.bigram(prev + '\u0000' + tokenOf(char));
    const weight = prevCount / (prevCount + CharModel.bigramConfidence * this.followerCount(prev));
    return Math.log(weight * (pair / prevCount) + (1 - weight) * unigram);
  }
}

/** ASCII is only context: letters and digits, spaces, and punctuation each count as one token. */
function tokenOf(char: string): string {
  const code = char.charCodeAt(0);
  if (code >= 0x80) return char;
  if (/[A-Z0-9]/i.test(char)) return 'a';
  if (/\s/.test(char)) return ' ';
  return '.';
}

const priorCache = new Map<string, number>();

/** A rough probability for a character never counted, by how common its kind is. */
function priorOf(token: string): number {
  let prior = priorCache.get(token);
  if (prior === undefined) {
    prior = computePrior(token);
    priorCache.set(token, prior);
  }
  return prior;
}

function computePrior(token: string): number {
  if (token.length === 1 && token.charCodeAt(0) < 0x80) return 0.02;
  const code = token.codePointAt(0)!;
  const gbk = gbkTable()?.bytesOf(token);
  if (gbk?.length === 2) {
    const [lead, trail] = gbk;
    if (trail >= 0xa1) {
      if (lead >= 0xb0 && lead <= 0xd7) return 0.8 / 3755;
      if (lead >= 0xd8 && lead <= 0xf7) return 0.05 / 3008;
      if (lead >= 0xa1 && lead <= 0xa9) return 0.02 / 700; // symbols, kana, Greek, Cyrillic, box drawing
    }
    return 0.002 / 14000; // GBK's extension rows: rare characters
  }
  if (code >= 0x4e00 && code <= 0x9fff) return 0.001 / 20000;
  if ((code >= 0x3400 && code <= 0x4dbf) || code >= 0x20000) return 0.0001 / 50000;
  if (code >= 0xff01 && code <= 0xff5e) return 0.02 / 94;
  if (code >= 0x00a0 && code <= 0x017f) return 0.01 / 220;
  if (code >= 0x2000 && code <= 0x206f) return 0.01 / 100;
  if (code >= 0x1f300 && code <= 0x1faff) return 0.005 / 2000;
  return 0.0005 / 20000;
}

let builtin: CharModel | undefined;
const extended = new WeakMap<readonly string[], CharModel>();

/** The model of the built-in sample, extended with the host's reference texts when given. */
export function charModel(reference?: readonly string[]): CharModel {
  builtin ??= new CharModel().addText(ZH_SAMPLE);
  if (!reference?.length) return builtin;
  let model = extended.get(reference);
  if (!model) {
    model = builtin.extendedWith(reference);
    extended.set(reference, model);
  }
  return model;
}
