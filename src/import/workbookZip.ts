/**
 * The parts of an Office package (a zip): its central directory, and each part inflated with fflate
 * under a size cap, so a zip that lies about its sizes is stopped, not inflated. Also the error
 * reading a workbook raises, with its Swedish message.
 */
import { Inflate } from 'fflate';
import { formatCount } from '../format/number';

/** Why a workbook could not be read; the message says it in Swedish. */
export type WorkbookFailureReason =
  | 'xls'
  | 'encrypted'
  | 'ods'
  | 'xlsb'
  | 'not-workbook'
  | 'corrupt'
  | 'too-large'
  | 'too-many-cells'
  | 'no-sheet'
  | 'unknown-sheet'
  | 'empty-sheet';

export class WorkbookError extends Error {
  constructor(
    readonly reason: WorkbookFailureReason,
    message: string,
  ) {
    super(message);
  }
}

export const corrupt = (what: string) =>
  new WorkbookError(
    'corrupt',
    `Excel-filen är skadad och kan inte läsas (${what}). Öppna den i Excel och spara den som .xlsx eller CSV igen.`,
  );

export const ENCRYPTED_MESSAGE =
  'Filen är en lösenordsskyddad Excel-fil. Spara den utan lösenord som .xlsx eller CSV och försök igen.';

export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  size: number;
  offset: number;
}

/** Bytes unpacked so far and still allowed. */
export interface Budget {
  used: number;
  left: number;
}

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000;

/** Whether the UTF-16LE form of an ASCII word occurs in the bytes (names in an OLE2 directory). */
export function containsUtf16(bytes: Uint8Array, word: string): boolean {
  const first = word.charCodeAt(0);
  outer: for (let i = 0; i + word.length * 2 <= bytes.length; i++) {
    if (bytes[i] !== first) continue;
    for (let k = 0; k < word.length; k++)
      if (bytes[i + 2 * k] !== word.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

/** The zip's parts by lower-case name (part names in a package are case-insensitive). */
export function readZipDirectory(bytes: Uint8Array): Map<string, ZipEntry> {
  let end = -1;
  for (let i = bytes.length - 22; i >= 0 && i >= bytes.length - 22 - 0xffff; i--)
    if (u32(bytes, i) === 0x06054b50) {
      end = i;
      break;
    }
  if (end < 0) throw corrupt('zip-katalogen saknas');
  const count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  if (count === 0xffff || at === 0xffffffff) throw tooLarge(Infinity);
  const decoder = new TextDecoder();
  const entries = new Map<string, ZipEntry>();
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw corrupt('zip-katalogen är trasig');
    const nameLength = u16(bytes, at + 28);
    const name = decoder
      .decode(bytes.subarray(at + 46, at + 46 + nameLength))
      .replaceAll('\\', '/')
      .replace(/^\//, '');
    entries.set(name.toLowerCase(), {
      name,
      flags: u16(bytes, at + 8),
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      offset: u32(bytes, at + 42),
    });
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return entries;
}

export function tooLarge(bytes: number): WorkbookError {
  const size = Number.isFinite(bytes) ? `till ${formatCount(Math.ceil(bytes / 1e6))} MB` : 'till mer än 4 GB';
  return new WorkbookError(
    'too-large',
    `Excel-filen packas upp ${size}; så stora filer kan inte läsas. Spara bladet som CSV och försök igen.`,
  );
}

/** One part's bytes, within the budget; inflating stops as soon as it passes its stated size. */
export function unpack(bytes: Uint8Array, entry: ZipEntry, budget: Budget): Uint8Array {
  if (entry.flags & 1) throw new WorkbookError('encrypted', ENCRYPTED_MESSAGE);
  if (entry.size === 0xffffffff || entry.size > budget.left) throw tooLarge(budget.used + entry.size);
  const at = entry.offset;
  if (at + 30 > bytes.length || u32(bytes, at) !== 0x04034b50) throw corrupt(`delen ${entry.name} saknas`);
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) throw corrupt(`delen ${entry.name} är avkortad`);
  budget.left -= entry.size;
  budget.used += entry.size;
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw corrupt(`delen ${entry.name} har fel storlek`);
    return data;
  }
  if (entry.method !== 8) throw corrupt(`delen ${entry.name} är packad på ett okänt sätt`);
  const out = new Uint8Array(entry.size);
  let length = 0;
  let overflow = false;
  const inflater = new Inflate((chunk) => {
    if (length + chunk.length > out.length) overflow = true;
    else out.set(chunk, length);
    length += chunk.length;
  });
  // Input steps of 64 kB bound what one step can unpack (deflate expands at most ~1 000 times: 66 MB).
  const STEP = 65536;
  try {
    for (let i = 0; i < data.length && !overflow; i += STEP)
      inflater.push(data.subarray(i, i + STEP), i + STEP >= data.length);
  } catch {
    throw corrupt(`delen ${entry.name} går inte att packa upp`);
  }
  if (overflow || length !== entry.size)
    throw corrupt(`delen ${entry.name} packas upp till en annan storlek än den anger`);
  return out;
}

export function part(
  bytes: Uint8Array,
  entries: Map<string, ZipEntry>,
  path: string,
  budget: Budget,
): Uint8Array | null {
  const entry = entries.get(path.toLowerCase());
  return entry ? unpack(bytes, entry, budget) : null;
}
