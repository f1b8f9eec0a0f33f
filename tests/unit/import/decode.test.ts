import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Encoding } from '../../../src/format/importRecords';
import { createCsvDecoder, decodeCsvBytes } from '../../../src/import/decode';

const utf8 = (text: string) => new TextEncoder().encode(text);
const WINDOWS_1252: Record<string, number> = {
  å: 0xe5,
  ä: 0xe4,
  ö: 0xf6,
  Å: 0xc5,
  Ä: 0xc4,
  Ö: 0xd6,
  é: 0xe9,
  '€': 0x80,
  '–': 0x96,
  '’': 0x92,
};
/** Windows-1252 bytes of a text of ASCII and the characters above. */
const win1252 = (text: string) => Uint8Array.from([...text], (char) => WINDOWS_1252[char] ?? char.charCodeAt(0));
/** UTF-16 bytes with their BOM. */
function utf16(text: string, littleEndian: boolean): Uint8Array {
  const units = '\ufeff' + text;
  const bytes = new Uint8Array(units.length * 2);
  for (let k = 0; k < units.length; k++) {
    const unit = units.charCodeAt(k);
    bytes[2 * k + (littleEndian ? 0 : 1)] = unit & 0xff;
    bytes[2 * k + (littleEndian ? 1 : 0)] = unit >> 8;
  }
  return bytes;
}

/** Decodes bytes cut before each index in `cuts`. */
function decodeInChunks(bytes: Uint8Array, cuts: number[]) {
  const decoder = createCsvDecoder();
  let text = '';
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    const at = Math.min(Math.max(cut, from), bytes.length);
    text += decoder.push(bytes.subarray(from, at));
    from = at;
  }
  text += decoder.finish();
  return { text, encoding: decoder.encoding, binary: decoder.binary, lossy: decoder.lossy };
}

const everyCut = (bytes: Uint8Array) => Array.from({ length: bytes.length + 1 }, (_, k) => [k]);
const ascii = (length: number) => 'id;enhet\n' + 'x'.repeat(length) + '\n';

describe('decodeCsvBytes', () => {
  it('reads Windows-1252 punctuation 0x80–0x9F by the Windows table, not as Latin-1', () => {
    // € – ’ š: bytes that Latin-1 would turn into invisible control characters.
    const bytes = new Uint8Array([0x80, 0x20, 0x96, 0x20, 0x92, 0x9a, 0x3b, 0xe5]);
    expect(decodeCsvBytes(bytes)).toEqual({ ok: true, text: '€ – ’š;å', encoding: 'windows-1252' });
  });
  it('reads UTF-16 by its BOM, little and big endian', () => {
    expect(decodeCsvBytes(utf16('Ärende;Söder', true))).toEqual({
      ok: true,
      text: 'Ärende;Söder',
      encoding: 'utf-16le',
    });
    expect(decodeCsvBytes(utf16('Ärende;Söder', false))).toEqual({
      ok: true,
      text: 'Ärende;Söder',
      encoding: 'utf-16be',
    });
  });
});

describe('createCsvDecoder', () => {
  const TEXT = 'id;enhet\r\nU1;Söder €\nU2;Öster 😀\n';

  it('decodes UTF-8 with a character cut anywhere between two chunks', () => {
    const bytes = utf8(TEXT);
    for (const cuts of everyCut(bytes)) {
      expect(decodeInChunks(bytes, cuts), `cut at ${cuts}`).toEqual({
        text: TEXT,
        encoding: 'utf-8',
        binary: false,
        lossy: false,
      });
    }
  });

  it('drops a UTF-8 BOM, also when it is cut', () => {
    const bytes = utf8('\ufeff' + TEXT);
    for (const cuts of [[1], [2], [1, 2], [3]]) expect(decodeInChunks(bytes, cuts).text).toBe(TEXT);
  });

  it('decodes Windows-1252 cut anywhere', () => {
    const text = 'Ärende;Enhet\nU1;Söder, Åby é € – ’\n';
    const bytes = win1252(text);
    for (const cuts of everyCut(bytes)) {
      expect(decodeInChunks(bytes, cuts), `cut at ${cuts}`).toMatchObject({ text, encoding: 'windows-1252' });
    }
  });

  it.each([
    ['little', true, 'utf-16le'],
    ['big', false, 'utf-16be'],
  ] as const)('decodes UTF-16 %s endian by its BOM, cut at every byte (surrogate pairs too)', (_, little, encoding) => {
    const bytes = utf16(TEXT, little);
    for (const cuts of everyCut(bytes)) {
      expect(decodeInChunks(bytes, cuts), `cut at ${cuts}`).toMatchObject({ text: TEXT, encoding });
    }
    const oneByteAtATime = Array.from({ length: bytes.length }, (_, k) => k);
    expect(decodeInChunks(bytes, oneByteAtATime).text).toBe(TEXT);
  });

  it('decides on the first non-ASCII text even after 100 kB of ASCII', () => {
    const prefix = ascii(100_000);
    const text = prefix + 'U1;Söder\n';
    const cuts = [4096, 70_000, prefix.length + 2];
    expect(decodeInChunks(win1252(text), cuts)).toMatchObject({ text, encoding: 'windows-1252' });
    expect(decodeInChunks(utf8(text), cuts)).toMatchObject({ text, encoding: 'utf-8' });
  });

  it('calls an ASCII-only file UTF-8, as decodeCsvBytes does', () => {
    expect(decodeInChunks(utf8('a;b\n1;2\n'), [3])).toMatchObject({ text: 'a;b\n1;2\n', encoding: 'utf-8' });
  });

  it('gives nothing for a binary file (NUL in the first 64 kB), and no encoding', () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41]);
    expect(decodeInChunks(zip, [3])).toEqual({ text: '', encoding: null, binary: true, lossy: false });
    const nulAt60kB = utf8(ascii(60_000) + '\u0000');
    expect(decodeInChunks(nulAt60kB, [10, 30_000]).binary).toBe(true);
  });

  it('reads a NUL after the first 64 kB as text, as decodeCsvBytes does', () => {
    const bytes = utf8(ascii(70_000) + '\u0000\n');
    expect(decodeInChunks(bytes, [1000]).binary).toBe(false);
    expect(decodeCsvBytes(bytes).ok).toBe(true);
  });

  it('gives empty text for no bytes', () => {
    expect(decodeInChunks(new Uint8Array(0), [])).toEqual({ text: '', encoding: 'utf-8', binary: false, lossy: false });
  });

  it('marks the text lossy when Windows-1252 bytes follow 64 kB of UTF-8', () => {
    const utf8Part = 'Söder\n'.repeat(12_000); // over 64 kB of valid UTF-8 from the first non-ASCII byte
    const bytes = new Uint8Array([...utf8(utf8Part), ...win1252('Öster\n')]);
    const read = decodeInChunks(bytes, [65_536, 80_000]);
    expect(read).toMatchObject({ encoding: 'utf-8', lossy: true });
    expect(read.text).toBe(utf8Part + '\ufffdster\n');
  });

  it('copes with a caller that reuses its buffer', () => {
    const decoder = createCsvDecoder();
    const buffer = new Uint8Array(4);
    buffer.set(utf8('a;ö'));
    let text = decoder.push(buffer.subarray(0, 4));
    buffer.set(utf8('\nb;c'));
    text += decoder.push(buffer.subarray(0, 4));
    text += decoder.finish();
    expect(text).toBe('a;ö\nb;c');
  });

  it('agrees with decodeCsvBytes on generated files in every encoding, cut anywhere', () => {
    const char = fc.constantFrom('a', 'Z', '1', ';', ' ', '\r', '\n', '"', 'å', 'Ä', 'ö', 'é', '€', '😀');
    const encodings: Encoding[] = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'];
    fc.assert(
      fc.property(
        fc.array(char, { maxLength: 40 }),
        fc.constantFrom(...encodings),
        fc.boolean(),
        fc.array(fc.nat({ max: 200 }), { maxLength: 6 }),
        (chars, encoding, bom, cuts) => {
          const text = chars.filter((c) => encoding !== 'windows-1252' || c !== '😀').join('');
          const bytes =
            encoding === 'windows-1252'
              ? win1252(text)
              : encoding === 'utf-8'
                ? utf8((bom ? '\ufeff' : '') + text)
                : utf16(text, encoding === 'utf-16le');
          const whole = decodeCsvBytes(bytes);
          const read = decodeInChunks(
            bytes,
            [...cuts].sort((a, b) => a - b),
          );
          if (whole.ok) expect(read).toMatchObject({ text: whole.text, encoding: whole.encoding, lossy: false });
          else expect(read.text.trim()).toBe('');
          if (encoding !== 'windows-1252') expect(read.text).toBe(text);
        },
      ),
      { seed: 20250901, numRuns: 500 },
    );
  });
});
