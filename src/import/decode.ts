/**
 * Bytes → text. Real exports are UTF-8 with or without BOM, or Windows-1252 (Excel's
 * "CSV (semikolonavgränsad)" on Swedish Windows), occasionally UTF-16 ("Unicode-text").
 */
import type { Encoding } from '../format/importRecords';

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
    return textResult(decodeWindows1252(body), 'windows-1252');
  }
}

/**
 * Node (20 at least) decodes Windows-1252 as Latin-1 (0x80 → U+0080 instead of €, 0x96 → U+0096
 * instead of –) unless the decoder streams; streaming takes the full table, as browsers always do.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  const decoder = new TextDecoder('windows-1252');
  return decoder.decode(bytes, { stream: true }) + decoder.decode();
}

function textResult(text: string, encoding: Encoding): DecodeResult {
  return text.trim() === '' ? { ok: false, reason: 'empty' } : { ok: true, text, encoding };
}

export interface CsvDecoder {
  /**
   * Decodes the next chunk of bytes. Returns the text that can be given out so far: bytes are
   * held until the encoding is known (at most about 128 kB), and a character split across two
   * chunks comes out whole with the second.
   */
  push(bytes: Uint8Array): string;
  /** Returns the rest of the text at the end of the file. */
  finish(): string;
  /** The encoding, once decided (at the latest after `finish`). */
  readonly encoding: Encoding | null;
  /** The bytes are not text (NUL bytes and no UTF-16 BOM); nothing more is given out. */
  readonly binary: boolean;
  /**
   * Some bytes were not valid in the chosen encoding and came out as U+FFFD. Happens only when a
   * file's encoding changes after its first 64 kB of non-ASCII text (e.g. a UTF-8 file with
   * Windows-1252 rows appended), where `decodeCsvBytes` would have read it all as Windows-1252.
   */
  readonly lossy: boolean;
}

/** Bytes looked at before deciding: for NUL bytes, and for valid UTF-8 from the first non-ASCII byte. */
const PROBE_BYTES = 65536;

/**
 * A decoder for a file read in chunks, deciding the encoding as `decodeCsvBytes` does: a UTF-16
 * BOM decides; a UTF-8 BOM is dropped; NUL bytes in the first 64 kB mean not text; the text is
 * UTF-8 if it is valid UTF-8, else Windows-1252 — judged on 64 kB from the first non-ASCII byte
 * (ASCII reads the same either way), since the whole file is never held.
 * @example
 * const decoder = createCsvDecoder();
 * decoder.push(new Uint8Array([0x53, 0xc3])) + decoder.push(new Uint8Array([0xb6])) + decoder.finish() // 'Sö'
 */
export function createCsvDecoder(): CsvDecoder {
  return new StreamDecoder();
}

class StreamDecoder implements CsvDecoder {
  encoding: Encoding | null = null;
  binary = false;
  lossy = false;
  /** 'start': before the BOM and NUL check; 'ascii': only ASCII so far; 'window': from the first
   * non-ASCII byte, until the encoding is decided; 'decoding': `decoder` does the rest. */
  private phase: 'start' | 'ascii' | 'window' | 'decoding' = 'start';
  private held: Uint8Array[] = [];
  private heldBytes = 0;
  /** Nothing has been given out yet (a BOM-like character there is dropped, as `decodeCsvBytes` does). */
  private atBodyStart = true;
  private decoder: TextDecoder | null = null;

  push(bytes: Uint8Array): string {
    if (this.binary) return '';
    if (this.phase === 'decoding') return this.decode(bytes, true);
    if (this.phase === 'ascii') return this.afterAscii(bytes, false);
    this.held.push(bytes.slice()); // the caller may reuse its buffer
    this.heldBytes += bytes.length;
    const needed = this.phase === 'start' ? PROBE_BYTES + 3 : PROBE_BYTES;
    return this.heldBytes >= needed ? this.decide(false) : '';
  }

  finish(): string {
    if (this.binary) return '';
    let text = this.phase === 'start' || this.phase === 'window' ? this.decide(true) : '';
    if (this.decoder) text += this.decode(new Uint8Array(0), false);
    if (!this.binary) this.encoding ??= 'utf-8';
    return text;
  }

  /** Decides on the held bytes (all of them when `final`). */
  private decide(final: boolean): string {
    const bytes = concat(this.held, this.heldBytes);
    this.held = [];
    this.heldBytes = 0;
    if (this.phase === 'window') return this.chooseByWindow(bytes, final);
    if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return this.start('utf-16le', bytes.subarray(2));
    if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return this.start('utf-16be', bytes.subarray(2));
    const body =
      bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    if (body.subarray(0, PROBE_BYTES).includes(0)) {
      this.binary = true;
      return '';
    }
    this.phase = 'ascii';
    return this.afterAscii(body, final);
  }

  /** Gives out the leading ASCII of `bytes`; from the first non-ASCII byte on, holds the bytes. */
  private afterAscii(bytes: Uint8Array, final: boolean): string {
    const firstNonAscii = bytes.findIndex((byte) => byte >= 0x80);
    if (firstNonAscii < 0) return this.ascii(bytes);
    const text = this.ascii(bytes.subarray(0, firstNonAscii));
    this.phase = 'window';
    this.held = [bytes.slice(firstNonAscii)];
    this.heldBytes = bytes.length - firstNonAscii;
    return text + (final || this.heldBytes >= PROBE_BYTES ? this.decide(final) : '');
  }

  private ascii(bytes: Uint8Array): string {
    if (bytes.length === 0) return '';
    this.atBodyStart = false;
    return ASCII.decode(bytes);
  }

  private chooseByWindow(window: Uint8Array, final: boolean): string {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(window, { stream: !final });
      return this.start('utf-8', window);
    } catch {
      return this.start('windows-1252', window);
    }
  }

  private start(encoding: Encoding, bytes: Uint8Array): string {
    this.encoding = encoding;
    this.phase = 'decoding';
    this.decoder = new TextDecoder(encoding, { ignoreBOM: !this.atBodyStart });
    return this.decode(bytes, true);
  }

  private decode(bytes: Uint8Array, stream: boolean): string {
    const text = this.decoder!.decode(bytes, { stream });
    if (this.encoding !== 'windows-1252' && !this.lossy && text.includes('\ufffd')) this.lossy = true;
    return text;
  }
}

const ASCII = new TextDecoder('utf-8');

function concat(parts: Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}
