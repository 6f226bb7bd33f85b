// A demo panel for `npm run seed:demo`: fictional people, marked "(demo)" in their names and
// with addresses under demo.welkom.test, with meetings and advice linked to real actions.
// The programme document names no members, so real data gets none. Idempotent: members are
// found by e-mail, meetings by date and topic, advice by topic.
import type { PrismaClient } from '@welkom/db';
import { type Profile, sealProfile } from './profile.js';

const DEMO_MEMBERS: { name: string; email: string; joinedOn: string; profile: Profile }[] = [
  ['Amina (demo)', 'AGE_27_40', 'SECONDARY', 'SY', 'NO'],
  ['Bereket (demo)', 'AGE_18_26', 'VOCATIONAL', 'ER', 'NO'],
  ['Carlos (demo)', 'AGE_41_65', 'HIGHER', 'VE', 'YES'],
  ['Dilnoza (demo)', 'AGE_27_40', 'HIGHER', 'UA', null],
  ['Esra (demo)', 'AGE_41_65', 'NONE_OR_PRIMARY', 'TR', 'NO'],
  ['Farid (demo)', 'UNDER_18', 'SECONDARY', 'AF', null],
  ['Goitom (demo)', 'AGE_18_26', 'NONE_OR_PRIMARY', 'ER', 'NO'],
  ['Hanna (demo)', 'AGE_27_40', 'VOCATIONAL', 'UA', 'YES'],
  ['Ibrahim (demo)', 'AGE_41_65', null, 'SY', 'NO'],
  ['Joanna (demo)', 'AGE_66_PLUS', 'HIGHER', 'SY', null],
  ['Kofi (demo)', 'AGE_27_40', 'OTHER', null, null],
  ['Leyla (demo)', 'AGE_18_26', 'SECONDARY', 'SY', 'NO'],
].map(([name, ageBand, educationLevel, countryOfOrigin, lgbtiq], index) => ({
  name: name!,
  email: `${name!.split(' ')[0]!.toLowerCase()}@demo.welkom.test`,
  joinedOn: `2025-0${1 + (index % 6)}-01`,
  profile: {
    ageBand: ageBand ?? null,
    educationLevel: educationLevel ?? null,
    countryOfOrigin: countryOfOrigin ?? null,
    lgbtiq: lgbtiq ?? null,
  },
}));

const DEMO_MEETINGS = [
  {
    heldOn: '2025-03-12',
    topic: '(demo) Kennismaking en werkwijze van het panel',
    place: 'Stadhuis Nijmegen',
    attendance: 10,
  },
  {
    heldOn: '2025-05-21',
    topic: '(demo) Taal en werk vanaf de eerste dag',
    place: 'Bibliotheek De Mariënburg',
    attendance: 8,
  },
  {
    heldOn: '2025-09-17',
    topic: '(demo) Huisvesting van statushouders',
    place: 'Wijkcentrum Dukenburg',
    attendance: 9,
  },
];

const DEMO_ADVICE = [
  {
    topic: '(demo) Eerder beginnen met taallessen',
    kind: 'REQUESTED' as const,
    givenOn: '2025-05-28',
    meeting: 1,
    content: 'Fictief demo-advies: begin met taallessen zodra iemand in de opvang komt, niet pas na de vergunning.',
    actionCodes: ['3.1 1.A', '3.2 1.A'],
    themeNumbers: [3],
    response: {
      status: 'RESPONDED' as const,
      respondedOn: '2025-07-01',
      adoption: 'PARTLY' as const,
      response: 'Fictieve reactie: we starten in twee opvanglocaties.',
    },
  },
  {
    topic: '(demo) Woningzoekenden betrekken bij de keuze van de wijk',
    kind: 'UNSOLICITED' as const,
    givenOn: '2025-09-24',
    meeting: 2,
    content: 'Fictief demo-advies: laat statushouders meepraten over de wijk waar zij gaan wonen.',
    actionCodes: ['2.1 1.A'],
    themeNumbers: [2],
    response: null,
  },
  {
    topic: '(demo) Ervaringsdeskundigen in de klankbordgroep',
    kind: 'UNSOLICITED' as const,
    givenOn: '2025-10-02',
    meeting: null,
    content: 'Fictief demo-advies: neem twee panelleden op in de klankbordgroep van het programma.',
    actionCodes: ['5.2 3.A'],
    themeNumbers: [5],
    response: null,
  },
];

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export async function seedDemoPanel(
  prisma: PrismaClient,
): Promise<{ members: number; meetings: number; advice: number }> {
  for (const demo of DEMO_MEMBERS) {
    const existing = await prisma.panelMember.findFirst({ where: { email: demo.email }, select: { id: true } });
    const member =
      existing ??
      (await prisma.panelMember.create({
        data: {
          name: demo.name,
          email: demo.email,
          joinedOn: day(demo.joinedOn),
          consentGivenOn: day(demo.joinedOn),
          consentScope: 'Demo: vastleggen van het diversiteitsprofiel voor de samenstelling van het panel',
          notes: 'Fictief demo-lid (npm run seed:demo).',
        },
        select: { id: true },
      }));
    if (!existing) {
      await prisma.panelMember.update({
        where: { id: member.id },
        data: { profileCiphertext: sealProfile(demo.profile, member.id) },
      });
    }
  }
  const meetingIds: string[] = [];
  for (const demo of DEMO_MEETINGS) {
    const found = await prisma.panelMeeting.findFirst({
      where: { heldOn: day(demo.heldOn), topic: demo.topic },
      select: { id: true },
    });
    meetingIds.push(
      (
        found ??
        (await prisma.panelMeeting.create({ data: { ...demo, heldOn: day(demo.heldOn) }, select: { id: true } }))
      ).id,
    );
  }
  for (const demo of DEMO_ADVICE) {
    const actions = await prisma.action.findMany({ where: { code: { in: demo.actionCodes } }, select: { id: true } });
    const themes = await prisma.theme.findMany({ where: { number: { in: demo.themeNumbers } }, select: { id: true } });
    const existing = await prisma.advice.findFirst({ where: { topic: demo.topic }, select: { id: true } });
    if (existing) {
      // Seeded before the programme was loaded: link the actions and themes now that they exist.
      await prisma.adviceAction.createMany({
        data: actions.map((action) => ({ adviceId: existing.id, actionId: action.id })),
        skipDuplicates: true,
      });
      await prisma.adviceTheme.createMany({
        data: themes.map((theme) => ({ adviceId: existing.id, themeId: theme.id })),
        skipDuplicates: true,
      });
      continue;
    }
    await prisma.advice.create({
      data: {
        topic: demo.topic,
        kind: demo.kind,
        givenOn: day(demo.givenOn),
        content: demo.content,
        meetingId: demo.meeting === null ? null : meetingIds[demo.meeting],
        ...(demo.response
          ? {
              status: demo.response.status,
              response: demo.response.response,
              respondedOn: day(demo.response.respondedOn),
              adoption: demo.response.adoption,
            }
          : {}),
        actionLinks: { create: actions.map((action) => ({ actionId: action.id })) },
        themeLinks: { create: themes.map((theme) => ({ themeId: theme.id })) },
      },
    });
  }
  return { members: DEMO_MEMBERS.length, meetings: DEMO_MEETINGS.length, advice: DEMO_ADVICE.length };
}
