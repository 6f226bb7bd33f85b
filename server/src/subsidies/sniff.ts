// What a file is, from its bytes rather than its name: PDF, PNG, JPEG, and the office formats
// that are zip archives (DOCX, XLSX by their [Content_Types].xml and main part; ODT, ODS by
// their uncompressed `mimetype` entry). Anything else is refused.

export interface Sniffed {
  contentType: string;
  extension: string;
}

const startsWith = (bytes: Buffer, signature: number[] | string, offset = 0) => {
  const expected = typeof signature === 'string' ? Buffer.from(signature, 'latin1') : Buffer.from(signature);
  return bytes.length >= offset + expected.length && bytes.subarray(offset, offset + expected.length).equals(expected);
};

/** The names in a zip's central directory, or null when it is not a well-formed zip. */
export function zipEntryNames(bytes: Buffer): string[] | null {
  // End of central directory: 22 bytes plus a comment of at most 65535.
  const from = Math.max(0, bytes.length - 22 - 65_535);
  let end = -1;
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== 0x02014b50) return null;
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    if (offset + 46 + nameLength > bytes.length) return null;
    names.push(bytes.subarray(offset + 46, offset + 46 + nameLength).toString('utf8'));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

const OPEN_DOCUMENT: Record<string, Sniffed> = {
  'application/vnd.oasis.opendocument.text': { contentType: 'application/vnd.oasis.opendocument.text', extension: 'odt' },
  'application/vnd.oasis.opendocument.spreadsheet': { contentType: 'application/vnd.oasis.opendocument.spreadsheet', extension: 'ods' },
};

export function sniff(bytes: Buffer): Sniffed | null {
  if (startsWith(bytes, '%PDF-')) return { contentType: 'application/pdf', extension: 'pdf' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { contentType: 'image/png', extension: 'png' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { contentType: 'image/jpeg', extension: 'jpg' };
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return null;
  // OpenDocument: the first entry is `mimetype`, stored, its content right after the local header.
  if (startsWith(bytes, 'mimetype', 30)) {
    const nameLength = bytes.readUInt16LE(26);
    const extraLength = bytes.readUInt16LE(28);
    const size = bytes.readUInt32LE(18);
    const start = 30 + nameLength + extraLength;
    const mimetype = bytes.subarray(start, start + Math.min(size, 100)).toString('latin1');
    return OPEN_DOCUMENT[mimetype] ?? null;
  }
  const names = zipEntryNames(bytes);
  if (!names?.includes('[Content_Types].xml')) return null;
  if (names.includes('word/document.xml')) {
    return { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' };
  }
  if (names.includes('xl/workbook.xml')) {
    return { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' };
  }
  return null;
}
