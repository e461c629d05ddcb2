import assert from 'node:assert/strict';
import { applyRuleFixes, lintText, only } from '../helpers';

const INVISIBLE = 'encoding/invisible';
const REPLACEMENT = 'encoding/replacement-char';

async function findings(text: string, rule: string) {
  return only((await lintText(text, 'minutes/2024-05-16.md')).diagnostics, rule);
}

describe('encoding/invisible', () => {
  it('finds a zero-width space inside a handle and removes it', async () => {
    const text = '- 修复了缓存问题 @li\u200bxiao\n';
    const [d] = await findings(text, INVISIBLE);
    assert.match(d.message, /U\+200B/);
    assert.deepEqual(d.span, { start: text.indexOf('\u200b'), end: text.indexOf('\u200b') + 1 });
    assert.ok(d.fixes[0].safe && d.fixes[0].preferred);
    assert.equal(applyRuleFixes(text, [d], INVISIBLE), '- 修复了缓存问题 @lixiao\n');
  });

  it('calls bidirectional controls a review-security issue', async () => {
    const text = '结论：同意合入 \u202etnemirepxe\u202c，下周发布。\n';
    const found = await findings(text, INVISIBLE);
    assert.equal(found.length, 2);
    assert.ok(found.every((d) => /security/.test(d.message)));
    assert.equal(applyRuleFixes(text, found, INVISIBLE), '结论：同意合入 tnemirepxe，下周发布。\n');
    const [zh] = only((await lintText(text, 'a.md', { lang: 'zh' })).diagnostics, INVISIBLE);
    assert.match(zh.message, /安全/);
  });

  it('reports a BOM in mid-text but not the one that starts the file', async () => {
    assert.deepEqual(await findings('\ufeff## 时间\n', INVISIBLE), []);
    const [d] = await findings('## 时间\n\ufeff2024/05/16\n', INVISIBLE);
    assert.match(d.message, /Byte order mark/);
  });

  it('reports C0 and C1 controls, one finding per run', async () => {
    const found = await findings('发布计划\u0007\u0007\n版本\u0085说明\n', INVISIBLE);
    assert.equal(found.length, 2);
    assert.match(found[0].message, /U\+0007/);
    assert.match(found[1].message, /U\+0085/);
  });

  it('leaves tabs, full-width punctuation, the ideographic space and emoji joiners alone', async () => {
    const text = '结论：\t同意，（下周）发布。\u3000全角空格\n- 👩\u200d💻 远程参会\n';
    assert.deepEqual(await findings(text, INVISIBLE), []);
  });

  it('leaves C1 controls that belong to mojibake to encoding/mojibake', async () => {
    // `发` (E5 8F 91) read as Windows-1252 by a decoder that keeps the undefined byte 0x8F.
    const text = '讨论了å\u008f‘布计划\n';
    assert.deepEqual(await findings(text, INVISIBLE), []);
    assert.equal(only((await lintText(text, 'a.md')).diagnostics, 'encoding/mojibake').length, 1);
  });
});

describe('encoding/replacement-char', () => {
  it('reports U+FFFD as characters already lost, pointing to version control', async () => {
    const [d] = await findings('会议时间：2023/04/13 19:00-19:30 中国标准时\ufffd\n', REPLACEMENT);
    assert.match(d.message, /already lost/);
    assert.match(d.message, /version control/);
    assert.deepEqual(d.fixes, []);
  });

  it('reports 锟斤拷 runs once each', async () => {
    const found = await findings('1. 锟斤拷锟斤拷的计划\n2. 锟斤拷\n', REPLACEMENT);
    assert.equal(found.length, 2);
    assert.match(found[0].message, /GBK/);
  });

  it('has nothing to say about correct text', async () => {
    assert.deepEqual(await findings('会议时间：2023/04/13 中国标准时间\n', REPLACEMENT), []);
  });
});
