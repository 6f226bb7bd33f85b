// The large dataset of the peer benchmark, written into Welkom's own tables by PostgreSQL itself
// (INSERT ... SELECT generate_series): 100,000 actions load in seconds, where one Prisma call per
// row would take minutes. Deterministic: ids are md5 hashes of a kind and a number, texts and
// links follow from the row number, timestamps are fixed.
import pg from 'pg';

export interface LargeDatasetShape {
  themes: number;
  sectionsPerTheme: number;
  goalsPerSection: number;
  actions: number;
  partners: number;
  targetGroups: number;
}

export const LARGE: LargeDatasetShape = {
  themes: 10,
  sectionsPerTheme: 5,
  goalsPerSection: 10,
  actions: 100_000,
  partners: 200,
  targetGroups: 40,
};

/** The word the search operation (F1) looks for; in one action in 50. */
export const SEARCH_WORD = 'statushouders';

const uuid = (kind: string, n: string) => `md5('${kind}' || ${n})::uuid`;

export function largeDatasetSql(shape: LargeDatasetShape = LARGE): string[] {
  const sections = shape.themes * shape.sectionsPerTheme;
  const goals = sections * shape.goalsPerSection;
  const at = `timestamp '2026-01-01 00:00:00'`;
  return [
    `INSERT INTO "Theme" (id, number, name, ambition, version, "createdAt", "updatedAt")
       SELECT ${uuid('theme', 't')}, t, 'Thema ' || t, 'Ambitie van thema ' || t, 1, ${at}, ${at}
       FROM generate_series(1, ${shape.themes}) t`,
    // Each section carries ~4.8 KB of background text, like the programme's: a list that does not
    // ask for it should not pay for it.
    `INSERT INTO "Section" (id, code, title, background, "currentState", "sortOrder", "themeId", version, "createdAt", "updatedAt")
       SELECT ${uuid('section', 's')}, 'S' || lpad(s::text, 3, '0'), 'Onderdeel ' || s,
              repeat('Achtergrond van onderdeel ' || s || ' in de gemeente Nijmegen. ', 80),
              repeat('Huidige stand ' || s || '. ', 40), s, ${uuid('theme', `((s - 1) / ${shape.sectionsPerTheme} + 1)`)}, 1, ${at}, ${at}
       FROM generate_series(1, ${sections}) s`,
    `INSERT INTO "Goal" (id, code, number, text, "subPoints", "sectionId", version, "createdAt", "updatedAt")
       SELECT ${uuid('goal', 'g')}, 'G' || lpad(g::text, 4, '0'), (g - 1) % ${shape.goalsPerSection} + 1, 'Doelstelling ' || g,
              ARRAY['Subpunt a van ' || g, 'Subpunt b van ' || g], ${uuid('section', `((g - 1) / ${shape.goalsPerSection} + 1)`)}, 1, ${at}, ${at}
       FROM generate_series(1, ${goals}) g`,
    `INSERT INTO "Partner" (id, name, aliases, kind, description, website, version, "createdAt", "updatedAt")
       SELECT ${uuid('partner', 'p')}, 'Partner ' || lpad(p::text, 4, '0'), ARRAY['P' || p], 'OTHER', 'Partnerorganisatie ' || p, NULL, 1, ${at}, ${at}
       FROM generate_series(1, ${shape.partners}) p`,
    `INSERT INTO "TargetGroup" (id, name, aliases, description, version, "createdAt", "updatedAt")
       SELECT ${uuid('group', 'g')}, 'Doelgroep ' || lpad(g::text, 3, '0'), ARRAY[]::text[], 'Doelgroep nummer ' || g, 1, ${at}, ${at}
       FROM generate_series(1, ${shape.targetGroups}) g`,
    `INSERT INTO "Action" (id, code, letter, description, "targetGroupsText", "organisationsText", "timingText", "startDate", "endDate",
                           status, owner, notes, "goalId", version, "createdAt", "updatedAt")
       SELECT ${uuid('action', 'a')}, 'A' || lpad(a::text, 6, '0'), chr(65 + a % 6),
              'Activiteit ' || a || ' voor ' || (ARRAY['nieuwkomers', 'jongeren', 'gezinnen', 'werkzoekenden', 'vrijwilligers'])[1 + a % 5]
                || ' met ' || (ARRAY['taalles', 'begeleiding', 'huisvesting', 'werk', 'zorg', 'onderwijs', 'sport'])[1 + a % 7]
                || CASE WHEN a % 50 = 0 THEN ' en ${SEARCH_WORD}' ELSE '' END,
              'Doelgroepen van actie ' || a, 'Organisaties van actie ' || a, 'In ' || (2025 + a % 4),
              date '2025-01-01' + (a % 365), date '2026-01-01' + (a % 730),
              (ARRAY['PLANNED', 'RUNNING', 'DONE', 'POSTPONED'])[1 + a % 4]::"ActionStatus",
              'Eigenaar ' || (a % 30), CASE WHEN a % 3 = 0 THEN 'Notitie bij ' || a END,
              ${uuid('goal', `((a - 1) % ${goals} + 1)`)}, 1, ${at}, ${at}
       FROM generate_series(1, ${shape.actions}) a`,
    // Two partners per action (so each partner has about 1,000 actions) and one or two target groups.
    `INSERT INTO "ActionPartner" ("actionId", "partnerId", role, "sourceName")
       SELECT ${uuid('action', 'a')}, ${uuid('partner', `(a % ${shape.partners} + 1)`)}, 'uitvoerder', NULL FROM generate_series(1, ${shape.actions}) a
       UNION ALL
       SELECT ${uuid('action', 'a')}, ${uuid('partner', `((a + 7) % ${shape.partners} + 1)`)}, NULL, NULL FROM generate_series(1, ${shape.actions}) a`,
    `INSERT INTO "ActionTargetGroup" ("actionId", "targetGroupId")
       SELECT ${uuid('action', 'a')}, ${uuid('group', `(a % ${shape.targetGroups} + 1)`)} FROM generate_series(1, ${shape.actions}) a
       UNION ALL
       SELECT ${uuid('action', 'a')}, ${uuid('group', `((a + 5) % ${shape.targetGroups} + 1)`)} FROM generate_series(1, ${shape.actions}) a WHERE a % 3 = 0`,
    `INSERT INTO "Precondition" (id, text, met, comment, "sortOrder", "actionId", version, "createdAt", "updatedAt")
       SELECT ${uuid('precondition', `(a * 2 + k)`)}, 'Randvoorwaarde ' || k || ' van actie ' || a, k = 0, NULL, k, ${uuid('action', 'a')}, 1, ${at}, ${at}
       FROM generate_series(1, ${shape.actions}) a, generate_series(0, 1) k`,
    `ANALYZE`,
  ];
}

export async function loadLargeDataset(url: string, shape: LargeDatasetShape = LARGE): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    for (const statement of largeDatasetSql(shape).slice(0, -1)) await client.query(statement);
    await client.query('COMMIT');
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
}
