import { createTestDatabase, type TestDatabase } from '@welkom/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractProgramme } from './extract/programme.js';
import { KAART_ORGANIZATIONS, KAART_SERVICES } from './kaart-data.js';
import { KAART_LANGUAGES, loadSocialMap } from './kaart.js';
import { loadProgramme } from './load.js';
import { readSourceDocument } from './source.js';

const documentText = readSourceDocument();

describe('the sociale kaart seed', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await loadProgramme(db.prisma, extractProgramme(documentText));
  });
  afterAll(() => db?.drop());

  it('names only organisations and services the document names, each with the section it comes from', () => {
    for (const organization of KAART_ORGANIZATIONS) {
      expect(documentText.toLowerCase(), organization.name).toContain(organization.name.toLowerCase());
      expect(organization.provenance).toMatch(/^Uit het uitvoeringsprogramma, sectie \d\.\d/);
    }
    for (const service of KAART_SERVICES)
      expect(service.provenance, service.name).toMatch(/^Uit het uitvoeringsprogramma, sectie \d\.\d/);
  });

  it('loads languages, categories, organisations and services once, with no invented contact details', async () => {
    const first = await loadSocialMap(db.prisma);
    expect(first).toEqual({
      languages: 6,
      terms: 10,
      organizations: KAART_ORGANIZATIONS.length,
      services: KAART_SERVICES.length,
    });
    expect(await loadSocialMap(db.prisma)).toEqual({ languages: 0, terms: 0, organizations: 0, services: 0 });

    const languages = await db.prisma.kaartLanguage.findMany({ orderBy: { sortOrder: 'asc' } });
    expect(languages.map((l) => `${l.code}:${l.direction}`)).toEqual(
      KAART_LANGUAGES.map((l) => `${l.code}:${l.direction}`),
    );
    expect(languages.filter((l) => l.direction === 'RTL').map((l) => l.code)).toEqual(['ar', 'fa']);

    expect(await db.prisma.kaartLocation.count()).toBe(0);
    expect(await db.prisma.kaartPhone.count()).toBe(0);
    expect(await db.prisma.kaartSchedule.count()).toBe(0);
    expect(await db.prisma.kaartContact.count()).toBe(0);
    const services = await db.prisma.kaartService.findMany({ include: { termLinks: true, targetGroupLinks: true } });
    for (const service of services) {
      expect(service.lastCheckedAt, service.name).toBeNull();
      expect(service.url ?? service.email).toBeNull();
      expect(service.internalNotes).toMatch(/^Nog niet gecontroleerd/);
      expect(service.termLinks.length, service.name).toBeGreaterThan(0);
      const record = KAART_SERVICES.find((r) => r.name === service.name)!;
      expect(service.targetGroupLinks.length, service.name).toBe(record.targetGroups.length);
    }
    const linked = await db.prisma.kaartOrganization.findMany({
      where: { partnerId: { not: null } },
      select: { name: true },
    });
    expect(linked.map((o) => o.name)).toEqual(
      expect.arrayContaining(['GGD', 'VluchtelingenWerk', 'Bindkracht10', 'Pharos', 'Gemeente Nijmegen']),
    );
  });
});
