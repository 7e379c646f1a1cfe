/**
 * Writes a grid of 28 x 28 greyscale images as an 8-bit greyscale PNG (Node's zlib), so a
 * quality run leaves pictures to look at next to its numbers.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/**
 * @param images [side * side, 784] pixels in [0, 1], row-major cells (the top row first)
 * @param gap white-ish pixels between cells
 */
export function writeGridPng(path: string, images: Float32Array, side: number, gap = 2): void {
  const cell = 28;
  const width = side * cell + (side + 1) * gap;
  const raw = Buffer.alloc((width + 1) * width, 0);
  for (let y = 0; y < width; y++) raw.fill(200, y * (width + 1) + 1, (y + 1) * (width + 1));
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      const image = (r * side + c) * 784;
      for (let py = 0; py < cell; py++) {
        const y = gap + r * (cell + gap) + py;
        for (let px = 0; px < cell; px++) {
          const x = gap + c * (cell + gap) + px;
          // Ink dark on light, as the lab draws digits.
          raw[y * (width + 1) + 1 + x] = Math.round(255 * (1 - Math.min(1, Math.max(0, images[image + py * cell + px]))));
        }
      }
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(width, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(
    path,
    Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]),
  );
}
