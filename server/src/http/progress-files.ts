// Evidence files of progress updates over plain HTTP, beside the subsidy documents:
//
//   POST /files/progress-updates/:id/evidence?name=verslag.pdf   raw body; who may report on the update
//   GET  /files/evidence/:id                                       signed-in staff, or who may report on it
//
// The same path as a subsidy document: spooled through the size limit and the sha-256, judged by
// its bytes and structure (subsidies/sniff.ts), stored in chunks in PostgreSQL with its audit event
// (progress/evidence.ts), and downloaded only after PostgreSQL confirms the stored sha-256.
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import type { Context } from '../context.js';
import { db } from '../db.js';
import type { Logger } from '../logger.js';
import { addEvidence, evidenceStore, mayAddEvidence, maySeeEvidence } from '../progress/evidence.js';
import { sniff } from '../subsidies/sniff.js';
import { CHUNK_BYTES } from '../subsidies/storage.js';
import { HttpError, SIMPLE_TYPES, cleanFileName, forbidden, sendStoredFile, spool } from './file-transfer.js';

const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TRANSITION_NOT_ALLOWED: 409,
};

/** The service's GraphQL refusals, in the HTTP error shape with the same code and message. */
function asHttp(error: unknown): unknown {
  if (!(error instanceof GraphQLError)) return error;
  const code = String(error.extensions.code ?? '');
  if (!STATUS[code]) return error;
  const { code: _code, messageEn, ...rest } = error.extensions;
  return new HttpError(
    STATUS[code]!,
    code,
    error.message,
    String(messageEn ?? error.message),
    rest as Record<string, unknown>,
  );
}

async function upload(request: IncomingMessage, updateId: string, url: URL, context: Context, maxBytes: number) {
  if (context.identity.kind === 'anonymous') throw forbidden(context);
  const declared = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (!declared || SIMPLE_TYPES.includes(declared)) {
    throw new HttpError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'Stuur het bestand als ruwe inhoud met een Content-Type zoals application/pdf.',
      'Send the file as a raw body with a Content-Type such as application/pdf.',
    );
  }
  await mayAddEvidence(updateId, context.identity);
  const spooled = await spool(request, maxBytes);
  try {
    if (spooled.size === 0)
      throw new HttpError(400, 'BAD_USER_INPUT', 'Het bestand is leeg.', 'The file is empty.', { field: 'body' });
    const sniffed = await sniff({ path: spooled.file, size: spooled.size });
    if (!sniffed) {
      throw new HttpError(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'Dit bestand nemen we niet aan: alleen een geldige PDF, PNG, JPEG, DOCX, XLSX, ODT of ODS, herkend aan de inhoud en de opbouw.',
        'Only a valid PDF, PNG, JPEG, DOCX, XLSX, ODT or ODS, recognised by its content and structure.',
      );
    }
    return await addEvidence(
      {
        updateId,
        fileName: cleanFileName(url.searchParams.get('name'), sniffed.extension),
        contentType: sniffed.contentType,
        sizeBytes: spooled.size,
        sha256: spooled.sha256,
        content: createReadStream(spooled.file, { highWaterMark: CHUNK_BYTES }),
      },
      context,
    );
  } finally {
    await spooled.remove();
  }
}

async function download(response: ServerResponse, fileId: string, context: Context, logger: Logger) {
  if (context.identity.kind === 'anonymous') throw forbidden(context);
  const file = await db().progressEvidenceFile.findUnique({ where: { id: fileId } });
  // Not found and not allowed look alike to a caller who may not see it.
  if (!file || !(await maySeeEvidence(file.updateId, context.identity)))
    throw new HttpError(404, 'NOT_FOUND', 'Dit bewijsstuk bestaat niet.', 'This evidence file does not exist.');
  await sendStoredFile(response, evidenceStore, file, logger);
}

/** Handles the evidence routes; false when the path is not one of them (subsidy-files.ts goes on). */
export async function handleEvidence(args: {
  request: IncomingMessage;
  response: ServerResponse;
  parts: string[];
  url: URL;
  context: Context;
  logger: Logger;
  maxBytes: number;
}): Promise<boolean> {
  const { request, response, parts, url, context } = args;
  const id = parts[2]!;
  try {
    if (request.method === 'POST' && parts.length === 4 && parts[1] === 'progress-updates' && parts[3] === 'evidence') {
      const file = await upload(request, id, url, context, args.maxBytes);
      response.writeHead(201, {
        'content-type': 'application/json; charset=utf-8',
        location: `/files/evidence/${file.id}`,
      });
      response.end(JSON.stringify({ evidenceFile: file }));
      return true;
    }
    if (request.method === 'GET' && parts.length === 3 && parts[1] === 'evidence') {
      await download(response, id, context, args.logger);
      return true;
    }
    return false;
  } catch (error) {
    throw asHttp(error);
  }
}
