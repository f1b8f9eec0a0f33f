/**
 * The first bytes of a workbook: enough to tell, without loading the workbook reader, that a file
 * is a zip (an .xlsx, .ods …) or an OLE2 compound file (.xls, or a password-protected .xlsx).
 */
export const ZIP = [0x50, 0x4b, 0x03, 0x04];
export const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
export const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte);
}

/**
 * Whether the bytes start as a zip or an OLE2 file, i.e. are some workbook rather than text.
 * @example looksLikeWorkbook(new TextEncoder().encode('a;b\n')) // false
 */
export function looksLikeWorkbook(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP) || startsWith(bytes, OLE2);
}
