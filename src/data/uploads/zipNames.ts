/**
 * File names inside a zip, decoded the way the archive was most likely written. A name with the UTF-8
 * flag (bit 11; Python, 7-Zip, macOS) or an Info-ZIP Unicode Path field is UTF-8. A name without either
 * is tried as strict UTF-8 (Info-ZIP `zip -r` on Linux and the macOS command line write UTF-8 but no
 * flag), then as CP932 / Shift_JIS (Explorer on Japanese Windows), then as CP437 (the zip default, and
 * what western Windows and DOS tools write). Every name is normalised to NFC, so a macOS NFD name and
 * a Windows NFC name of the same folder are the same class.
 */
import { decodeCp437 } from './cp437';

/** Which reading produced the name. */
export type ZipNameEncoding = 'utf8-flag' | 'unicode-path' | 'utf8' | 'cp932' | 'cp437';

const utf8 = new TextDecoder('utf-8', { fatal: true });
/** Chromium, Firefox, Safari and Node (full ICU) all have Shift_JIS; a build without it skips that step. */
const shiftJis = (() => {
  try {
    return new TextDecoder('shift_jis', { fatal: true });
  } catch {
    return null;
  }
})();

/** Kana, CJK ideographs, CJK punctuation, half-width katakana: what makes a CP932 reading believable. */
const JAPANESE = /[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff61-\uff9f]/;
/** A kana or ideograph glued to a Latin letter ("Cr確e"): what an accented CP437 name looks like read as CP932. */
const GLUED = /[A-Za-z][\u3040-\u30ff\u3400-\u9fff]|[\u3040-\u30ff\u3400-\u9fff][A-Za-z]/;

/** True when every byte above 0x7F is an accented Latin letter in CP437 (Ç…Ü, á…Ñ, ß): a believable western name. */
function latinCp437(bytes: Uint8Array): boolean {
  return bytes.every((b) => b < 0x80 || b <= 0x9a || (b >= 0xa0 && b <= 0xa5) || b === 0xe1);
}

function tryDecode(decoder: TextDecoder | null, bytes: Uint8Array): string | null {
  if (!decoder) return null;
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Decodes a zip entry's raw name bytes.
 * @param flagUtf8 general-purpose bit 11 of the entry.
 * @param unicodePath the UTF-8 name of an Info-ZIP Unicode Path extra field (0x7075) whose CRC matched, if any.
 */
export function decodeZipName(bytes: Uint8Array, flagUtf8: boolean, unicodePath: string | null = null): { name: string; encoding: ZipNameEncoding } {
  const done = (name: string, encoding: ZipNameEncoding) => ({ name: name.normalize('NFC'), encoding });
  if (unicodePath !== null) return done(unicodePath, 'unicode-path');
  if (flagUtf8) return done(new TextDecoder('utf-8').decode(bytes), 'utf8-flag');
  if (bytes.every((b) => b < 0x80)) return done(String.fromCharCode(...bytes), 'utf8');
  const asUtf8 = tryDecode(utf8, bytes);
  if (asUtf8 !== null) return done(asUtf8, 'utf8');
  // Any byte string is valid CP437, and many are valid CP932: take CP932 when it reads as Japanese,
  // unless the CP437 reading is plain accented Latin and the CP932 one glues a kanji to Latin letters
  // ("Cr\x8Ame" is "Crème" in CP437 and "Cr確e" in CP932; "Caf\x82s" is CP932 "Caf" + a full-width "Ｔ").
  const asSjis = tryDecode(shiftJis, bytes);
  if (asSjis !== null && JAPANESE.test(asSjis) && !(latinCp437(bytes) && GLUED.test(asSjis))) return done(asSjis, 'cp932');
  return done(decodeCp437(bytes), 'cp437');
}
