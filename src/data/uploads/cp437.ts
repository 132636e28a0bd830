/**
 * Code page 437 (the IBM PC / DOS character set), which the zip format names as the default encoding of
 * file names without the UTF-8 flag. Bytes 0x00–0x7F are ASCII; this table holds 0x80–0xFF.
 */
const HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

/** Decodes CP437 bytes (every byte is a character, so this never fails). */
export function decodeCp437(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b < 0x80 ? String.fromCharCode(b) : HIGH[b - 0x80];
  return out;
}

/** Encodes text as CP437; characters outside it become '?'. For building test archives. */
export function encodeCp437(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => {
    const code = ch.charCodeAt(0);
    if (code < 0x80) return code;
    const i = HIGH.indexOf(ch);
    return i >= 0 ? 0x80 + i : 0x3f;
  });
}
