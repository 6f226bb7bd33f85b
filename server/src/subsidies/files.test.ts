// Documents and decision letters over HTTP: what is accepted (by content), size, checksum,
// storage that outlives the process, and who may download.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db.js';
import { type Harness, type SignedInClient, type TokenClient, startHarness } from '../test/harness.js';
import { configureFiles, filesSettings } from './files.js';
import { sniff } from './sniff.js';

/** A zip with stored (uncompressed) entries, in the given order. */
function zip(entries: [string, string][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const data = Buffer.from(text);
    const nameBytes = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20); central.writeUInt32LE(data.length, 24); central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const SAMPLES = {
  pdf: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
  png: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32)]),
  jpeg: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(32)]),
  docx: zip([['[Content_Types].xml', '<Types/>'], ['_rels/.rels', '<Relationships/>'], ['word/document.xml', '<w:document/>']]),
  xlsx: zip([['[Content_Types].xml', '<Types/>'], ['xl/workbook.xml', '<workbook/>']]),
  odt: zip([['mimetype', 'application/vnd.oasis.opendocument.text'], ['content.xml', '<office:document-content/>']]),
};

describe('recognising a file by its content', () => {
  it('knows PDF, PNG, JPEG, DOCX, XLSX and ODT', () => {
    expect(Object.fromEntries(Object.entries(SAMPLES).map(([name, bytes]) => [name, sniff(bytes)?.extension]))).toEqual({
      pdf: 'pdf', png: 'png', jpeg: 'jpg', docx: 'docx', xlsx: 'xlsx', odt: 'odt',
    });
  });

  it('refuses everything else, whatever it is called', () => {
    expect(sniff(Buffer.from('MZ\x90\x00 an executable'))).toBeNull();
    expect(sniff(Buffer.from('<html><script>alert(1)</script></html>'))).toBeNull();
    expect(sniff(zip([['payload.exe', 'MZ']]))).toBeNull(); // a zip, but no office document
    expect(sniff(zip([['[Content_Types].xml', '<Types/>'], ['ppt/presentation.xml', '<p/>']]))).toBeNull();
    expect(sniff(zip([['mimetype', 'application/x-evil'], ['content.xml', '']]))).toBeNull();
    expect(sniff(Buffer.from('PK\x03\x04 truncated'))).toBeNull();
  });
});

let api: Harness;
let officer: SignedInClient;
let viewer: SignedInClient;
let secretary: SignedInClient;
let ownToken: TokenClient;
let otherToken: TokenClient;
let applicationId: string;
let draftId: string;
let filesDir: string;

async function transition(mutation: string, id: string, extra = '') {
  const { errors } = await officer.gql(`mutation { ${mutation}(id: "${id}", reason: "test"${extra}) { id } }`);
  expect(errors).toBeUndefined();
}

async function newApplication(schemeId: string, partnerId: string) {
  const { data } = await officer.gql(`mutation { createSubsidyApplication(input: { schemeId: "${schemeId}", applicantId: "${partnerId}", activity: "Themabijeenkomsten over gezondheid", contactName: "F. El Amrani", plannedStartOn: "2025-10-01", plannedEndOn: "2025-12-15" }) { id version } }`);
  const { id, version } = data!.createSubsidyApplication;
  const budget = await officer.gql(`mutation { setSubsidyBudget(id: "${id}", expectedVersion: ${version}, lines: [
    { description: "Zaalhuur vier avonden", amountCents: 80000 }, { description: "Sprekers en tolken", amountCents: 120000 },
    { description: "Catering", amountCents: 45000 } ]) { id } }`);
  expect(budget.errors).toBeUndefined();
  return id as string;
}

beforeAll(async () => {
  filesDir = mkdtempSync(path.join(tmpdir(), 'welkom-files-'));
  configureFiles({ dir: filesDir, maxBytes: 1024 * 1024 });
  api = await startHarness();
  [officer, viewer, secretary] = await Promise.all([
    api.createUser({ roles: ['GRANT_OFFICER'], name: 'Sanne de Vries' }),
    api.createUser({ roles: ['VIEWER'] }),
    api.createUser({ roles: ['SECRETARY'] }),
  ]);
  const partners = await db().partner.findMany({ orderBy: { name: 'asc' }, take: 2 });
  ownToken = await api.issueToken({ scopes: ['subsidies:own'], partnerId: partners[0]!.id });
  otherToken = await api.issueToken({ scopes: ['subsidies:own'], partnerId: partners[1]!.id });
  const scheme = await officer.gql(`mutation { createSubsidyScheme(input: { name: "Themabijeenkomsten migrantenorganisaties (test)", year: 2025 }) { id } }`);
  const schemeId = scheme.data!.createSubsidyScheme.id;
  // The limits are an administrator's step (setSubsidySchemeLimits); set here as test data.
  await db().subsidyScheme.update({ where: { id: schemeId }, data: { ceilingCents: 5_000_000 } });
  applicationId = await newApplication(schemeId, partners[0]!.id);
  draftId = await newApplication(schemeId, partners[0]!.id);
  await transition('submitSubsidyApplication', applicationId, ', on: "2025-09-01"');
  await transition('startSubsidyReview', applicationId);
});
afterAll(async () => {
  await api?.close();
  rmSync(filesDir, { recursive: true, force: true });
});

async function upload(body: Buffer, options: { id?: string; type?: string; name?: string; kind?: string; headers?: Record<string, string> } = {}) {
  const query = new URLSearchParams({ ...(options.name ? { name: options.name } : {}), ...(options.kind ? { kind: options.kind } : {}) });
  const response = await fetch(`${api.url}/files/applications/${options.id ?? applicationId}?${query}`, {
    method: 'POST',
    headers: { 'content-type': options.type ?? 'application/octet-stream', ...(options.headers ?? officer.headers) },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const get = (url: string, headers: Record<string, string> = {}) => fetch(`${api.url}${url}`, { headers });

describe('uploading documents', () => {
  it('stores each accepted kind with the type found in its content and its sha-256', async () => {
    for (const [name, bytes] of Object.entries(SAMPLES)) {
      const { status, body } = await upload(bytes, { name: `bijlage.${name}`, kind: 'BUDGET' });
      expect(status, name).toBe(201);
      expect(body.document).toMatchObject({ kind: 'BUDGET', sizeBytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), uploadedBy: officer.user.email });
    }
    const { data } = await officer.gql(`{ subsidyApplication(id: "${applicationId}") { documents { fileName contentType } } }`);
    expect(data!.subsidyApplication.documents.map((d: { contentType: string }) => d.contentType)).toEqual([
      'application/pdf', 'image/png', 'image/jpeg',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.oasis.opendocument.text',
    ]);
  });

  it('judges by content, not by name or declared type', async () => {
    const disguised = await upload(Buffer.from('<html><script>alert(1)</script></html>'), { name: 'begroting.pdf', type: 'application/pdf' });
    expect(disguised).toMatchObject({ status: 415, body: { errors: [{ extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } }] } });
    // A PDF called .png is stored as what it is.
    const renamed = await upload(SAMPLES.pdf, { name: 'foto.png', type: 'image/png' });
    expect(renamed.body.document).toMatchObject({ contentType: 'application/pdf', fileName: 'foto.png' });
  });

  it('keeps a path out of the file name', async () => {
    const { body } = await upload(SAMPLES.pdf, { name: '../../etc/passwd' });
    expect(body.document.fileName).toBe('passwd');
    expect(readFileSync(path.join(filesSettings().dir, body.document.id.slice(0, 2), body.document.id))).toEqual(SAMPLES.pdf);
  });

  it('refuses a file over the limit, an empty one, form posts and unknown kinds', async () => {
    expect((await upload(Buffer.concat([SAMPLES.pdf, Buffer.alloc(1024 * 1024)]))).status).toBe(413);
    expect((await upload(Buffer.alloc(0))).status).toBe(400);
    expect((await upload(SAMPLES.pdf, { type: 'text/plain' })).status).toBe(415);
    expect((await upload(SAMPLES.pdf, { type: 'multipart/form-data; boundary=x' })).status).toBe(415);
    expect((await upload(SAMPLES.pdf, { kind: 'SECRET' })).status).toBe(400);
    expect((await upload(SAMPLES.pdf, { id: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
  });

  it('lets only grant officers upload', async () => {
    expect((await upload(SAMPLES.pdf, { headers: viewer.headers })).status).toBe(403);
    expect((await upload(SAMPLES.pdf, { headers: ownToken.headers })).status).toBe(403);
    expect((await upload(SAMPLES.pdf, { headers: {} })).status).toBe(401);
    expect((await upload(SAMPLES.pdf, { headers: { authorization: 'Bearer wlk_nonsense' } })).status).toBe(401);
  });
});

describe('downloading documents', () => {
  let documentId: string;
  beforeAll(async () => {
    documentId = (await upload(SAMPLES.docx, { name: 'Begroting – versie 2.docx' })).body.document.id;
  });

  it('gives the file back, byte for byte, to those who may see the application', async () => {
    for (const headers of [officer.headers, viewer.headers, ownToken.headers]) {
      const response = await get(`/files/documents/${documentId}`, headers);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(response.headers.get('content-disposition')).toContain("filename*=UTF-8''Begroting%20%E2%80%93%20versie%202.docx");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.from(await response.arrayBuffer())).toEqual(SAMPLES.docx);
    }
  });

  it('shows nothing to others', async () => {
    expect((await get(`/files/documents/${documentId}`)).status).toBe(401);
    expect((await get(`/files/documents/${documentId}`, secretary.headers)).status).toBe(404);
    expect((await get(`/files/documents/${documentId}`, otherToken.headers)).status).toBe(404);
    const registerOnly = await api.issueToken({ scopes: ['register:read'] });
    expect((await get(`/files/documents/${documentId}`, registerOnly.headers)).status).toBe(404);
  });

  it("does not show a draft's documents to the partner yet", async () => {
    const { body } = await upload(SAMPLES.pdf, { id: draftId });
    expect((await get(`/files/documents/${body.document.id}`, ownToken.headers)).status).toBe(404);
    expect((await get(`/files/documents/${body.document.id}`, officer.headers)).status).toBe(200);
  });

  it('refuses to serve a stored file that changed on disk', async () => {
    const { body } = await upload(SAMPLES.png);
    writeFileSync(path.join(filesDir, body.document.id.slice(0, 2), body.document.id), Buffer.concat([SAMPLES.png, Buffer.from('x')]));
    expect((await get(`/files/documents/${body.document.id}`, officer.headers)).status).toBe(500);
  });

  it('survives a restart: the file is on disk and the row in PostgreSQL', async () => {
    const row = await db().subsidyDocument.findUniqueOrThrow({ where: { id: documentId } });
    const onDisk = readFileSync(path.join(filesDir, documentId.slice(0, 2), documentId));
    expect(createHash('sha256').update(onDisk).digest('hex')).toBe(row.sha256);
  });
});

describe('the decision letter', () => {
  it('exists only once decided', async () => {
    const response = await get(`/files/applications/${applicationId}/decision-letter.pdf`, officer.headers);
    expect(response.status).toBe(409);
  });

  it('is a PDF with applicant, activity, amount, grounds and the six-week objection clause', async () => {
    await transition('grantSubsidy', applicationId, ', amountCents: 200000, on: "2025-10-06"');
    const response = await get(`/files/applications/${applicationId}/decision-letter.pdf`, officer.headers);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const file = process.env.LETTER_OUT ?? path.join(filesDir, 'letter.pdf');
    writeFileSync(file, pdf);
    // pdftotext is poppler-utils (.ci/run installs it); without it only the PDF itself is checked.
    const text = hasPdftotext ? execFileSync('pdftotext', [file, '-']).toString().replace(/\s+/g, ' ') : null;
    if (text !== null) {
    expect(text).toContain('Wij verlenen u een subsidie van € 2.000,00');
    expect(text).toContain('Themabijeenkomsten over gezondheid');
    expect(text).toContain('Dat is minder dan u aanvroeg (€ 2.450,00)');
    expect(text).toMatch(/binnen zes weken/);
    expect(text).toContain('6 oktober 2025');
    }
    // The partner may fetch its own letter; another partner may not.
    expect((await get(`/files/applications/${applicationId}/decision-letter.pdf`, ownToken.headers)).status).toBe(200);
    expect((await get(`/files/applications/${applicationId}/decision-letter.pdf`, otherToken.headers)).status).toBe(404);
  });
});
