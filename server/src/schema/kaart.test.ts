// The sociale kaart's management API over HTTP: the model through the uniform API, translation
// statuses and outdated marking, the freshness rule and work queue, and partners' own entries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db.js';
import { type Harness, type SignedInClient, type TokenClient, startHarness } from '../test/harness.js';

let api: Harness;
let secretary: SignedInClient;
let ggd: { organizationId: string; partnerId: string };

beforeAll(async () => {
  api = await startHarness();
  secretary = await api.createUser({ roles: ['SECRETARY'] });
  const organization = await db().kaartOrganization.findUniqueOrThrow({ where: { name: 'GGD' } });
  ggd = { organizationId: organization.id, partnerId: organization.partnerId! };
}, 120_000);
afterAll(() => api?.close());

const CREATE = `mutation ($input: KaartServiceCreateInput!) { createKaartService(input: $input) {
  id version name publication checkIntervalMonths lastCheckedAt checkDueAt organization { name } terms { code } targetGroups { name } } }`;

async function newService(name: string, extra: Record<string, unknown> = {}) {
  const { data, errors } = await secretary.gql(CREATE, {
    input: { organizationId: ggd.organizationId, name, description: `Beschrijving van ${name}`, ...extra },
  });
  expect(errors).toBeUndefined();
  return data!.createKaartService as { id: string; version: number; checkDueAt: string; [key: string]: unknown };
}

describe('the model through the uniform API', () => {
  it('creates a service with categories and target groups; staff read it, anonymous callers do not', async () => {
    const term = await db().kaartTaxonomyTerm.findUniqueOrThrow({ where: { code: 'zorg' } });
    const group = await db().targetGroup.findUniqueOrThrow({ where: { name: 'Statushouders' } });
    const service = await newService('Testdienst zorg', { termIds: [term.id], targetGroupIds: [group.id] });
    expect(service).toMatchObject({
      publication: 'DRAFT',
      checkIntervalMonths: 6,
      lastCheckedAt: null,
      organization: { name: 'GGD' },
      terms: [{ code: 'zorg' }],
      targetGroups: [{ name: 'Statushouders' }],
    });
    const anonymous = await api.gql('{ kaartServices(limit: 1) { totalCount } }');
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const languages = await secretary.gql('{ kaartLanguages { nodes { code direction } } }');
    expect(languages.data!.kaartLanguages.nodes).toEqual([
      { code: 'nl', direction: 'LTR' },
      { code: 'en', direction: 'LTR' },
      { code: 'ar', direction: 'RTL' },
      { code: 'uk', direction: 'LTR' },
      { code: 'ti', direction: 'LTR' },
      { code: 'fa', direction: 'RTL' },
    ]);
  });

  it('adds a language as configuration, and refuses a check date set by hand', async () => {
    const { errors } = await secretary.gql(
      'mutation { createKaartLanguage(input: { code: "so", name: "Somalisch", nativeName: "Soomaali" }) { code direction active } }',
    );
    expect(errors).toBeUndefined();
    const service = await newService('Testdienst handmatig');
    const refused = await secretary.gql(
      'mutation ($id: ID!, $v: Int!) { updateKaartService(id: $id, expectedVersion: $v, input: { lastCheckedAt: "2020-01-01T00:00:00Z" }) { id } }',
      { id: service.id, v: service.version },
    );
    // The check date is not in the input at all: only markKaartServiceChecked sets it.
    expect(refused.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('translations', () => {
  const SAVE = `mutation ($input: SaveKaartTranslationInput!) { saveKaartTranslation(input: $input) { id status text translatedBy reviewedBy sourceHash } }`;
  const WORK = `query ($language: String!, $status: KaartTranslationStatus, $outdatedOnly: Boolean) {
    kaartTranslationWork(language: $language, status: $status, outdatedOnly: $outdatedOnly) { entityId field source text status outdated } }`;

  it('saves translations with status and who, and marks them outdated when the Dutch source changes', async () => {
    const service = await newService('Testdienst vertaling');
    const saved = await secretary.gql(SAVE, {
      input: {
        entityType: 'KaartService',
        entityId: service.id,
        field: 'description',
        language: 'ar',
        text: 'وصف',
        status: 'VERIFIED',
      },
    });
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.saveKaartTranslation).toMatchObject({
      status: 'VERIFIED',
      translatedBy: expect.any(String),
      reviewedBy: expect.any(String),
    });
    await secretary.gql(SAVE, {
      input: {
        entityType: 'KaartService',
        entityId: service.id,
        field: 'name',
        language: 'ar',
        text: 'مسودة',
        status: 'DRAFT',
      },
    });

    const before = (await secretary.gql(WORK, { language: 'ar' })).data!.kaartTranslationWork.filter(
      (row: { entityId: string }) => row.entityId === service.id,
    );
    expect(before.map((row: Record<string, unknown>) => [row.field, row.status, row.outdated])).toEqual(
      expect.arrayContaining([
        ['name', 'DRAFT', false],
        ['description', 'VERIFIED', false],
      ]),
    );
    // A missing translation is a row too, so the workbench shows what still has to be done.
    const missing = (await secretary.gql(WORK, { language: 'ti', status: 'MISSING' })).data!.kaartTranslationWork;
    expect(
      missing.some(
        (row: { entityId: string; field: string }) => row.entityId === service.id && row.field === 'description',
      ),
    ).toBe(true);

    const update = await secretary.gql(
      'mutation ($id: ID!, $v: Int!) { updateKaartService(id: $id, expectedVersion: $v, input: { description: "Nieuwe beschrijving" }) { version } }',
      { id: service.id, v: service.version },
    );
    expect(update.errors).toBeUndefined();
    const outdated = (await secretary.gql(WORK, { language: 'ar', outdatedOnly: true })).data!.kaartTranslationWork;
    expect(outdated.filter((row: { entityId: string }) => row.entityId === service.id)).toEqual([
      {
        entityId: service.id,
        field: 'description',
        source: 'Nieuwe beschrijving',
        text: 'وصف',
        status: 'VERIFIED',
        outdated: true,
      },
    ]);
    // Translating again against the new source clears the marker.
    await secretary.gql(SAVE, {
      input: {
        entityType: 'KaartService',
        entityId: service.id,
        field: 'description',
        language: 'ar',
        text: 'وصف جديد',
        status: 'NEEDS_REVIEW',
      },
    });
    const cleared = (await secretary.gql(WORK, { language: 'ar', outdatedOnly: true })).data!.kaartTranslationWork;
    expect(cleared.filter((row: { entityId: string }) => row.entityId === service.id)).toEqual([]);
  });

  it('refuses an unknown field, language or missing text with a specific message', async () => {
    const service = await newService('Testdienst foute vertaling');
    const cases = [
      [{ field: 'internalNotes', language: 'ar', text: 'x', status: 'DRAFT' }, 'input.field'],
      [{ field: 'name', language: 'xx', text: 'x', status: 'DRAFT' }, 'input.language'],
      [{ field: 'name', language: 'nl', text: 'x', status: 'DRAFT' }, 'input.language'],
      [{ field: 'name', language: 'ar', text: '  ', status: 'VERIFIED' }, 'input.text'],
    ] as const;
    for (const [input, field] of cases) {
      const { errors } = await secretary.gql(SAVE, {
        input: { entityType: 'KaartService', entityId: service.id, ...input },
      });
      expect(errors?.[0]?.extensions, JSON.stringify(input)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const viewer = await api.createUser({ roles: ['VIEWER'] });
    const refused = await viewer.gql(SAVE, {
      input: {
        entityType: 'KaartService',
        entityId: service.id,
        field: 'name',
        language: 'ar',
        text: 'x',
        status: 'DRAFT',
      },
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('the freshness rule', () => {
  const QUEUE = '{ kaartCheckQueue { id name checkDueAt } }';
  const CHECK =
    'mutation ($id: ID!, $v: Int!) { markKaartServiceChecked(id: $id, expectedVersion: $v) { version lastCheckedAt lastCheckedBy checkDueAt } }';

  it('puts a never-checked entry in the work queue, and a check moves it out for the interval', async () => {
    const service = await newService('Testdienst controle', { checkIntervalMonths: 3 });
    const queued = (await secretary.gql(QUEUE)).data!.kaartCheckQueue as { id: string; name: string }[];
    expect(queued.map((row) => row.id)).toContain(service.id);
    // The seeded entries were never checked either: they are all in the queue.
    expect(queued.map((row) => row.name)).toContain('Maatschappelijke begeleiding');

    const checked = await secretary.gql(CHECK, { id: service.id, v: service.version });
    expect(checked.errors).toBeUndefined();
    const row = checked.data!.markKaartServiceChecked;
    const months = (new Date(row.checkDueAt).getTime() - new Date(row.lastCheckedAt).getTime()) / 86_400_000;
    expect(months).toBeGreaterThanOrEqual(89);
    expect(months).toBeLessThanOrEqual(92);
    expect(row.lastCheckedBy).toBeTruthy();
    expect(((await secretary.gql(QUEUE)).data!.kaartCheckQueue as { id: string }[]).map((r) => r.id)).not.toContain(
      service.id,
    );

    // The console's list filter on the same column.
    const overdue = await secretary.gql(
      'query ($now: DateTime!) { kaartServices(filter: { checkDueAt: { lte: $now } }, limit: 500) { nodes { id } } }',
      { now: new Date().toISOString() },
    );
    expect(overdue.data!.kaartServices.nodes.map((n: { id: string }) => n.id)).not.toContain(service.id);

    const stale = await secretary.gql(CHECK, { id: service.id, v: service.version });
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'stale_version' });
  });

  it('lets exactly one of a burst of 40 checks of the same version through', async () => {
    const service = await newService('Testdienst burst controle');
    const results = await Promise.all(
      Array.from({ length: 40 }, () => secretary.gql(CHECK, { id: service.id, v: service.version })),
    );
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT').length).toBe(39);
    expect((await db().kaartService.findUniqueOrThrow({ where: { id: service.id } })).version).toBe(
      service.version + 1,
    );
  });
});

describe('partners keep their own entries (kaart:own)', () => {
  let partner: TokenClient;
  const CREATE_OWN =
    'mutation ($input: OwnKaartServiceInput!) { createOwnKaartService(input: $input) { id version publication name } }';
  const UPDATE_OWN =
    'mutation ($id: ID!, $v: Int!, $input: OwnKaartServiceInput!) { updateOwnKaartService(id: $id, expectedVersion: $v, input: $input) { version publication } }';
  const REVIEW =
    'mutation ($id: ID!, $v: Int!, $publish: Boolean!) { reviewKaartService(id: $id, expectedVersion: $v, publish: $publish) { version publication } }';

  beforeAll(async () => {
    partner = await api.issueToken({ scopes: ['kaart:own'], partnerId: ggd.partnerId });
  });

  it('submits a service for review; it is published only after the municipality reviews it', async () => {
    const created = await partner.gql(CREATE_OWN, {
      input: {
        organizationId: ggd.organizationId,
        name: 'GGD-spreekuur (partner)',
        description: 'Door de partner aangeleverd',
      },
    });
    expect(created.errors).toBeUndefined();
    const own = created.data!.createOwnKaartService;
    expect(own.publication).toBe('IN_REVIEW');
    const hidden = await fetch(`${api.url}/hsds/services/${own.id}`);
    expect(hidden.status).toBe(404);

    const listed = await partner.gql('{ ownKaartServices { id publication } }');
    expect(listed.data!.ownKaartServices).toEqual([{ id: own.id, publication: 'IN_REVIEW' }]);

    const refusedReview = await partner.gql(REVIEW, { id: own.id, v: own.version, publish: true });
    expect(refusedReview.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const reviewed = await secretary.gql(REVIEW, { id: own.id, v: own.version, publish: true });
    expect(reviewed.data!.reviewKaartService).toMatchObject({ publication: 'PUBLISHED' });
    expect((await fetch(`${api.url}/hsds/services/${own.id}`)).status).toBe(200);

    // A change by the partner goes back to review (and off the public site) until reviewed again.
    const changed = await partner.gql(UPDATE_OWN, {
      id: own.id,
      v: reviewed.data!.reviewKaartService.version,
      input: { description: 'Gewijzigd door de partner' },
    });
    expect(changed.data!.updateOwnKaartService).toMatchObject({ publication: 'IN_REVIEW' });
    expect((await fetch(`${api.url}/hsds/services/${own.id}`)).status).toBe(404);
    const again = await secretary.gql(REVIEW, {
      id: own.id,
      v: reviewed.data!.reviewKaartService.version,
      publish: true,
    });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'stale_version' });
  });

  it('keeps a partner to its own organisation and services, and a token without the scope out', async () => {
    const other = await db().kaartOrganization.findUniqueOrThrow({ where: { name: 'Bindkracht10' } });
    const foreign = await partner.gql(CREATE_OWN, {
      input: { organizationId: other.id, name: 'Niet van mij', description: 'x' },
    });
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.organizationId' });
    const theirs = await db().kaartService.findFirstOrThrow({ where: { organizationId: other.id } });
    const notMine = await partner.gql(UPDATE_OWN, { id: theirs.id, v: theirs.version, input: { name: 'Overgenomen' } });
    expect(notMine.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const reader = await api.issueToken({ scopes: ['register:read'], partnerId: ggd.partnerId });
    const noScope = await reader.gql(CREATE_OWN, {
      input: { organizationId: ggd.organizationId, name: 'x', description: 'x' },
    });
    expect(noScope.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const missing = await partner.gql(CREATE_OWN, { input: { organizationId: ggd.organizationId, name: ' ' } });
    expect(missing.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('accepts exactly one of a burst of 40 updates of the same version', async () => {
    const created = (
      await partner.gql(CREATE_OWN, {
        input: { organizationId: ggd.organizationId, name: 'GGD burst', description: 'x' },
      })
    ).data!.createOwnKaartService;
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        partner.gql(UPDATE_OWN, { id: created.id, v: created.version, input: { description: `versie ${i}` } }),
      ),
    );
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.reason === 'stale_version').length).toBe(39);
  });
});
