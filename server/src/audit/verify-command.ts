// What `npm run audit:verify` does, as a function the tests call: check the hash chain and
// compare it with every signed checkpoint in the checkpoint file; print what was found.
import type { PrismaClient } from '@welkom/db';
import { DEVELOPMENT_AUDIT_CHECKPOINT_KEY } from '../env.js';
import { DEFAULT_CHECKPOINT_FILE, readCheckpoints } from './checkpoint.js';
import { verifyAuditChain } from './verify.js';

export interface VerifyOptions {
  checkpointFile: string;
  key: string;
}

/** The checkpoint file and key from the environment; the key is required in production. */
export function verifyOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): VerifyOptions {
  const key = env.AUDIT_CHECKPOINT_KEY?.trim();
  if (!key && env.NODE_ENV === 'production')
    throw new Error('AUDIT_CHECKPOINT_KEY is not set: the checkpoints cannot be checked without it.');
  return {
    checkpointFile: env.AUDIT_CHECKPOINT_FILE?.trim() || DEFAULT_CHECKPOINT_FILE,
    key: key || DEVELOPMENT_AUDIT_CHECKPOINT_KEY,
  };
}

/** Returns the exit code: 0 intact, 1 broken or not checkable. */
export async function auditVerify(
  prisma: Pick<PrismaClient, 'auditEvent' | '$queryRaw' | '$queryRawUnsafe'>,
  options: VerifyOptions,
  print: { out: (line: string) => void; err: (line: string) => void } = { out: console.log, err: console.error },
): Promise<number> {
  const started = performance.now();
  const { checkpoints, malformed } = await readCheckpoints(options.checkpointFile);
  const report = await verifyAuditChain(prisma, { checkpoints: { list: checkpoints, key: options.key } });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const witnessed = report.checkpoints!;
  const problems = [...witnessed.problems];
  if (malformed.length)
    problems.push(`the checkpoint file has lines that are not checkpoints: ${malformed.join(', ')}`);
  if (report.ok && !problems.length) {
    print.out(`Audit trail intact: ${report.count} events checked in ${seconds} s.`);
    if (witnessed.latest) {
      print.out(
        `Matches ${witnessed.checked} signed checkpoints in ${options.checkpointFile}; the latest, of ${witnessed.latest.at}, witnessed ${witnessed.latest.count} events.`,
      );
    } else {
      print.out(
        `No checkpoint of this database in ${options.checkpointFile}: removal of the last events or a rewrite by a database superuser cannot be ruled out.`,
      );
    }
    return 0;
  }
  if (!report.ok && report.brokenAt) {
    print.err(`Audit trail BROKEN at event ${report.brokenAt}: ${report.reason}.`);
  } else {
    print.err('Audit trail does NOT match its checkpoints.');
  }
  for (const problem of problems) print.err(`  - ${problem}`);
  print.err('Investigate before trusting the trail.');
  return 1;
}
