// npm run seed: loads the programme document into DATABASE_URL, or into the embedded server
// when it is unset. Safe to repeat: the loader only writes what differs.
import { createPrismaClient, migrate, resolveDatabaseForTool } from '@welkom/db';
import { extractProgramme } from '../extract/programme.js';
import { loadSocialMap } from '../kaart.js';
import { loadProgramme, type LoadCounts } from '../load.js';
import { readSourceDocument, SOURCE_DOCUMENT_PATH } from '../source.js';

function printCounts(counts: LoadCounts): void {
  const rows = Object.entries(counts).map(([entity, c]) => ({ entity, ...c }));
  console.table(rows);
}

const records = extractProgramme(readSourceDocument());
console.log(
  `Extracted from ${SOURCE_DOCUMENT_PATH}: ${records.themes.length} themes, ${records.sections.length} sections, ` +
    `${records.goals.length} goals, ${records.actions.length} actions, ${records.partners.length} partners, ` +
    `${records.targetGroups.length} target groups, ${records.notes.length} data-quality notes.`,
);

const database = await resolveDatabaseForTool();
// The embedded development database is ours to migrate; a DATABASE_URL database is migrated by
// its own deploy step (npm run db:migrate), so seeding never changes its schema.
if (database.embedded) await migrate(database.url);
const prisma = createPrismaClient(database.url);
try {
  printCounts(await loadProgramme(prisma, records));
  const kaart = await loadSocialMap(prisma);
  console.log(
    `Sociale kaart | Social map: ${kaart.languages} talen, ${kaart.terms} categorieën, ${kaart.organizations} organisaties, ${kaart.services} diensten nieuw | new`,
  );
} finally {
  await prisma.$disconnect();
  await database.stop();
}
