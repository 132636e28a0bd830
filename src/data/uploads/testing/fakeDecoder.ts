/**
 * A stand-in for the browser's decoder in Node tests: reads the 8-bit RGB, filter-0 PNGs that
 * `pngBytes` (testing/imageBytes.ts) and the export's encoder (png.ts) write, then centre-crops and
 * resizes (nearest neighbour) to the stored 64×64, so pixels round-trip exactly through export and
 * import. Anything else is "undecodable".
 */
import { unzlibSync } from 'fflate';
import { STORED_SIZE } from '../collection';
import { centreCrop, UndecodableImageError } from '../prepareImage';

const u32 = (b: Uint8Array, o: number) => ((b[o] << 24) | (b[o + 1] << 16) | (b[o + 2] << 8) | b[o + 3]) >>> 0;

/** Width, height and RGB pixels of a simple PNG. @throws UndecodableImageError for anything else. */
export function decodeSimplePng(bytes: Uint8Array): { width: number; height: number; rgb: Uint8Array } {
  let o = 8;
  let width = 0;
  let height = 0;
  const idat: Uint8Array[] = [];
  while (o + 8 <= bytes.length) {
    const len = u32(bytes, o);
    const type = String.fromCharCode(...bytes.subarray(o + 4, o + 8));
    const data = bytes.subarray(o + 8, o + 8 + len);
    if (type === 'IHDR') [width, height] = [u32(data, 0), u32(data, 4)];
    if (type === 'IDAT') idat.push(data);
    o += 12 + len;
  }
  let raw: Uint8Array;
  try {
    const joined = new Uint8Array(idat.reduce((n, d) => n + d.length, 0));
    idat.reduce((at, d) => (joined.set(d, at), at + d.length), 0);
    raw = unzlibSync(joined);
  } catch (error) {
    throw new UndecodableImageError(String(error));
  }
  const stride = 1 + width * 3;
  if (width === 0 || raw.length < stride * height) throw new UndecodableImageError('short image data');
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) rgb.set(raw.subarray(y * stride + 1, (y + 1) * stride), y * width * 3);
  return { width, height, rgb };
}

/** The LibraryDeps.decode of tests: PNG → stored 64×64 RGB (centre crop, nearest neighbour), preview = the file itself. */
export async function fakeDecode(bytes: Uint8Array, mime = 'image/png'): Promise<{ pixels: Uint8Array; preview: Blob; width: number; height: number }> {
  const { width, height, rgb } = decodeSimplePng(bytes);
  const [x0, y0, cw, ch] = centreCrop(width, height, STORED_SIZE, STORED_SIZE);
  const pixels = new Uint8Array(STORED_SIZE * STORED_SIZE * 3);
  for (let y = 0; y < STORED_SIZE; y++) {
    for (let x = 0; x < STORED_SIZE; x++) {
      const sx = x0 + Math.min(cw - 1, Math.floor(((x + 0.5) * cw) / STORED_SIZE));
      const sy = y0 + Math.min(ch - 1, Math.floor(((y + 0.5) * ch) / STORED_SIZE));
      pixels.set(rgb.subarray((sy * width + sx) * 3, (sy * width + sx) * 3 + 3), (y * STORED_SIZE + x) * 3);
    }
  }
  return { pixels, preview: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }), width, height };
}
