// npm run user:create -- --email a@b.nl --name "..." --role ADMIN [--role SECRETARY]
// The password comes from WELKOM_PASSWORD, or is asked for (without echo) on a terminal; it is
// never an argument, because arguments end up in shell history and process lists.
import { parseArgs } from 'node:util';
import { Role } from '@welkom/db';
import { createAccount } from '../accounts/accounts.js';
import { MIN_PASSWORD_LENGTH } from '../auth/passwords.js';
import { runOnDatabase } from './database.js';
import { promptHidden } from './prompt.js';

const USAGE = `Gebruik | Usage:
  npm run user:create -- --email naam@nijmegen.nl --name "Naam" --role ADMIN [--role SECRETARY ...]
Rollen | Roles: ${Object.values(Role).join(', ')}
Wachtwoord | Password: WELKOM_PASSWORD, of wordt gevraagd | or prompted (minstens ${MIN_PASSWORD_LENGTH} tekens).`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let values: { email?: string; name?: string; role?: string[] };
try {
  ({ values } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', multiple: true } },
    strict: true,
  }));
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`);
}
if (!values.email || !values.name || !values.role?.length) fail(USAGE);
const roles = values.role.map((role) => role.toUpperCase());
const unknown = roles.filter((role) => !(role in Role));
if (unknown.length) fail(`Onbekende rol | Unknown role: ${unknown.join(', ')}\n${USAGE}`);

let password = process.env.WELKOM_PASSWORD;
if (!password) {
  if (!process.stdin.isTTY)
    fail('Zet WELKOM_PASSWORD, of start dit in een terminal. | Set WELKOM_PASSWORD or run in a terminal.');
  password = await promptHidden('Wachtwoord | Password: ');
  const again = await promptHidden('Nogmaals | Again: ');
  if (password !== again) fail('De wachtwoorden verschillen. | The passwords differ.');
}

const account = { email: values.email, name: values.name, roles: roles as Role[], password };
await runOnDatabase(async (prisma) => {
  const user = await createAccount(prisma, account);
  console.log(`Gebruiker aangemaakt | User created: ${user.email} (${user.roles.join(', ')}), id ${user.id}`);
});
