// npm run seed:demo [-- --force]: one demo account per role on the embedded development
// database. Refused in production, and with DATABASE_URL unless --force.
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoSeedRefusal, seedDemoAccounts } from '../auth/demo.js';
import { configureSecurity, securitySettingsFromEnv } from '../auth/settings.js';
import { parseEnv } from '../env.js';
import { seedDemoPanel } from '../panel/demo.js';
import { loadProgrammeFromDocument } from '@welkom/seeds';
import { runOnDatabase } from './database.js';
import { seedDemoSubsidies } from '../subsidies/demo.js';
import { seedDemoSocialMap } from '../kaart/demo.js';

const refusal = demoSeedRefusal(process.env, process.argv.includes('--force'));
if (refusal) {
  console.error(refusal);
  process.exit(1);
}

await runOnDatabase(async (prisma) => {
  // The demo panel and subsidies link to real actions and partners: load the programme first
  // into an empty database, as `npm start` would.
  if ((await prisma.theme.count()) === 0) await loadProgrammeFromDocument(prisma);
  const result = await seedDemoAccounts(prisma);
  console.log(
    `Demo-accounts: ${result.created} aangemaakt, ${result.repaired} hersteld, ${result.unchanged} ongewijzigd | created, repaired, unchanged`,
  );
  for (const account of DEMO_ACCOUNTS) console.log(`  ${account.email.padEnd(26)} ${account.role}`);
  console.log(`Wachtwoord | Password: ${DEMO_PASSWORD}`);
  // The subsidy workflow's demo scheme and applications (issue 6).
  const subsidies = await seedDemoSubsidies(prisma);
  console.log(
    subsidies.skipped
      ? 'Demo-subsidieregeling bestond al | Demo subsidy scheme already there'
      : `Demo-subsidieaanvragen: ${subsidies.created} | Demo subsidy applications: ${subsidies.created}`,
  );
  // The sociale kaart's demo entries, translated, so the public site can be seen in every language (issue 14).
  const kaart = await seedDemoSocialMap(prisma);
  console.log(
    kaart.created
      ? 'Demo-sociale kaart: 2 fictieve diensten in 6 talen | Demo social map added'
      : 'Demo-sociale kaart bestond al | Demo social map already there',
  );
  // The demo panel's profiles are encrypted with the server's PANEL_DATA_KEY, so read it the same way.
  configureSecurity(securitySettingsFromEnv(parseEnv()));
  const panel = await seedDemoPanel(prisma);
  console.log(
    `Demopanel | Demo panel: ${panel.members} fictieve leden, ${panel.meetings} bijeenkomsten, ${panel.advice} adviezen`,
  );
});
