import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits, mergeFixEdits, type Diagnostic, type Fix } from '../../server/src/core';
import { WINDOWS_1252, WINDOWS_1254, decodeSingleByte } from '../../server/src/core/encoding/codepages';
import { applyRuleFixes, lintText, lineOf, only, ROOT } from '../helpers';

const RULE = 'encoding/mojibake';
const fixture = (name: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'encoding', name), 'utf8');
const clean = fixture('minutes-zh.md');
const utf8 = (text: string) => new TextEncoder().encode(text);

async function mojibake(text: string, options: Parameters<typeof lintText>[2] = {}): Promise<Diagnostic[]> {
  return only((await lintText(text, 'minutes/2024-03-14.md', options)).diagnostics, RULE);
}

/** Applies the preferred fixes that `pick` accepts, pass after pass, as `minutes-lint --fix` does. */
async function fixUntilStable(text: string, pick: (f: Fix) => boolean): Promise<string> {
  for (let pass = 0; pass < 10; pass++) {
    const fixes = (await mojibake(text)).map((d) => d.fixes.find((f) => f.preferred && pick(f))).filter((f) => f !== undefined);
    if (!fixes.length) break;
    text = applyEdits(text, mergeFixEdits(fixes)).text;
  }
  return text;
}

/** Share of the original's characters found, in order, in the repaired text (longest common subsequence). */
function share(original: string, repaired: string): number {
  const a = [...original];
  const b = [...repaired];
  let prev = new Uint16Array(b.length + 1);
  let cur = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] / a.length;
}

const gbk = (() => {
  try {
    return new TextDecoder('gbk');
  } catch {
    return undefined;
  }
})();

describe('encoding/mojibake: correct text stays alone', () => {
  it('French, German, Portuguese, Nordic, Turkish, Polish names, € and typographic quotes', async () => {
    assert.deepEqual(
      (await mojibake(fixture('latin-correct.md'))).map((d) => d.message),
      [],
    );
  });

  it('correct Chinese minutes with full-width punctuation and emoji', async () => {
    assert.deepEqual(await mojibake(clean), []);
    assert.deepEqual(await mojibake(fixture('minutes-zh-previous.md')), []);
  });

  it('a lone accented letter next to Chinese, and `SÃO PAULO`', async () => {
    assert.deepEqual(await mojibake('参会：José、Zoë，地点：SÃO PAULO。\n'), []);
  });
});

describe('encoding/mojibake: lossless damage is repaired to the byte', () => {
  // Made with Python's codecs from minutes-zh.md, independently of the hand-written tables.
  for (const name of ['windows-1252', 'windows-1250', 'latin-1']) {
    it(`UTF-8 read as ${name}`, async () => {
      const damaged = fixture(`minutes-zh.${name}.md`);
      const found = await mojibake(damaged);
      assert.ok(found.length > 20);
      assert.ok(
        found.every((d) => d.fixes[0].preferred && d.fixes[0].safe),
        'exact repairs are preferred and safe',
      );
      assert.equal(applyRuleFixes(damaged, found, RULE), clean);
    });
  }

  it('“repair all mojibake in this file” does the whole file in one fix, and is safe', async () => {
    const damaged = fixture('minutes-zh.windows-1252.md');
    const found = await mojibake(damaged);
    const all = found[0].fixes.find((f) => /all mojibake/.test(f.title))!;
    assert.ok(all && all.safe && !all.preferred);
    assert.equal(applyEdits(damaged, all.edits).text, clean);
  });

  it('a file damaged in many places: the fixes grow with the damage, not with its square', async () => {
    const damaged = fixture('minutes-zh.windows-1252.md').repeat(4);
    const found = await mojibake(damaged);
    assert.ok(found.length > 60);
    const fixes = found.flatMap((d) => d.fixes);
    const edits = fixes.flatMap((f) => f.edits);
    assert.ok(edits.length <= 2 * found.length, `${edits.length} edits for ${found.length} places`);
    const newText = edits.reduce((chars, e) => chars + e.newText.length, 0);
    assert.ok(newText <= damaged.length, `${newText} characters of fixes for ${damaged.length} of text`);
    assert.equal(applyRuleFixes(damaged, found, RULE), clean.repeat(4));
  });

  it('UTF-8 read as Windows-1254 with undefined bytes kept (a lenient decoder)', async () => {
    const damaged = decodeSingleByte(WINDOWS_1254, utf8(clean), true);
    assert.equal(applyRuleFixes(damaged, await mojibake(damaged), RULE), clean);
  });

  it('mojibake of mojibake, one layer per pass', async () => {
    const twice = decodeSingleByte(WINDOWS_1252, utf8(decodeSingleByte(WINDOWS_1252, utf8(clean), true)), true);
    assert.equal(await fixUntilStable(twice, (f) => f.safe === true), clean);
  });

  it('UTF-8 read as GBK, where every byte pairs up', async function () {
    if (!gbk) this.skip();
    const original = '## 时间\n\n主持人：张三\n';
    const damaged = gbk.decode(utf8(original));
    assert.ok(!damaged.includes('\ufffd'));
    const found = await mojibake(damaged);
    assert.ok(found.every((d) => d.fixes[0].safe));
    assert.match(found[0].message, /GBK/);
    assert.equal(applyRuleFixes(damaged, found, RULE), original);
  });

  it('reports a stretch, not the whole file: correct text around it is untouched', async () => {
    const text = '## 时间\n\n2024/03/14，主持人：æ—¶é—´ 周明远\n';
    const [d] = await mojibake(text);
    assert.equal(text.slice(d.span.start, d.span.end), 'æ—¶é—´');
    assert.equal(applyRuleFixes(text, [d], RULE), '## 时间\n\n2024/03/14，主持人：时间 周明远\n');
  });

  it('speaks Chinese too', async () => {
    const [d] = only((await lintText('## æ—¶é—´\n', 'a.md', { lang: 'zh' })).diagnostics, RULE);
    assert.match(d.message, /乱码.*时间/);
    assert.match(d.fixes[0].title, /修复乱码/);
  });
});

describe('encoding/mojibake: lossy damage (bytes dropped) is guessed', () => {
  // The seed's damage: Windows-1254, undefined bytes dropped, soft hyphens stripped (Python's codecs).
  const damaged = fixture('minutes-zh.windows-1254-lossy.md');

  for (const name of ['windows-1254-lossy', 'windows-1252-lossy', 'gbk']) {
    it(`reports every damaged line (${name})`, async function () {
      if (name === 'gbk' && !gbk) this.skip();
      const text = fixture(`minutes-zh.${name}.md`);
      const result = await lintText(text, 'minutes/2024-03-14.md');
      const reported = new Set(only(result.diagnostics, RULE).map((d) => lineOf(result, d)));
      text.split('\n').forEach((line, n) => {
        if (/[\u0080-\uffff]/.test(line)) assert.ok(reported.has(n + 1), `line ${n + 1} not reported: ${line}`);
      });
      const repaired = await fixUntilStable(text, () => true);
      assert.ok(share(clean, repaired) >= 0.9, `${name}: recovered ${share(clean, repaired)}`);
    });
  }

  it('never marks a guess safe, and prefers it only when it clearly wins', async () => {
    const found = await mojibake(damaged);
    const lossy = found.filter((d) => /lost bytes/.test(d.message));
    assert.ok(lossy.length > 20);
    for (const d of lossy) {
      assert.ok(
        d.fixes.every((f) => !f.safe),
        d.message,
      );
      assert.equal(d.fixes[0].preferred, !/no reading clearly wins/.test(d.message), d.message);
    }
    const doubtful = lossy.filter((d) => !d.fixes[0].preferred);
    assert.ok(doubtful.length > 0, 'names and rare characters stay doubtful');
    assert.ok(
      doubtful.every((d) => d.fixes.filter((f) => !/all mojibake/.test(f.title)).length >= 2),
      'a doubtful guess comes with alternatives',
    );
  });

  it('`--fix` leaves guesses alone; `--fix-lossy` recovers most of the text and leaves doubtful characters reported', async () => {
    const safeOnly = await fixUntilStable(damaged, (f) => f.safe === true);
    const lossy = await fixUntilStable(damaged, () => true);
    const before = share(clean, damaged);
    const afterSafe = share(clean, safeOnly);
    const afterLossy = share(clean, lossy);
    assert.ok(before < 0.4, `damaged share ${before}`);
    assert.ok(afterSafe > before && afterSafe < afterLossy, `${afterSafe} vs ${afterLossy}`);
    assert.ok(afterLossy >= 0.9, `recovered ${afterLossy}`);
    // What remains is still reported: no mojibake is left behind silently.
    const left = await mojibake(lossy);
    let covered = lossy;
    for (const d of [...left].reverse()) covered = covered.slice(0, d.span.start) + covered.slice(d.span.end);
    assert.ok(!/[\u00c0-\u00ff]/.test(covered), `unreported mojibake remains: ${covered.match(/.{0,4}[\u00c0-\u00ff].{0,4}/)?.[0]}`);
  });

  it('learns names and words from the team’s other minutes (the injected reference text)', async () => {
    const reference = [fixture('minutes-zh-previous.md')];
    const alone = await mojibake(damaged);
    const informed = await mojibake(damaged, { services: { referenceText: () => reference } });
    const best = (found: Diagnostic[]) => applyEdits(damaged, mergeFixEdits(found.map((d) => d.fixes[0]))).text;
    assert.ok(share(clean, best(informed)) > share(clean, best(alone)), 'reference text improves the guesses');
    assert.ok(share(clean, best(informed)) >= 0.97, `best guesses recover ${share(clean, best(informed))}`);
    // A host that reads the reference without blocking (the server, the CLI) answers with a promise: the same guesses.
    const later = await mojibake(damaged, { services: { referenceText: () => Promise.resolve(reference) } });
    assert.equal(best(later), best(informed));
  });

  it('guesses `于` in `åŸºäº` (基于, the byte 0x8E dropped) and offers the alternatives', async () => {
    const [d] = await mojibake('# åŸºäºeBPF的文件系统优化\n');
    assert.equal(applyRuleFixes('# åŸºäºeBPF的文件系统优化\n', [d], RULE), '# 基于eBPF的文件系统优化\n');
    assert.ok(d.fixes.length >= 2);
  });

  it('GBK: a byte that could not be paired (U+FFFD) is guessed back', async function () {
    if (!gbk) this.skip();
    const original = '结论：同意合入主干。\n下次会议：两周后。\n';
    const damaged = gbk.decode(utf8(original));
    assert.ok(damaged.includes('\ufffd'));
    const found = await mojibake(damaged);
    assert.ok(found.some((d) => /lost bytes/.test(d.message)));
    assert.ok(share(original, applyEdits(damaged, mergeFixEdits(found.map((d) => d.fixes[0]))).text) > 0.9);
    // The U+FFFD belongs to the mojibake: encoding/replacement-char leaves it to this rule.
    const all = (await lintText(damaged, 'a.md')).diagnostics;
    assert.deepEqual(only(all, 'encoding/replacement-char'), []);
  });
});
