import assert from 'node:assert/strict';
import { candidatesOf } from '../../server/src/core/encoding/candidates';
import { CODE_PAGES, LATIN_1, WINDOWS_1250, WINDOWS_1252, WINDOWS_1254, decodeSingleByte } from '../../server/src/core/encoding/codepages';
import { buildGbkTable, gbkTable } from '../../server/src/core/encoding/gbk';
import { tokenizeUtf8 } from '../../server/src/core/encoding/utf8';

const bytesOf = (text: string) => new TextEncoder().encode(text);

describe('encoding: code-page tables', () => {
  it('decode the 0x80–0x9F row by hand, not as Latin-1', () => {
    assert.equal(decodeSingleByte(WINDOWS_1252, Uint8Array.from([0x80, 0x93, 0x94, 0x9f])), '€“”Ÿ');
    assert.equal(decodeSingleByte(LATIN_1, Uint8Array.from([0x80, 0x93])), '\u0080\u0093');
  });

  it('know which bytes each code page leaves undefined', () => {
    assert.deepEqual(WINDOWS_1252.undefinedBytes, [0x81, 0x8d, 0x8f, 0x90, 0x9d]);
    assert.deepEqual(WINDOWS_1254.undefinedBytes, [0x81, 0x8d, 0x8e, 0x8f, 0x90, 0x9d, 0x9e]);
    assert.deepEqual(WINDOWS_1250.undefinedBytes, [0x81, 0x83, 0x88, 0x90, 0x98]);
    assert.deepEqual(LATIN_1.undefinedBytes, []);
  });

  it('hold the letters that tell the Windows code pages apart', () => {
    assert.equal(decodeSingleByte(WINDOWS_1254, Uint8Array.from([0xd0, 0xdd, 0xde, 0xf0, 0xfd, 0xfe])), 'ĞİŞğış');
    assert.equal(decodeSingleByte(WINDOWS_1250, Uint8Array.from([0x8c, 0xa3, 0xb9, 0xe8, 0xf8])), 'ŚŁąčř');
    assert.equal(decodeSingleByte(WINDOWS_1252, Uint8Array.from([0xd0, 0xf0, 0x8e])), 'ÐðŽ');
  });

  it('map every decoded character back to its byte, a kept C1 control included', () => {
    for (const page of CODE_PAGES) {
      for (let b = 0x80; b < 0x100; b++) {
        const char = page.chars[b] ?? String.fromCharCode(b);
        assert.equal(page.byteOf(char), b, `${page.name} byte ${b.toString(16)}`);
      }
    }
  });

  it('drop undefined bytes like a careless decoder, or keep them as C1 controls', () => {
    const bytes = bytesOf('发'); // E5 8F 91: 0x8F is undefined in Windows-1252
    assert.equal(decodeSingleByte(WINDOWS_1252, bytes), 'å‘');
    assert.equal(decodeSingleByte(WINDOWS_1252, bytes, true), 'å\u008f‘');
  });
});

describe('encoding: UTF-8 tokens', () => {
  it('tell whole characters, characters that lost continuation bytes, and stray bytes apart', () => {
    const tokens = tokenizeUtf8(Uint8Array.from([0xe5, 0x9f, 0xba, 0xe4, 0xba, 0x41, 0x93, 0xc3]));
    assert.deepEqual(
      tokens.map((t) => t.kind),
      ['char', 'partial', 'ascii', 'stray', 'partial'],
    );
    assert.equal(tokens[0].kind === 'char' && String.fromCodePoint(tokens[0].code), '基');
  });

  it('reject overlong forms and surrogates', () => {
    assert.deepEqual(
      tokenizeUtf8(Uint8Array.from([0xe0, 0x80, 0x80])).map((t) => t.kind),
      ['stray'],
    );
    assert.deepEqual(
      tokenizeUtf8(Uint8Array.from([0xed, 0xa0, 0x80])).map((t) => t.kind),
      ['stray'],
    );
  });

  it('enumerate the characters lost bytes can complete, wherever the gap is', () => {
    // `äº` is E4 BA: `于` (E4 BA 8E) lost its last byte in Windows-1254; `亭` (E4 BA AD) a soft hyphen.
    const found = candidatesOf({ present: [0xe4, 0xba], length: 3, choices: [...WINDOWS_1254.undefinedBytes, 0xad] });
    assert.ok(found.includes('于') && found.includes('亭') && found.includes('亏'));
    assert.ok(found.includes('䍺'), 'the gap may also be in the middle: E4 8D BA');
    assert.ok(found.every((c) => new TextEncoder().encode(c).length === 3));
  });
});

describe('encoding: GBK table', () => {
  const table = gbkTable();
  before(function () {
    if (!table) this.skip(); // a Node built without full ICU has no GBK decoder
  });

  it('encodes back what the platform decodes', () => {
    for (const char of '鍩轰簬会议纪要，：（）€') {
      const bytes = table!.bytesOf(char)!;
      assert.ok(bytes, char);
      assert.equal(table!.decode(Uint8Array.from(bytes)), char);
    }
    assert.deepEqual(table!.bytesOf('中'), [0xd6, 0xd0]);
  });

  it('reads every pair at once exactly as it reads them one by one', () => {
    const decoder = new TextDecoder('gbk');
    const atOnce = buildGbkTable(decoder);
    const separated = buildGbkTable(decoder, true);
    let encodable = 0;
    for (let unit = 0; unit < 0x10000; unit++) {
      assert.equal(atOnce.codeOf(unit), separated.codeOf(unit), `U+${unit.toString(16)}`);
      if (atOnce.codeOf(unit) > 0xff) encodable++;
    }
    assert.ok(encodable > 21000, `${encodable} characters have two GBK bytes`);
  });

  it('is built lazily and quickly', () => {
    assert.ok(table!.buildMs < 500, `built in ${table!.buildMs} ms`);
  });
});
