// npm run audit:verify: checks the audit trail's hash chain on DATABASE_URL, or on the
// embedded database. Exit code 0 when intact, 1 when broken (or when it cannot be checked).
import { createPrismaClient, resolveDatabase } from '@welkom/db';
import { verifyAuditChain } from '../audit/verify.js';

let exitCode = 0;
const database = await resolveDatabase();
const prisma = createPrismaClient(database.url, { maxConnections: 1 });
try {
  const started = performance.now();
  const report = await verifyAuditChain(prisma);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (report.ok) {
    console.log(`Audit trail intact: ${report.count} events checked in ${seconds} s.`);
  } else {
    console.error(
      `Audit trail BROKEN at event ${report.brokenAt}: ${report.reason}.\n` +
        `${report.count} events before it are intact. Investigate before trusting later events.`,
    );
    exitCode = 1;
  }
} catch (error) {
  console.error(`Could not verify the audit trail: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  await prisma.$disconnect();
  await database.stop();
}
// Explicitly: after a Prisma client has run, an exitCode set earlier ends up as 0 (seen with Prisma 7).
process.exit(exitCode);
