// Just enough of PNG to read what pdftoppm writes (8-bit gray, RGB or RGBA, not interlaced), so a
// test can look at the pixels of a rendered page: is there a chart, in which colours, where.
import zlib from 'node:zlib';

export interface Image {
  width: number;
  height: number;
  /** RGB, 3 bytes per pixel, row after row. */
  rgb: Uint8Array;
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 6: 4 };

export function decodePng(buf: Buffer): Image {
  if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let pos = 8;
  let width = 0;
  let height = 0;
  let type = -1;
  const idat: Buffer[] = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const kind = buf.toString('ascii', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (kind === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[12] !== 0) throw new Error('only 8-bit, non-interlaced PNG');
      type = data[9];
    } else if (kind === 'IDAT') idat.push(data);
    else if (kind === 'IEND') break;
    pos += 12 + len;
  }
  const ch = CHANNELS[type];
  if (!ch) throw new Error(`PNG colour type ${type} not supported`);
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * ch;
  const out = new Uint8Array(width * height * ch);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= ch ? out[y * stride + x - ch] : 0;
      const b = y > 0 ? out[(y - 1) * stride + x] : 0;
      const c = x >= ch && y > 0 ? out[(y - 1) * stride + x - ch] : 0;
      let v = line[x];
      if (f === 1) v += a;
      else if (f === 2) v += b;
      else if (f === 3) v += (a + b) >> 1;
      else if (f === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[y * stride + x] = v & 0xff;
    }
  }
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) {
    rgb[i * 3] = out[i * ch];
    rgb[i * 3 + 1] = out[i * ch + (ch >= 3 ? 1 : 0)];
    rgb[i * 3 + 2] = out[i * ch + (ch >= 3 ? 2 : 0)];
  }
  return { width, height, rgb };
}

/** Pixels within `tolerance` (per channel) of a colour '#rrggbb', inside a box given as fractions of the page. */
export function countColour(img: Image, hex: string, box = { x0: 0, y0: 0, x1: 1, y1: 1 }, tolerance = 40): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let n = 0;
  for (let y = Math.floor(box.y0 * img.height); y < Math.floor(box.y1 * img.height); y++) {
    for (let x = Math.floor(box.x0 * img.width); x < Math.floor(box.x1 * img.width); x++) {
      const i = (y * img.width + x) * 3;
      if (Math.abs(img.rgb[i] - r) <= tolerance && Math.abs(img.rgb[i + 1] - g) <= tolerance && Math.abs(img.rgb[i + 2] - b) <= tolerance)
        n++;
    }
  }
  return n;
}

/** Share of pixels that are not (near) white: a blank page is ~0. */
export function inkShare(img: Image): number {
  let ink = 0;
  for (let i = 0; i < img.width * img.height; i++) if (img.rgb[i * 3] + img.rgb[i * 3 + 1] + img.rgb[i * 3 + 2] < 720) ink++;
  return ink / (img.width * img.height);
}
