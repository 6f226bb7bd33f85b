// What every upload and download under /files/ shares: the error shape, a safe file name and
// Content-Disposition, and spooling a body to a private temporary file through the size limit
// and the sha-256 (memory stays flat however many arrive at once).
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, open, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { apiErrorBody } from '../api-error.js';
import type { Context } from '../context.js';
import type { Logger } from '../logger.js';
import type { DocumentStore } from '../subsidies/storage.js';

// Types a cross-site form may send without a preflight: refusing them keeps uploads CSRF-safe.
export const SIMPLE_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/** An answer outside GraphQL in the API's error shape: Dutch message, English in messageEn (api-error.ts). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageEn: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export function sendError(response: ServerResponse, error: HttpError) {
  response.writeHead(error.status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(
    JSON.stringify({ errors: [apiErrorBody(error.code, error.message, error.messageEn, error.extensions)] }),
  );
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what a file name must lose
const UNSAFE_IN_FILE_NAME = /[\u0000-\u001f\u007f"]/g;

/** A name safe to show and to put in a header: no path, no control characters, not too long. */
export function cleanFileName(name: string | null, extension: string): string {
  const base = (name ?? '').split(/[\\/]/).pop()!.replace(UNSAFE_IN_FILE_NAME, '').trim().slice(0, 200);
  return base || `document.${extension}`;
}

export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/[\\"]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

let spoolDir: Promise<string> | undefined;

/**
 * Streams the body into a private temporary file through the size limit and the sha-256.
 * The caller removes the file (`remove`) whatever happens next.
 */
export async function spool(request: IncomingMessage, limit: number) {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  spoolDir ??= mkdtemp(path.join(tmpdir(), 'welkom-uploads-'));
  const file = path.join(await spoolDir, randomUUID());
  const remove = () => rm(file, { force: true });
  const hash = createHash('sha256');
  let size = 0;
  const handle = await open(file, 'wx', 0o600);
  try {
    for await (const chunk of request) {
      size += (chunk as Buffer).length;
      if (size > limit) throw tooLarge(limit);
      hash.update(chunk as Buffer);
      await handle.write(chunk as Buffer);
    }
  } catch (error) {
    await handle.close();
    await remove();
    throw error;
  }
  await handle.close();
  return { file, size, sha256: hash.digest('hex'), remove };
}

export const tooLarge = (limit: number) =>
  new HttpError(
    413,
    'PAYLOAD_TOO_LARGE',
    `Het bestand is te groot (maximaal ${Math.round(limit / 1024 / 1024)} MB).`,
    `The file is too large (at most ${Math.round(limit / 1024 / 1024)} MB).`,
    { limit },
  );

export function forbidden(context: Context) {
  return context.identity.kind === 'anonymous'
    ? new HttpError(401, 'UNAUTHENTICATED', 'Log in om dit te zien of te doen.', 'Sign in to see or do this.')
    : new HttpError(403, 'FORBIDDEN', 'U hebt geen toegang tot dit onderdeel.', 'You have no access to this.');
}

/**
 * Streams a stored file to the client after checking its stored size and sha-256 against the
 * record, so a changed or missing content is a logged 500, never a silently wrong download.
 */
export async function sendStoredFile(
  response: ServerResponse,
  store: DocumentStore,
  file: { id: string; fileName: string; contentType: string; sizeBytes: number; sha256: string },
  logger: Logger,
) {
  const stored = await store.checksum(file.id);
  if (!stored || stored.sha256 !== file.sha256 || stored.sizeBytes !== file.sizeBytes) {
    logger.error({ fileId: file.id, missing: !stored }, 'stored file missing or changed: checksum does not match');
    throw new HttpError(
      500,
      'INTERNAL_SERVER_ERROR',
      'Het opgeslagen bestand is niet meer gelijk aan wat is geüpload.',
      'The stored file no longer matches what was uploaded.',
    );
  }
  response.writeHead(200, {
    'content-type': file.contentType,
    'content-length': String(file.sizeBytes),
    'content-disposition': contentDisposition(file.fileName),
    'cache-control': 'private, no-store',
    'x-checksum-sha256': file.sha256,
  });
  try {
    await store.copyTo(file.id, response);
    response.end();
  } catch (error) {
    // Headers are gone: all that is left is to cut the connection so the client sees a failed download.
    logger.error({ err: error, fileId: file.id }, 'download failed midway');
    response.destroy();
  }
}
