// Demo accounts, one per role, for the embedded development database and browser tests.
// Never for production data: the password is in the README.
import type { PrismaClient, Role } from '@welkom/db';
import { hashPassword, verifyPassword } from './passwords.js';

export const DEMO_PASSWORD = 'welkom-demo-2025';

export const DEMO_ACCOUNTS: readonly { email: string; name: string; role: Role }[] = [
  { email: 'admin@welkom.test', name: 'Demo Beheerder', role: 'ADMIN' },
  { email: 'secretaris@welkom.test', name: 'Demo Programmasecretaris', role: 'SECRETARY' },
  { email: 'subsidie@welkom.test', name: 'Demo Subsidieadviseur', role: 'GRANT_OFFICER' },
  { email: 'panel@welkom.test', name: 'Demo Panelcoördinator', role: 'PANEL_COORDINATOR' },
  { email: 'lezer@welkom.test', name: 'Demo Lezer', role: 'VIEWER' },
];

/**
 * Creates the demo accounts, or puts them back as documented (role, active, password) when
 * someone changed them; an account already as documented is left untouched, so running it
 * twice changes nothing.
 */
export async function seedDemoAccounts(
  prisma: PrismaClient,
): Promise<{ created: number; repaired: number; unchanged: number }> {
  const result = { created: 0, repaired: 0, unchanged: 0 };
  for (const account of DEMO_ACCOUNTS) {
    const existing = await prisma.user.findUnique({ where: { email: account.email } });
    if (!existing) {
      await prisma.user.create({
        data: {
          email: account.email,
          name: account.name,
          roles: [account.role],
          passwordHash: await hashPassword(DEMO_PASSWORD),
        },
      });
      result.created++;
      continue;
    }
    const rolesRight = existing.roles.length === 1 && existing.roles[0] === account.role;
    const passwordRight = await verifyPassword(existing.passwordHash, DEMO_PASSWORD);
    if (rolesRight && existing.active && passwordRight) {
      result.unchanged++;
      continue;
    }
    await prisma.user.update({
      where: { id: existing.id },
      data: {
        roles: [account.role],
        active: true,
        ...(passwordRight ? {} : { passwordHash: await hashPassword(DEMO_PASSWORD) }),
        version: { increment: 1 },
      },
    });
    result.repaired++;
  }
  return result;
}

/** Why seeding demo accounts must not happen here, or undefined when it may. */
export function demoSeedRefusal(env: NodeJS.ProcessEnv, force: boolean): string | undefined {
  if (env.NODE_ENV === 'production') {
    return 'seed:demo weigert in productie (NODE_ENV=production): demo-accounts hebben een bekend wachtwoord. | Refused in production.';
  }
  if (env.DATABASE_URL?.trim() && !force) {
    return 'seed:demo is voor de ingebouwde ontwikkeldatabase; DATABASE_URL is gezet. Gebruik --force als u dit echt wilt. | DATABASE_URL is set: use --force if you mean it.';
  }
  return undefined;
}
