// Documents of subsidy applications over plain HTTP (GraphQL has no file upload here):
//
//   POST /files/applications/:id?kind=BUDGET&name=begroting.pdf   raw body; grant officers
//   GET  /files/documents/:id                                       who may see the application
//   GET  /files/applications/:id/decision-letter.pdf                 likewise, once decided
//
// The kind of a file is read from its bytes and its structure (sniff.ts), never from its name
// or the declared Content-Type. An upload is streamed: through the size limit and the sha-256
// into a private temporary file (so memory stays flat however many arrive at once), inspected
// there, then copied in chunks into PostgreSQL (storage.ts) in the one transaction that also
// writes the document's row and its audit event. Downloads stream the chunks back, after
// PostgreSQL has confirmed the stored content still has the recorded sha-256.
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SubsidyDocumentKind } from '@welkom/db';
import { recordAuditEvent } from '../audit/record.js';
import { identify } from '../auth/identify.js';
import { securitySettings } from '../auth/settings.js';
import type { Context } from '../context.js';
import { UUID } from '../crud/uuid.js';
import { db } from '../db.js';
import {
  HttpError,
  SIMPLE_TYPES,
  cleanFileName,
  contentDisposition,
  forbidden,
  sendError,
  sendStoredFile,
  spool,
} from './file-transfer.js';
import { handleEvidence } from './progress-files.js';
import { clientAddress } from './proxy.js';
import { checkRateLimit } from './rate-limit.js';
import type { Logger } from '../logger.js';
import { applicationReaders, canSeeApplication, grantOfficer } from '../subsidies/access.js';
import { decisionLetter } from '../subsidies/letter.js';
import { sniff } from '../subsidies/sniff.js';
import { CHUNK_BYTES, type DocumentStore, postgresDocumentStore } from '../subsidies/storage.js';

export { cleanFileName };

let settings: { maxBytes: number; store: DocumentStore } = { maxBytes: 10 * 1024 * 1024, store: postgresDocumentStore };

export function configureFiles(options: { maxBytes?: number; store?: DocumentStore }): void {
  settings = { maxBytes: options.maxBytes ?? settings.maxBytes, store: options.store ?? settings.store };
}

const KINDS: readonly SubsidyDocumentKind[] = ['APPLICATION', 'BUDGET', 'INFORMATION', 'ACCOUNTABILITY', 'OTHER'];

async function upload(request: IncomingMessage, applicationId: string, url: URL, context: Context) {
  if (!grantOfficer.allows(context.identity)) throw forbidden(context);
  const declared = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (!declared || SIMPLE_TYPES.includes(declared)) {
    throw new HttpError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'Stuur het bestand als ruwe inhoud met een Content-Type zoals application/pdf.',
      'Send the file as the raw body with a Content-Type such as application/pdf.',
    );
  }
  const kindParam = (url.searchParams.get('kind') ?? 'OTHER').toUpperCase();
  if (!KINDS.includes(kindParam as SubsidyDocumentKind)) {
    throw new HttpError(
      400,
      'BAD_USER_INPUT',
      `Onbekende soort document; kies uit ${KINDS.join(', ')}.`,
      `Unknown kind of document; choose from ${KINDS.join(', ')}.`,
      { field: 'kind' },
    );
  }
  const application = await db().subsidyApplication.findUnique({
    where: { id: applicationId },
    select: { state: true },
  });
  if (!application)
    throw new HttpError(404, 'NOT_FOUND', 'Deze aanvraag bestaat niet.', 'This application does not exist.');
  if (application.state === 'CLOSED')
    throw new HttpError(409, 'TRANSITION_NOT_ALLOWED', 'Het dossier is gesloten.', 'The file is closed.', {
      state: 'CLOSED',
    });

  const spooled = await spool(request, settings.maxBytes);
  try {
    if (spooled.size === 0)
      throw new HttpError(400, 'BAD_USER_INPUT', 'Het bestand is leeg.', 'The file is empty.', { field: 'body' });
    const sniffed = await sniff({ path: spooled.file, size: spooled.size });
    if (!sniffed) {
      throw new HttpError(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'Dit bestand nemen we niet aan: alleen een geldige PDF, PNG, JPEG, DOCX, XLSX, ODT of ODS, herkend aan de inhoud en de opbouw.',
        'This file is not accepted: only a valid PDF, PNG, JPEG, DOCX, XLSX, ODT or ODS, recognised by its content and structure.',
      );
    }
    const id = randomUUID();
    // Copying 10 MB in chunks and waiting for the audit chain's lock may take longer than Prisma's default 5 s.
    return await db().$transaction(
      async (tx) => {
        const document = await tx.subsidyDocument.create({
          data: {
            id,
            applicationId,
            kind: kindParam as SubsidyDocumentKind,
            fileName: cleanFileName(url.searchParams.get('name'), sniffed.extension),
            contentType: sniffed.contentType,
            sizeBytes: spooled.size,
            sha256: spooled.sha256,
            uploadedBy: context.identity.kind === 'user' ? context.identity.email : null,
          },
        });
        const stored = await settings.store.write(
          tx,
          id,
          createReadStream(spooled.file, { highWaterMark: CHUNK_BYTES }),
        );
        if (stored.sizeBytes !== spooled.size) throw new Error(`stored ${stored.sizeBytes} of ${spooled.size} bytes`);
        await recordAuditEvent(tx, {
          context,
          operation: 'UPLOAD',
          entityType: 'SubsidyDocument',
          entityId: id,
          before: null,
          after: document,
        });
        return document;
      },
      { maxWait: 30_000, timeout: 120_000 },
    );
  } finally {
    await spooled.remove();
  }
}

async function download(response: ServerResponse, documentId: string, context: Context, logger: Logger) {
  const document = await db().subsidyDocument.findUnique({ where: { id: documentId } });
  // Not found and not allowed look alike to a caller who may not see the application.
  if (!document || !(await canSeeApplication(context, document.applicationId))) {
    if (!document && applicationReaders.allows(context.identity))
      throw new HttpError(404, 'NOT_FOUND', 'Dit document bestaat niet.', 'This document does not exist.');
    if (context.identity.kind === 'anonymous') throw forbidden(context);
    throw new HttpError(404, 'NOT_FOUND', 'Dit document bestaat niet.', 'This document does not exist.');
  }
  await sendStoredFile(response, settings.store, document, logger);
}

async function letter(response: ServerResponse, applicationId: string, context: Context) {
  if (!(await canSeeApplication(context, applicationId))) {
    throw context.identity.kind === 'anonymous'
      ? forbidden(context)
      : new HttpError(404, 'NOT_FOUND', 'Deze aanvraag bestaat niet.', 'This application does not exist.');
  }
  const application = await db().subsidyApplication.findUnique({
    where: { id: applicationId },
    include: {
      scheme: true,
      applicant: { select: { name: true } },
      budgetLines: { orderBy: { sortOrder: 'asc' } },
      transitions: { orderBy: { seq: 'asc' } },
    },
  });
  if (!application)
    throw new HttpError(404, 'NOT_FOUND', 'Deze aanvraag bestaat niet.', 'This application does not exist.');
  const decision = application.transitions.find((t) => t.toState === 'GRANTED' || t.toState === 'REJECTED');
  if (!decision || !application.decidedOn) {
    throw new HttpError(
      409,
      'TRANSITION_NOT_ALLOWED',
      'Er is nog geen besluit op deze aanvraag.',
      'There is no decision on this application yet.',
      { state: application.state },
    );
  }
  const pdf = await decisionLetter({
    reference: application.reference,
    decision: decision.toState as 'GRANTED' | 'REJECTED',
    decidedOn: application.decidedOn,
    grounds: application.decisionGrounds ?? decision.reason,
    scheme: application.scheme,
    applicant: application.applicant,
    contactName: application.contactName,
    activity: application.activity,
    plannedStartOn: application.plannedStartOn,
    plannedEndOn: application.plannedEndOn,
    requestedCents: application.requestedCents,
    grantedCents: application.grantedCents,
    receivedOn: application.receivedOn,
    budgetLines: application.budgetLines,
  });
  response.writeHead(200, {
    'content-type': 'application/pdf',
    'content-length': String(pdf.length),
    'content-disposition': contentDisposition(`beschikking-${application.reference}.pdf`),
    'cache-control': 'private, no-store',
  });
  response.end(pdf);
}

/** Handles every request under /files/ (called by http/app.ts). */
export async function handleFiles(
  request: IncomingMessage,
  response: ServerResponse,
  requestId: string,
  logger: Logger,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const { trustProxyHops } = securitySettings();
  const ip = clientAddress(request, trustProxyHops);
  try {
    const identification = await identify(request, ip);
    if ('status' in identification)
      throw new HttpError(401, 'UNAUTHENTICATED', identification.message, identification.messageEn);
    const limit = await checkRateLimit(identification.identity, ip);
    if (!limit.allowed) {
      response.setHeader('retry-after', String(limit.retryAfterSeconds));
      throw new HttpError(429, 'TOO_MANY_REQUESTS', 'Te veel verzoeken.', 'Too many requests.', {
        retryAfterSeconds: limit.retryAfterSeconds,
      });
    }
    const context: Context = { requestId, identity: identification.identity, ip, secure: false, cookies: [] };
    const parts = url.pathname.split('/').filter(Boolean); // ['files', ...]
    const id = parts[2];
    if (!id || !UUID.test(id)) throw new HttpError(404, 'NOT_FOUND', 'Niet gevonden.', 'Not found.');
    if (await handleEvidence({ request, response, parts, url, context, logger, maxBytes: settings.maxBytes })) {
      // evidence of progress updates (progress-files.ts)
    } else if (request.method === 'POST' && parts.length === 3 && parts[1] === 'applications') {
      const document = await upload(request, id, url, context);
      response.writeHead(201, {
        'content-type': 'application/json; charset=utf-8',
        location: `/files/documents/${document.id}`,
      });
      response.end(JSON.stringify({ document }));
    } else if (request.method === 'GET' && parts.length === 3 && parts[1] === 'documents') {
      await download(response, id, context, logger);
    } else if (
      request.method === 'GET' &&
      parts.length === 4 &&
      parts[1] === 'applications' &&
      parts[3] === 'decision-letter.pdf'
    ) {
      await letter(response, id, context);
    } else {
      throw new HttpError(404, 'NOT_FOUND', 'Niet gevonden.', 'Not found.');
    }
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    // The rest of an upload that was refused early is not read; close the connection after answering.
    if (!request.complete) response.setHeader('connection', 'close');
    sendError(response, error);
  }
}
