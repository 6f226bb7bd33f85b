// Documents and decision letters over HTTP: what is accepted (by content and structure),
// size, checksum, storage in PostgreSQL shared by every instance, and who may download.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db.js';
import { type Harness, type SignedInClient, type TokenClient, startHarness } from '../test/harness.js';
import { contentTypes, docx, jpeg, odt, pdf, png, xlsx, zip } from '../test/sample-files.js';
import { requireCommand } from '../test/prerequisites.js';
import { type SpawnedServer, spawnServer } from '../test/spawn-server.js';
import { configureFiles } from './subsidy-files.js';
import { ZIP_LIMITS, sniff } from '../subsidies/sniff.js';
import { postgresDocumentStore } from '../subsidies/storage.js';

const WORD_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const SHEET_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(4096, 0x90)]);

const SAMPLES = {
  pdf: await pdf(),
  png: png(),
  jpeg: jpeg(),
  docx: docx(),
  xlsx: xlsx(),
  odt: odt(),
};

const kindOf = async (bytes: Buffer) => (await sniff(bytes))?.extension ?? null;

describe('recognising a file by its content', () => {
  it('knows PDF, PNG, JPEG, DOCX, XLSX and ODT', async () => {
    const found: Record<string, string | null> = {};
    for (const [name, bytes] of Object.entries(SAMPLES)) found[name] = await kindOf(bytes);
    expect(found).toEqual({ pdf: 'pdf', png: 'png', jpeg: 'jpg', docx: 'docx', xlsx: 'xlsx', odt: 'odt' });
  });

  it('refuses everything else, whatever it is called', async () => {
    expect(await kindOf(Buffer.from('MZ\x90\x00 an executable'))).toBeNull();
    expect(await kindOf(Buffer.from('<html><script>alert(1)</script></html>'))).toBeNull();
    expect(await kindOf(zip([{ name: 'payload.exe', data: Buffer.from('MZ') }]))).toBeNull(); // a zip, but no office document
    expect(
      await kindOf(
        zip([
          contentTypes([
            [
              '/ppt/presentation.xml',
              'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
            ],
          ]),
          { name: 'ppt/presentation.xml', data: Buffer.from('<p/>') },
        ]),
      ),
    ).toBeNull();
    expect(
      await kindOf(
        zip([
          { name: 'mimetype', data: Buffer.from('application/x-evil') },
          { name: 'content.xml', data: Buffer.from('') },
        ]),
      ),
    ).toBeNull();
    expect(await kindOf(Buffer.from('PK\x03\x04 truncated'))).toBeNull();
  });

  it('refuses PDF magic bytes followed by an executable, and an executable after a valid PDF', async () => {
    expect(await kindOf(Buffer.concat([Buffer.from('%PDF-1.7\n'), ELF]))).toBeNull();
    expect(
      await kindOf(Buffer.concat([Buffer.from('%PDF-1.7\n'), ELF, Buffer.from('\nstartxref\n9\n%%EOF\n')])),
    ).toBeNull();
    expect(await kindOf(Buffer.concat([SAMPLES.pdf, ELF]))).toBeNull();
  });

  it('refuses a truncated PDF', async () => {
    expect(await kindOf(SAMPLES.pdf.subarray(0, Math.floor(SAMPLES.pdf.length * 0.6)))).toBeNull();
    expect(await kindOf(SAMPLES.pdf.subarray(0, SAMPLES.pdf.length - 8))).toBeNull();
  });

  it('refuses a zip bomb by the sizes in its central directory, and too many entries', async () => {
    const zeros = Buffer.alloc(16 * 1024 * 1024);
    const entries = Array.from({ length: Math.ceil(ZIP_LIMITS.maxUncompressedBytes / zeros.length) + 1 }, (_, n) => ({
      name: `xl/media/image${n}.bin`,
      data: zeros,
      deflate: true,
    }));
    const bomb = zip([
      contentTypes([['/xl/workbook.xml', SHEET_MAIN]]),
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      ...entries,
    ]);
    expect(bomb.length).toBeLessThan(1024 * 1024); // small on the wire ...
    expect(await kindOf(bomb)).toBeNull(); // ... refused for what it would expand to
    const many = zip([
      contentTypes([['/xl/workbook.xml', SHEET_MAIN]]),
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      ...Array.from({ length: ZIP_LIMITS.maxEntries }, (_, n) => ({ name: `xl/x${n}.xml`, data: Buffer.alloc(0) })),
    ]);
    expect(await kindOf(many)).toBeNull();
  });

  it('refuses a DOCX that is really an XLSX, and takes a real XLSX named .docx as an XLSX', async () => {
    const mixed = zip([
      contentTypes([['/xl/workbook.xml', SHEET_MAIN]]),
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'word/document.xml', data: Buffer.from('<w:document/>') },
    ]);
    expect(await kindOf(mixed)).toBeNull();
    // Declared a word document, but the part it names is not there.
    expect(
      await kindOf(
        zip([
          contentTypes([['/word/document.xml', WORD_MAIN]]),
          { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
        ]),
      ),
    ).toBeNull();
    // Names alone no longer make a DOCX: [Content_Types].xml must declare the main part.
    expect(
      await kindOf(
        zip([
          { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
          { name: 'word/document.xml', data: Buffer.from('<w:document/>') },
        ]),
      ),
    ).toBeNull();
  });

  it('checks the headers of PNG and JPEG', async () => {
    const badCrc = Buffer.from(SAMPLES.png);
    badCrc[29] = badCrc[29]! ^ 0xff;
    expect(await kindOf(badCrc)).toBeNull();
    expect(await kindOf(Buffer.concat([SAMPLES.png.subarray(0, 8), Buffer.alloc(32)]))).toBeNull(); // signature only
    expect(await kindOf(Buffer.concat([SAMPLES.png, ELF]))).toBeNull(); // something after IEND
    expect(await kindOf(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(32)]))).toBeNull();
    expect(await kindOf(SAMPLES.jpeg.subarray(0, SAMPLES.jpeg.length - 2))).toBeNull(); // no end of image
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

async function transition(mutation: string, id: string, extra = '') {
  const { errors } = await officer.gql(`mutation { ${mutation}(id: "${id}", reason: "test"${extra}) { id } }`);
  expect(errors).toBeUndefined();
}

async function newApplication(schemeId: string, partnerId: string) {
  const { data } = await officer.gql(
    `mutation { createSubsidyApplication(input: { schemeId: "${schemeId}", applicantId: "${partnerId}", activity: "Themabijeenkomsten over gezondheid", contactName: "F. El Amrani", plannedStartOn: "2025-10-01", plannedEndOn: "2025-12-15" }) { id version } }`,
  );
  const { id, version } = data!.createSubsidyApplication;
  const budget = await officer.gql(`mutation { setSubsidyBudget(id: "${id}", expectedVersion: ${version}, lines: [
    { description: "Zaalhuur vier avonden", amountCents: 80000 }, { description: "Sprekers en tolken", amountCents: 120000 },
    { description: "Catering", amountCents: 45000 } ]) { id } }`);
  expect(budget.errors).toBeUndefined();
  return id as string;
}

beforeAll(async () => {
  configureFiles({ maxBytes: 1024 * 1024 });
  api = await startHarness();
  [officer, viewer, secretary] = await Promise.all([
    api.createUser({ roles: ['GRANT_OFFICER'], name: 'Sanne de Vries' }),
    api.createUser({ roles: ['VIEWER'] }),
    api.createUser({ roles: ['SECRETARY'] }),
  ]);
  const partners = await db().partner.findMany({ orderBy: { name: 'asc' }, take: 2 });
  ownToken = await api.issueToken({ scopes: ['subsidies:own'], partnerId: partners[0]!.id });
  otherToken = await api.issueToken({ scopes: ['subsidies:own'], partnerId: partners[1]!.id });
  const scheme = await officer.gql(
    `mutation { createSubsidyScheme(input: { name: "Themabijeenkomsten migrantenorganisaties (test)", year: 2025 }) { id } }`,
  );
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
});

async function upload(
  body: Buffer,
  options: { id?: string; type?: string; name?: string; kind?: string; headers?: Record<string, string> } = {},
) {
  const query = new URLSearchParams({
    ...(options.name ? { name: options.name } : {}),
    ...(options.kind ? { kind: options.kind } : {}),
  });
  const response = await fetch(`${api.url}/files/applications/${options.id ?? applicationId}?${query}`, {
    method: 'POST',
    headers: { 'content-type': options.type ?? 'application/octet-stream', ...(options.headers ?? officer.headers) },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

async function storedContent(documentId: string): Promise<Buffer> {
  const rows = await db().$queryRaw<
    { data: Uint8Array }[]
  >`SELECT "data" FROM "SubsidyDocumentChunk" WHERE "documentId" = ${documentId}::uuid ORDER BY "seq"`;
  return Buffer.concat(rows.map((row) => Buffer.from(row.data)));
}

const get = (url: string, headers: Record<string, string> = {}) => fetch(`${api.url}${url}`, { headers });

describe('uploading documents', () => {
  it('stores each accepted kind with the type found in its content and its sha-256', async () => {
    for (const [name, bytes] of Object.entries(SAMPLES)) {
      const { status, body } = await upload(bytes, { name: `bijlage.${name}`, kind: 'BUDGET' });
      expect(status, name).toBe(201);
      expect(body.document).toMatchObject({
        kind: 'BUDGET',
        sizeBytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        uploadedBy: officer.user.email,
      });
    }
    const { data } = await officer.gql(
      `{ subsidyApplication(id: "${applicationId}") { documents { fileName contentType } } }`,
    );
    expect(data!.subsidyApplication.documents.map((d: { contentType: string }) => d.contentType)).toEqual([
      'application/pdf',
      'image/png',
      'image/jpeg',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.oasis.opendocument.text',
    ]);
  });

  it('judges by content, not by name or declared type', async () => {
    const disguised = await upload(Buffer.from('<html><script>alert(1)</script></html>'), {
      name: 'begroting.pdf',
      type: 'application/pdf',
    });
    expect(disguised).toMatchObject({
      status: 415,
      body: { errors: [{ extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } }] },
    });
    // A PDF called .png is stored as what it is.
    const renamed = await upload(SAMPLES.pdf, { name: 'foto.png', type: 'image/png' });
    expect(renamed.body.document).toMatchObject({ contentType: 'application/pdf', fileName: 'foto.png' });
  });

  it('keeps a path out of the file name', async () => {
    const { body } = await upload(SAMPLES.pdf, { name: '../../etc/passwd' });
    expect(body.document.fileName).toBe('passwd');
    expect(await storedContent(body.document.id)).toEqual(SAMPLES.pdf);
  });

  it('refuses crafted files over HTTP and stores nothing for them', async () => {
    const before = await db().subsidyDocument.count();
    for (const bytes of [Buffer.concat([Buffer.from('%PDF-1.7\n'), ELF]), SAMPLES.pdf.subarray(0, 400)]) {
      const refused = await upload(bytes, { name: 'begroting.pdf', type: 'application/pdf' });
      expect(refused).toMatchObject({
        status: 415,
        body: { errors: [{ extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } }] },
      });
    }
    expect(await db().subsidyDocument.count()).toBe(before);
  });

  it('stores a file of several chunks whole, and a large upload too', async () => {
    const large = await pdf(900 * 1024);
    const { status, body } = await upload(large, { name: 'groot.pdf' });
    expect(status).toBe(201);
    const chunks = await db().subsidyDocumentChunk.count({ where: { documentId: body.document.id } });
    expect(chunks).toBeGreaterThan(1);
    const response = await get(`/files/documents/${body.document.id}`, officer.headers);
    expect(Buffer.from(await response.arrayBuffer()).equals(large)).toBe(true);
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
      expect(response.headers.get('content-type')).toBe(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
      expect(response.headers.get('content-disposition')).toContain(
        "filename*=UTF-8''Begroting%20%E2%80%93%20versie%202.docx",
      );
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

  it('refuses to serve a stored file that changed in the database', async () => {
    const { body } = await upload(SAMPLES.png);
    await db()
      .$executeRaw`UPDATE "SubsidyDocumentChunk" SET "data" = "data" || '\\x00'::bytea WHERE "documentId" = ${body.document.id}::uuid`;
    expect((await get(`/files/documents/${body.document.id}`, officer.headers)).status).toBe(500);
  });

  it('keeps the content in PostgreSQL beside its row, with the recorded sha-256', async () => {
    const row = await db().subsidyDocument.findUniqueOrThrow({ where: { id: documentId } });
    expect(
      createHash('sha256')
        .update(await storedContent(documentId))
        .digest('hex'),
    ).toBe(row.sha256);
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
    const file = process.env.LETTER_OUT ?? path.join(mkdtempSync(path.join(tmpdir(), 'welkom-letter-')), 'letter.pdf');
    writeFileSync(file, pdf);
    requireCommand('pdftotext');
    const text = execFileSync('pdftotext', [file, '-']).toString().replace(/\s+/g, ' ');
    expect(text).toContain('Wij verlenen u een subsidie van € 2.000,00');
    expect(text).toContain('Themabijeenkomsten over gezondheid');
    expect(text).toContain('Dat is minder dan u aanvroeg (€ 2.450,00)');
    expect(text).toMatch(/binnen zes weken/);
    expect(text).toContain('6 oktober 2025');
    // The partner may fetch its own letter; another partner may not.
    expect((await get(`/files/applications/${applicationId}/decision-letter.pdf`, ownToken.headers)).status).toBe(200);
    expect((await get(`/files/applications/${applicationId}/decision-letter.pdf`, otherToken.headers)).status).toBe(
      404,
    );
  });
});

describe('documents in PostgreSQL', () => {
  let second: SpawnedServer | undefined;
  let emptyFilesDir: string;

  afterAll(() => {
    second?.child.kill('SIGTERM');
  });

  function startSecondInstance(): Promise<SpawnedServer> {
    // A separate process on the same database, with nothing of the first one's disk.
    emptyFilesDir = mkdtempSync(path.join(tmpdir(), 'welkom-second-'));
    return spawnServer(
      {
        NODE_ENV: 'test',
        PORT: '0',
        DATABASE_URL: api.databaseUrl,
        MIGRATE_ON_START: 'false',
        SEED_ON_START: 'false',
        LOG_LEVEL: 'info',
        FILES_DIR: emptyFilesDir,
        AUDIT_CHECKPOINT_FILE: path.join(emptyFilesDir, 'checkpoints.jsonl'),
        RATE_LIMIT_USER: '0',
      },
      { timeoutMs: 60_000 },
    );
  }

  it('serves a document uploaded through one instance from another instance', async () => {
    second = await startSecondInstance();
    const { status, body } = await upload(SAMPLES.xlsx, { name: 'begroting.xlsx' });
    expect(status).toBe(201);
    const response = await fetch(`${second.url}/files/documents/${body.document.id}`, { headers: officer.headers });
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(SAMPLES.xlsx);
    // And the other way round.
    const back = await fetch(`${second.url}/files/applications/${applicationId}?name=foto.png`, {
      method: 'POST',
      headers: { 'content-type': 'image/png', ...officer.headers },
      body: SAMPLES.png,
    });
    expect(back.status).toBe(201);
    const { document } = (await back.json()) as { document: { id: string } };
    expect(Buffer.from(await (await get(`/files/documents/${document.id}`, officer.headers)).arrayBuffer())).toEqual(
      SAMPLES.png,
    );
  }, 90_000);

  it('leaves neither row nor content when the transaction fails after the content was written', async () => {
    const id = '6f1f7c1e-7d8c-4c1e-9a51-3f1d2c3b4a59';
    await expect(
      db().$transaction(async (tx) => {
        await tx.subsidyDocument.create({
          data: {
            id,
            applicationId,
            fileName: 'x.pdf',
            contentType: 'application/pdf',
            sizeBytes: SAMPLES.pdf.length,
            sha256: 'x',
          },
        });
        await postgresDocumentStore.write(
          tx,
          id,
          (async function* () {
            yield SAMPLES.pdf;
          })() as never,
        );
        expect(await tx.subsidyDocumentChunk.count({ where: { documentId: id } })).toBe(1);
        throw new Error('crash after the write');
      }),
    ).rejects.toThrow('crash after the write');
    expect(await db().subsidyDocument.count({ where: { id } })).toBe(0);
    expect(await db().subsidyDocumentChunk.count({ where: { documentId: id } })).toBe(0);
  });

  it('leaves neither row nor content when the audit event of an upload over HTTP fails', async () => {
    const documents = await db().subsidyDocument.count();
    const chunks = await db().subsidyDocumentChunk.count();
    // The audit event is the last write of the upload's transaction: make it fail.
    await db().$executeRawUnsafe(`CREATE FUNCTION test_refuse_upload_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW."entityType" = 'SubsidyDocument' THEN RAISE EXCEPTION 'forced failure'; END IF; RETURN NEW; END $$`);
    await db().$executeRawUnsafe(
      `CREATE TRIGGER test_refuse_upload_audit BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION test_refuse_upload_audit()`,
    );
    try {
      const response = await fetch(`${api.url}/files/applications/${applicationId}?name=x.pdf`, {
        method: 'POST',
        headers: { 'content-type': 'application/pdf', ...officer.headers },
        body: await pdf(600 * 1024),
      });
      expect(response.status).toBe(500);
    } finally {
      await db().$executeRawUnsafe('DROP TRIGGER test_refuse_upload_audit ON "AuditEvent"');
      await db().$executeRawUnsafe('DROP FUNCTION test_refuse_upload_audit()');
    }
    expect(await db().subsidyDocument.count()).toBe(documents);
    expect(await db().subsidyDocumentChunk.count()).toBe(chunks);
  });
});
