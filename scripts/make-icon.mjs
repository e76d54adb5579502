// Draws images/icon.png (128x128): a letter page with a check badge on a navy tile.
// Kept dependency-free (node:zlib only) so the committed PNG can be regenerated anywhere:
//   node scripts/make-icon.mjs [output-path]
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const SIZE = 128;
// Each pixel is sampled on a 4x4 grid so that edges come out anti-aliased.
const SUBSAMPLES = 4;

const NAVY = [0x1e, 0x3a, 0x5f];
const PAPER = [0xff, 0xff, 0xff];
const FOLD = [0xc9, 0xd6, 0xe3];
const INK = [0x8f, 0xa5, 0xbd];
const HEADING_INK = [0x1e, 0x3a, 0x5f];
const GREEN = [0x2e, 0x9e, 0x5b];

const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};

const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

const polygon = (points) => (x, y) => {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};

/** A stroke of the given width through the points, with round caps and joins. */
const stroke = (points, width) => (x, y) => {
  for (let i = 1; i < points.length; i++) {
    const [ax, ay] = points[i - 1];
    const [bx, by] = points[i];
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    if ((x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= (width / 2) ** 2) return true;
  }
  return false;
};

const pixels = new Float64Array(SIZE * SIZE * 4);

function paint(shape, [r, g, b]) {
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      let hits = 0;
      for (let sy = 0; sy < SUBSAMPLES; sy++) {
        for (let sx = 0; sx < SUBSAMPLES; sx++) {
          if (shape(px + (sx + 0.5) / SUBSAMPLES, py + (sy + 0.5) / SUBSAMPLES)) hits++;
        }
      }
      if (hits === 0) continue;
      const alpha = hits / (SUBSAMPLES * SUBSAMPLES);
      const i = (py * SIZE + px) * 4;
      const outAlpha = alpha + pixels[i + 3] * (1 - alpha);
      for (const [channel, value] of [[0, r], [1, g], [2, b]]) {
        pixels[i + channel] = (value * alpha + pixels[i + channel] * pixels[i + 3] * (1 - alpha)) / outAlpha;
      }
      pixels[i + 3] = outAlpha;
    }
  }
}

// Tile.
paint(roundedRect(4, 4, 124, 124, 22), NAVY);
// Page with its top-right corner folded over.
paint(polygon([[28, 16], [74, 16], [94, 36], [94, 112], [28, 112]]), PAPER);
paint(polygon([[74, 16], [74, 36], [94, 36]]), FOLD);
// Heading bar and text lines.
paint(stroke([[38, 30], [62, 30]], 6), HEADING_INK);
for (const [y, end] of [[46, 84], [58, 84], [70, 72], [82, 60]]) paint(stroke([[38, y], [end, y]], 5), INK);
// Check badge overlapping the page's lower-right corner.
paint(circle(92, 94, 27), NAVY);
paint(circle(92, 94, 23), GREEN);
paint(stroke([[80, 95], [89, 104], [104, 85]], 7), PAPER);

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bits per channel
header[9] = 6; // RGBA
// bytes 10-12: deflate compression, adaptive filtering, no interlace (all zero)

const rows = Buffer.alloc(SIZE * (1 + SIZE * 4));
for (let y = 0; y < SIZE; y++) {
  const rowStart = y * (1 + SIZE * 4);
  rows[rowStart] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    const i = (y * SIZE + x) * 4;
    for (let c = 0; c < 4; c++) {
      const value = c === 3 ? pixels[i + 3] * 255 : pixels[i + c];
      rows[rowStart + 1 + x * 4 + c] = Math.round(Math.min(255, Math.max(0, value)));
    }
  }
}

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(rows, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);

const output = resolve(process.argv[2] ?? 'images/icon.png');
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, png);
console.log(`wrote ${output} (${png.length} bytes)`);
