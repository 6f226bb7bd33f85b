// The whole programme, from the document in seeds/data to the database: what `npm start`
// loads into an empty database, what tests and the demo seed start from.
import type { PrismaClient } from '@welkom/db';
import { extractProgramme } from './extract/programme.js';
import { loadSocialMap } from './kaart.js';
import { type LoadCounts, loadProgramme } from './load.js';
import { readSourceDocument } from './source.js';

export async function loadProgrammeFromDocument(prisma: PrismaClient): Promise<LoadCounts> {
  const counts = await loadProgramme(prisma, extractProgramme(readSourceDocument()));
  // The sociale kaart's entries link to the register's partners and target groups, so they come after.
  await loadSocialMap(prisma);
  return counts;
}
