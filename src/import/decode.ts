/**
 * Bytes → text. Real exports are UTF-8 with or without BOM, or Windows-1252 (Excel's
 * "CSV (semikolonavgränsad)" on Swedish Windows), occasionally UTF-16 ("Unicode-text").
 */

export type Encoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export type DecodeResult = { ok: true; text: string; encoding: Encoding } | { ok: false; reason: 'empty' | 'binary' };

/**
 * Decodes a file's bytes: a BOM decides; else strict UTF-8, falling back to Windows-1252.
 * A file with NUL bytes (and no UTF-16 BOM) is not a text file.
 * @example decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x61])) // { ok: true, text: 'a', encoding: 'utf-8' }
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return textResult(new TextDecoder('utf-16le').decode(bytes.subarray(2)), 'utf-16le');
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return textResult(new TextDecoder('utf-16be').decode(bytes.subarray(2)), 'utf-16be');
  }
  const body =
    bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const probe = body.subarray(0, 65536);
  if (probe.includes(0)) return { ok: false, reason: 'binary' };
  try {
    return textResult(new TextDecoder('utf-8', { fatal: true }).decode(body), 'utf-8');
  } catch {
    return textResult(new TextDecoder('windows-1252').decode(body), 'windows-1252');
  }
}

function textResult(text: string, encoding: Encoding): DecodeResult {
  return text.trim() === '' ? { ok: false, reason: 'empty' } : { ok: true, text, encoding };
}
