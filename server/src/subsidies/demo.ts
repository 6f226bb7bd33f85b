// `npm run seed:demo`: a demo scheme with a ceiling and a dozen applications, at least one in
// every state, all marked as demo (the scheme's isDemo, "DEMO" in names and descriptions).
// Every application is moved through the real transitions, so timelines, payments, deadlines
// and the audit trail are what the workflow would have made. Runs once: an existing demo
// scheme is left as it is.
import type { PrismaClient } from '@welkom/db';
import { loadProgrammeFromDocument } from '@welkom/seeds';
import type { Identity } from '../context.js';
import { runTransition } from './transitions.js';
import { addDays, formatDate, todayInAmsterdam } from './calendar.js';
import type { Transition } from './workflow.js';

export const DEMO_SCHEME_NAME = 'DEMO – Themabijeenkomsten migrantenorganisaties (voorbeeld)';

interface DemoApplication {
  activity: string;
  budget: [string, number][];
  /** Days before today the application was received; each step a few days later. */
  receivedDaysAgo: number | null;
  steps: ([Transition, number?] | [Transition, number | undefined, 'second'])[];
}

const euros = (amount: number) => amount * 100;

const APPLICATIONS: DemoApplication[] = [
  {
    activity: 'Wegwijs in de zorg: vier avonden voor Eritrese vrouwen',
    budget: [
      ['Zaalhuur', 400],
      ['Tolk Tigrinya', 600],
    ],
    receivedDaysAgo: null,
    steps: [],
  },
  {
    activity: 'Thema-avond wonen en huurrecht',
    budget: [
      ['Zaalhuur', 250],
      ['Spreker', 350],
    ],
    receivedDaysAgo: 3,
    steps: [['submit']],
  },
  {
    activity: 'Ouderavonden over het Nederlandse onderwijs',
    budget: [
      ['Zaalhuur', 600],
      ['Tolken', 900],
      ['Catering', 300],
    ],
    receivedDaysAgo: 20,
    steps: [['submit'], ['startReview']],
  },
  {
    activity: 'Bijeenkomsten over werk en vrijwilligerswerk (termijn verstreken)',
    budget: [
      ['Zaalhuur', 500],
      ['Sprekers', 1000],
    ],
    receivedDaysAgo: 75,
    steps: [['submit'], ['startReview']],
  },
  {
    activity: 'Gespreksgroep Oekraïense ouderen (beslissen binnen een week)',
    budget: [
      ['Zaalhuur', 300],
      ['Begeleiding', 900],
    ],
    receivedDaysAgo: 52,
    steps: [['submit'], ['startReview']],
  },
  {
    activity: 'Festival van de nieuwe Nijmegenaren (wacht op tweede goedkeuring)',
    budget: [
      ['Locatie', 1500],
      ['Programma', 2000],
      ['Communicatie', 500],
    ],
    receivedDaysAgo: 30,
    steps: [['submit'], ['startReview'], ['proposeGrant', euros(4000)]],
  },
  {
    activity: 'Voorlichting geldzaken in het Arabisch (informatie gevraagd)',
    budget: [
      ['Zaalhuur', 300],
      ['Tolk Arabisch', 500],
    ],
    receivedDaysAgo: 35,
    steps: [['submit'], ['startReview'], ['requestInformation']],
  },
  {
    activity: 'Sportdag en gesprek over gezondheid',
    budget: [
      ['Sporthal', 1200],
      ['Begeleiders', 1800],
    ],
    receivedDaysAgo: 60,
    steps: [['submit'], ['startReview'], ['proposeGrant', euros(3000)], ['approveGrant', undefined, 'second']],
  },
  {
    activity: 'Filmavonden zonder duidelijk programma',
    budget: [
      ['Zaal', 800],
      ['Films', 700],
    ],
    receivedDaysAgo: 58,
    steps: [['submit'], ['startReview'], ['reject']],
  },
  {
    activity: 'Kookworkshops (ingetrokken door aanvrager)',
    budget: [
      ['Keuken', 500],
      ['Ingrediënten', 400],
    ],
    receivedDaysAgo: 40,
    steps: [['submit'], ['withdraw']],
  },
  {
    activity: 'Themabijeenkomsten inburgering en taal',
    budget: [
      ['Zaalhuur', 600],
      ['Docent', 1400],
    ],
    receivedDaysAgo: 90,
    steps: [['submit'], ['startReview'], ['grant', euros(2000)], ['payAdvance', euros(1600)]],
  },
  {
    activity: 'Dialoogavonden jongeren en politie',
    budget: [
      ['Zaalhuur', 400],
      ['Gespreksleider', 1100],
    ],
    receivedDaysAgo: 120,
    steps: [
      ['submit'],
      ['startReview'],
      ['grant', euros(1500)],
      ['payAdvance', euros(1200)],
      ['receiveAccountability', euros(1450)],
    ],
  },
  {
    activity: 'Ramadan-bijeenkomsten in de wijk (lager vastgesteld)',
    budget: [
      ['Zaalhuur', 500],
      ['Catering', 1500],
    ],
    receivedDaysAgo: 150,
    steps: [
      ['submit'],
      ['startReview'],
      ['grant', euros(2000)],
      ['payAdvance', euros(1600)],
      ['receiveAccountability', euros(1300)],
      ['setFinalAmount', euros(1300)],
    ],
  },
  {
    activity: 'Voorlichting over de arbeidsmarkt 2024',
    budget: [
      ['Zaalhuur', 700],
      ['Sprekers', 800],
    ],
    receivedDaysAgo: 200,
    steps: [
      ['submit'],
      ['startReview'],
      ['grant', euros(1500)],
      ['payAdvance', euros(1200)],
      ['receiveAccountability', euros(1500)],
      ['setFinalAmount', euros(1500)],
      ['close'],
    ],
  },
];

const REASONS: Partial<Record<Transition, string>> = {
  submit: 'Aanvraag ontvangen per e-mail (demo).',
  startReview: 'In behandeling genomen (demo).',
  requestInformation: 'Begroting van de tolkkosten ontbreekt; gevraagd binnen twee weken aan te vullen (demo).',
  proposeGrant: 'Past binnen de regeling; boven de vier-ogengrens (demo).',
  approveGrant: 'Voorstel gecontroleerd en goedgekeurd (demo).',
  grant: 'De activiteit past binnen actie 3.5 2.A en de begroting is redelijk (demo).',
  reject: 'De aanvraag beschrijft geen themabijeenkomsten voor de doelgroep zoals de regeling vraagt (demo).',
  withdraw: 'De aanvrager trekt de aanvraag in (demo).',
  payAdvance: 'Voorschot van 80% (demo).',
  receiveAccountability: 'Inhoudelijk en financieel verslag ontvangen (demo).',
  setFinalAmount: 'Vastgesteld op de werkelijke kosten (demo).',
  close: 'Dossier afgesloten (demo).',
};

export async function seedDemoSubsidies(prisma: PrismaClient): Promise<{ created: number; skipped: boolean }> {
  if (await prisma.subsidyScheme.findUnique({ where: { name: DEMO_SCHEME_NAME } }))
    return { created: 0, skipped: true };
  const [officer, admin] = await Promise.all(
    ['subsidie@welkom.test', 'admin@welkom.test'].map((email) => prisma.user.findUniqueOrThrow({ where: { email } })),
  );
  const identity = (user: typeof officer): Identity => ({
    kind: 'user',
    userId: user!.id,
    email: user!.email,
    name: user!.name,
    roles: user!.roles,
    sessionId: 'seed-demo',
  });
  const context = { identity: identity(officer), requestId: 'seed-demo' };
  const second = { identity: identity(admin), requestId: 'seed-demo' };

  // Applicants come from the register; on a fresh database load it first, as `npm start` would.
  if ((await prisma.theme.count()) === 0) await loadProgrammeFromDocument(prisma);
  const partners = await prisma.partner.findMany({
    where: { kind: { in: ['MIGRANT_ORGANISATION', 'FOUNDATION', 'WELFARE'] } },
    orderBy: { name: 'asc' },
    take: 5,
    select: { id: true },
  });
  if (!partners.length)
    partners.push(
      await prisma.partner.create({
        data: { name: 'DEMO Migrantenorganisatie', kind: 'MIGRANT_ORGANISATION' },
        select: { id: true },
      }),
    );

  const scheme = await prisma.subsidyScheme.create({
    data: {
      name: DEMO_SCHEME_NAME,
      year: todayInAmsterdam().getUTCFullYear(),
      isDemo: true,
      description: 'Voorbeeldregeling van npm run seed:demo: geen echte regeling, geen echte aanvragen.',
      ceilingCents: euros(20_000),
      maxPerApplicationCents: euros(5_000),
      fourEyesThresholdCents: euros(2_500),
      decisionTermWeeks: 8,
    },
  });
  const today = todayInAmsterdam();
  let created = 0;
  for (const [index, demo] of APPLICATIONS.entries()) {
    const application = await prisma.subsidyApplication.create({
      data: {
        schemeId: scheme.id,
        applicantId: partners[index % partners.length]!.id,
        activity: demo.activity,
        description: '[DEMO] Voorbeeldaanvraag, geen echte organisatie of activiteit.',
        contactName: 'Demo Contactpersoon',
        contactEmail: 'contact@demo.welkom.test',
        plannedStartOn: addDays(today, 30),
        plannedEndOn: addDays(today, 120),
        requestedCents: demo.budget.reduce((sum, [, amount]) => sum + euros(amount), 0),
        budgetLines: {
          create: demo.budget.map(([description, amount], sortOrder) => ({
            description,
            amountCents: euros(amount),
            sortOrder,
          })),
        },
      },
    });
    created++;
    const received = addDays(today, -(demo.receivedDaysAgo ?? 0));
    for (const [stepIndex, [transition, amountCents, who]] of demo.steps.entries()) {
      // Steps spread over the days since receipt, never after today.
      const span = demo.receivedDaysAgo ?? 0;
      const on =
        stepIndex === 0
          ? received
          : addDays(received, Math.min(span, Math.round((span * stepIndex) / demo.steps.length)));
      // An approval names the proposal it approves: its amount and the application's version.
      const approving =
        transition === 'approveGrant'
          ? await prisma.subsidyApplication.findUniqueOrThrow({
              where: { id: application.id },
              select: { proposedCents: true, version: true },
            })
          : null;
      await runTransition(
        transition,
        {
          id: application.id,
          reason: REASONS[transition] ?? 'Demo',
          on: new Date(`${formatDate(on)}T00:00:00Z`),
          amountCents: approving ? approving.proposedCents : amountCents,
          expectedVersion: approving?.version,
        },
        who === 'second' ? second : context,
        {},
        prisma,
      );
    }
  }
  return { created, skipped: false };
}
