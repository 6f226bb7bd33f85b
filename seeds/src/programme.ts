// The whole programme, from the document in seeds/data to the database: what `npm start`
// loads into an empty database, what tests and the demo seed start from.
import type { PrismaClient } from '@welkom/db';
import { extractProgramme } from './extract/programme.js';
import { type LoadCounts, loadProgramme } from './load.js';
import { readSourceDocument } from './source.js';

export function loadProgrammeFromDocument(prisma: PrismaClient): Promise<LoadCounts> {
  return loadProgramme(prisma, extractProgramme(readSourceDocument()));
}
