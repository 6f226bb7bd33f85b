// What a file is, from its bytes rather than its name, and whether its structure holds up:
// - PDF: parsed by pdf-lib (it must have a catalog and at least one page), and its end is a
//   real trailer: `startxref` pointing at an xref table or stream, then `%%EOF` and nothing
//   after it (so no executable rides along behind a valid PDF);
// - DOCX / XLSX: a well-formed zip whose [Content_Types].xml names exactly one main part of
//   that kind, present in the archive, and no main part of another kind;
// - ODT / ODS: a zip whose first entry is the uncompressed `mimetype` naming the kind, with content.xml;
// - every zip: entry count and total uncompressed size (from the central directory) bounded,
//   so a zip bomb is refused before anything is inflated;
// - PNG: signature, an IHDR with a correct CRC and sane values, chunks that end in IEND at the end;
// - JPEG: SOI, well-formed segments up to the scan with a frame header of non-zero size, EOI at the end.
// Anything else is refused. Reads from a file (uploads are spooled to disk) or a buffer.
import { open } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import yauzl from 'yauzl';

export interface Sniffed {
  contentType: string;
  extension: string;
}

/** Bounds for archives: a real office document stays far below them. */
export const ZIP_LIMITS = {
  maxEntries: 5000,
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxContentTypesBytes: 1024 * 1024,
};

/** Bytes to inspect: a spooled upload on disk, or a buffer (tests). */
export type FileSource = { path: string; size: number } | Buffer;

interface Reader {
  size: number;
  read(offset: number, length: number): Promise<Buffer>;
  close(): Promise<void>;
}

async function openReader(source: FileSource): Promise<Reader> {
  if (Buffer.isBuffer(source)) {
    return {
      size: source.length,
      read: async (offset, length) => source.subarray(offset, offset + length),
      close: async () => {},
    };
  }
  const handle = await open(source.path, 'r');
  return {
    size: source.size,
    read: async (offset, length) => {
      const buffer = Buffer.alloc(Math.max(0, Math.min(length, source.size - offset)));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
      return buffer.subarray(0, bytesRead);
    },
    close: () => handle.close(),
  };
}

const startsWith = (bytes: Buffer, signature: number[] | string, offset = 0) => {
  const expected = typeof signature === 'string' ? Buffer.from(signature, 'latin1') : Buffer.from(signature);
  return bytes.length >= offset + expected.length && bytes.subarray(offset, offset + expected.length).equals(expected);
};

const PDF: Sniffed = { contentType: 'application/pdf', extension: 'pdf' };
const PNG: Sniffed = { contentType: 'image/png', extension: 'png' };
const JPEG: Sniffed = { contentType: 'image/jpeg', extension: 'jpg' };
const DOCX: Sniffed = {
  contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  extension: 'docx',
};
const XLSX: Sniffed = {
  contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  extension: 'xlsx',
};
const OPEN_DOCUMENT: Record<string, Sniffed> = {
  'application/vnd.oasis.opendocument.text': {
    contentType: 'application/vnd.oasis.opendocument.text',
    extension: 'odt',
  },
  'application/vnd.oasis.opendocument.spreadsheet': {
    contentType: 'application/vnd.oasis.opendocument.spreadsheet',
    extension: 'ods',
  },
};
// The content type [Content_Types].xml gives the main part of each kind we accept (macro-enabled
// variants have other types and are refused).
const OOXML_MAIN: Record<string, Sniffed> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml': DOCX,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml': XLSX,
};
// Main parts of any OOXML kind: a file carrying one of another kind than it declares is refused.
const OOXML_MAIN_PARTS = /^(word\/document\.xml|xl\/workbook\.xml|ppt\/presentation\.xml)$/;

/** What the file is, or null when it is not one of the accepted kinds or its structure does not hold. */
export async function sniff(source: FileSource): Promise<Sniffed | null> {
  const reader = await openReader(source);
  try {
    const head = await reader.read(0, 64);
    if (startsWith(head, '%PDF-')) return (await isPdf(reader, source)) ? PDF : null;
    if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return (await isPng(reader)) ? PNG : null;
    if (startsWith(head, [0xff, 0xd8, 0xff])) return (await isJpeg(reader)) ? JPEG : null;
    if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return await officeKind(source);
    return null;
  } catch {
    return null;
  } finally {
    await reader.close();
  }
}

// ---- PDF ---------------------------------------------------------------------------------

// pdf-lib holds the whole file while it parses: one at a time keeps a burst of uploads from
// multiplying that (the rest of an upload is streamed).
let pdfQueue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const next = pdfQueue.then(work, work);
  pdfQueue = next.catch(() => undefined);
  return next;
}

async function isPdf(reader: Reader, source: FileSource): Promise<boolean> {
  // The end: `startxref`, the offset of the last cross-reference section, `%%EOF`, then at most whitespace.
  const tail = (await reader.read(Math.max(0, reader.size - 1024), 1024)).toString('latin1');
  const end = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!end) return false;
  const xrefAt = Number(end[1]);
  if (!Number.isSafeInteger(xrefAt) || xrefAt <= 0 || xrefAt >= reader.size) return false;
  const atXref = (await reader.read(xrefAt, 32)).toString('latin1');
  if (!/^(xref\s|\d+\s+\d+\s+obj\b)/.test(atXref)) return false;
  return oneAtATime(async () => {
    const bytes = Buffer.isBuffer(source) ? source : await reader.read(0, reader.size);
    const document = await PDFDocument.load(bytes, {
      ignoreEncryption: true,
      throwOnInvalidObject: true,
      updateMetadata: false,
    });
    return document.getPageCount() > 0;
  });
}

// ---- PNG and JPEG ------------------------------------------------------------------------

async function isPng(reader: Reader): Promise<boolean> {
  const ihdr = await reader.read(8, 25);
  if (ihdr.length < 25 || ihdr.readUInt32BE(0) !== 13 || ihdr.toString('latin1', 4, 8) !== 'IHDR') return false;
  if (crc32(ihdr.subarray(4, 21)) !== ihdr.readUInt32BE(21)) return false;
  const width = ihdr.readUInt32BE(8);
  const height = ihdr.readUInt32BE(12);
  const [depth, colour, compression, filter, interlace] = [...ihdr.subarray(16, 21)];
  const depths: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
  if (!width || !height || width > 100_000 || height > 100_000) return false;
  if (!depths[colour!]?.includes(depth!) || compression !== 0 || filter !== 0 || interlace! > 1) return false;
  // Walk the chunks: each a length, a four-letter type and a CRC, ending with IEND exactly at the end.
  let offset = 8;
  let sawData = false;
  while (offset + 12 <= reader.size) {
    const header = await reader.read(offset, 8);
    const length = header.readUInt32BE(0);
    const type = header.toString('latin1', 4, 8);
    if (!/^[A-Za-z]{4}$/.test(type) || length > 0x7fffffff) return false;
    if (type === 'IDAT') sawData = true;
    offset += 12 + length;
    if (type === 'IEND') return length === 0 && sawData && offset === reader.size;
  }
  return false;
}

async function isJpeg(reader: Reader): Promise<boolean> {
  const last = await reader.read(reader.size - 2, 2);
  if (!startsWith(last, [0xff, 0xd9])) return false;
  let offset = 2;
  let frame = false;
  while (offset + 4 <= reader.size) {
    const header = await reader.read(offset, 4);
    if (header[0] !== 0xff) return false;
    const marker = header[1]!;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    const length = header.readUInt16BE(2);
    if (length < 2) return false;
    // Start of frame (SOF0-SOF15 except DHT, JPG and DAC): precision, height, width.
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      const sof = await reader.read(offset + 4, 5);
      if (sof.length < 5 || sof.readUInt16BE(1) === 0 || sof.readUInt16BE(3) === 0) return false;
      frame = true;
    }
    if (marker === 0xda) return frame && offset + 2 + length < reader.size; // start of scan: entropy-coded data follows
    offset += 2 + length;
  }
  return false;
}

// ---- zip-based office documents ----------------------------------------------------------

function openZip(source: FileSource): Promise<yauzl.ZipFile> {
  const options = { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: true };
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, zip?: yauzl.ZipFile) =>
      error || !zip ? reject(error ?? new Error('not a zip')) : resolve(zip);
    if (Buffer.isBuffer(source)) yauzl.fromBuffer(source, options, done);
    else yauzl.open(source.path, options, done);
  });
}

function entries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const list: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      list.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(list));
    zip.once('error', reject);
    zip.readEntry();
  });
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, limit: number): Promise<Buffer> {
  if (entry.uncompressedSize > limit) return Promise.reject(new Error('entry too large'));
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) return reject(error ?? new Error('unreadable entry'));
      const pieces: Buffer[] = [];
      stream.on('data', (piece: Buffer) => pieces.push(piece));
      stream.once('error', reject);
      stream.once('end', () => resolve(Buffer.concat(pieces)));
    });
  });
}

/** Attribute values of every element `name` in a small XML document. */
function elements(xml: string, name: string): Record<string, string>[] {
  return [...xml.matchAll(new RegExp(`<(?:\\w+:)?${name}\\b([^>]*)>`, 'g'))].map((match) =>
    Object.fromEntries(
      [...match[1]!.matchAll(/([\w:]+)\s*=\s*("([^"]*)"|'([^']*)')/g)].map((a) => [a[1]!, a[3] ?? a[4] ?? '']),
    ),
  );
}

async function officeKind(source: FileSource): Promise<Sniffed | null> {
  const zip = await openZip(source);
  try {
    // The central directory's own figures, before anything is inflated.
    if (zip.entryCount > ZIP_LIMITS.maxEntries) return null;
    const list = await entries(zip);
    const total = list.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
    if (total > ZIP_LIMITS.maxUncompressedBytes) return null;
    const byName = new Map(list.map((entry) => [entry.fileName, entry]));

    // OpenDocument: the first entry is `mimetype`, stored uncompressed, naming the kind.
    const first = list[0];
    if (first?.fileName === 'mimetype') {
      if (first.compressionMethod !== 0 || !byName.has('content.xml')) return null;
      const mimetype = (await readEntry(zip, first, 200)).toString('latin1');
      return OPEN_DOCUMENT[mimetype] ?? null;
    }

    // Office Open XML: [Content_Types].xml names the main part and its kind.
    const types = byName.get('[Content_Types].xml');
    if (!types) return null;
    const xml = (await readEntry(zip, types, ZIP_LIMITS.maxContentTypesBytes)).toString('utf8');
    const mains = elements(xml, 'Override')
      .map((override) => ({
        part: (override.PartName ?? '').replace(/^\//, ''),
        kind: OOXML_MAIN[(override.ContentType ?? '').toLowerCase()],
      }))
      .filter((override) => override.kind);
    if (mains.length !== 1) return null;
    const main = mains[0]!;
    if (!byName.has(main.part)) return null;
    // A main part of another kind in the same package (a DOCX that is really an XLSX, or both).
    if (list.some((entry) => OOXML_MAIN_PARTS.test(entry.fileName) && entry.fileName !== main.part)) return null;
    return main.kind!;
  } finally {
    zip.close();
  }
}
