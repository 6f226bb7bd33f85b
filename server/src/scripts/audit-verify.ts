// npm run audit:verify: checks the audit trail's hash chain, and compares it with the signed
// checkpoints (AUDIT_CHECKPOINT_FILE, AUDIT_CHECKPOINT_KEY), on DATABASE_URL or on the embedded
// database (the running server's, when `npm start` holds it). Exit code 0 when intact, 1 when
// broken (or when it cannot be checked).
import { createPrismaClient, resolveDatabaseForTool } from '@welkom/db';
import { auditVerify, verifyOptionsFromEnv } from '../audit/verify-command.js';

let exitCode = 1;
const database = await resolveDatabaseForTool();
const prisma = createPrismaClient(database.url, { maxConnections: 1 });
try {
  exitCode = await auditVerify(prisma, verifyOptionsFromEnv());
} catch (error) {
  console.error(`Could not verify the audit trail: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  await prisma.$disconnect();
  await database.stop();
}
// Explicitly: after a Prisma client has run, an exitCode set earlier ends up as 0 (seen with Prisma 7).
process.exit(exitCode);
