// Where the content of uploaded documents lives. The interface is small so that another store
// (an S3-compatible bucket) can be added later; the one we use keeps the content in PostgreSQL,
// as rows of SubsidyDocumentChunk written in the transaction that writes the document's row and
// its audit event: every server instance sees it, a backup of the database holds it, and a
// crash or a rollback leaves neither the row without its content nor content without a row.
import type { Readable, Writable } from 'node:stream';
import { Prisma } from '@welkom/db';
import { db } from '../db.js';

export interface DocumentStore {
  /** Writes the content read from `source`, inside `tx` (the document row's transaction). */
  write(tx: Prisma.TransactionClient, documentId: string, source: Readable): Promise<{ sizeBytes: number }>;
  /** Size and sha-256 of what is stored now, or null when nothing is. */
  checksum(documentId: string): Promise<{ sizeBytes: number; sha256: string } | null>;
  /** Copies the stored content into `target` piece by piece, honouring its backpressure. */
  copyTo(documentId: string, target: Writable): Promise<void>;
}

/** Bytes per chunk row: small enough to keep memory flat, large enough for few round trips. */
export const CHUNK_BYTES = 256 * 1024;

/**
 * A store over one chunk table (`documentId`, `seq`, `data`). Subsidy documents and the evidence
 * files of progress updates each have their own table (their own foreign key), one code path.
 */
export interface ChunkTable {
  /** The table's name, from this fixed list only (it goes into SQL). */
  name: 'SubsidyDocumentChunk' | 'ProgressEvidenceChunk';
  create(
    tx: Prisma.TransactionClient,
    data: { documentId: string; seq: number; data: Buffer<ArrayBuffer> },
  ): Promise<unknown>;
}

export function postgresChunkStore(table: ChunkTable): DocumentStore {
  const name = Prisma.raw(`"${table.name}"`);
  return {
    async write(tx, documentId, source) {
      let seq = 0;
      let sizeBytes = 0;
      for await (const piece of source) {
        const chunk = piece as Buffer<ArrayBuffer>; // a file stream reads into ordinary ArrayBuffers
        // The typed create: measured to hold about half the memory of a raw INSERT with a bytes parameter.
        await table.create(tx, { documentId, seq, data: chunk });
        seq += 1;
        sizeBytes += chunk.length;
      }
      return { sizeBytes };
    },

    async checksum(documentId) {
      // PostgreSQL hashes it, so the content is not brought into this process twice.
      const [row] = await db().$queryRaw<{ size: bigint | null; sha256: string | null }[]>`
        SELECT SUM(length("data"))::bigint AS size,
               encode(sha256(string_agg("data", ''::bytea ORDER BY "seq")), 'hex') AS sha256
        FROM ${name} WHERE "documentId" = ${documentId}::uuid`;
      if (!row?.sha256 || row.size === null) return null;
      return { sizeBytes: Number(row.size), sha256: row.sha256 };
    },

    async copyTo(documentId, target) {
      for (let seq = 0; ; seq++) {
        const [row] = await db().$queryRaw<{ data: Uint8Array }[]>`
          SELECT "data" FROM ${name} WHERE "documentId" = ${documentId}::uuid AND "seq" = ${seq}`;
        if (!row) return;
        if (target.destroyed) return;
        if (!target.write(row.data)) {
          await new Promise<void>((resolve) => {
            const done = () => {
              target.off('drain', done);
              target.off('close', done);
              resolve();
            };
            target.on('drain', done);
            target.on('close', done);
          });
        }
      }
    },
  };
}

export const postgresDocumentStore = postgresChunkStore({
  name: 'SubsidyDocumentChunk',
  create: (tx, data) => tx.subsidyDocumentChunk.create({ data, select: { seq: true } }),
});
