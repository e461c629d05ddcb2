// Draws images/icon.png (128×128): a page of minutes with a check mark. Run: node images/draw-icon.mjs
// Plain Node (zlib) so the icon needs no image tool; shapes are supersampled for smooth edges.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const SIZE = 128;
const SAMPLES = 4; // per axis

const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];

const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const segment = (ax, ay, bx, by, halfWidth) => (x, y) => {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= halfWidth * halfWidth;
};

// Painted in order; later shapes cover earlier ones.
/** @type {[number[], (x: number, y: number) => boolean][]} */
const layers = [
  [hex('#1d3557'), roundRect(4, 4, 124, 124, 24)],
  [hex('#f1faee'), roundRect(26, 16, 94, 108, 7)],
  [hex('#457b9d'), roundRect(36, 28, 84, 35, 2)],
  [hex('#a8dadc'), roundRect(36, 45, 78, 50, 2)],
  [hex('#a8dadc'), roundRect(36, 57, 84, 62, 2)],
  [hex('#a8dadc'), roundRect(36, 69, 66, 74, 2)],
  [hex('#2a9d8f'), circle(92, 92, 25)],
  [hex('#f1faee'), (x, y) => segment(80, 92, 88, 101, 4)(x, y) || segment(88, 101, 104, 83, 4)(x, y)],
];

function pixel(px, py) {
  let r = 0, g = 0, b = 0, a = 0;
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      const x = px + (sx + 0.5) / SAMPLES, y = py + (sy + 0.5) / SAMPLES;
      let color;
      for (const [c, inside] of layers) if (inside(x, y)) color = c;
      if (color) { r += color[0]; g += color[1]; b += color[2]; a += 1; }
    }
  }
  // Average the colour over covered samples only; coverage becomes alpha.
  return a ? [r / a, g / a, b / a, (255 * a) / (SAMPLES * SAMPLES)].map(Math.round) : [0, 0, 0, 0];
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) raw.set(pixel(x, y), y * (SIZE * 4 + 1) + 1 + x * 4);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(fileURLToPath(new URL('./icon.png', import.meta.url)), png);
