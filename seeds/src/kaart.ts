// Loads the sociale kaart's configuration (languages, taxonomy) and the entries the programme
// document supports, idempotently on natural keys (language code, term code, organisation name,
// organisation + service name). What people edit afterwards (publication, checks, contact
// details, texts) is never overwritten: existing rows are only filled in where still missing.
import type { PrismaClient } from '@welkom/db';
import { KAART_ORGANIZATIONS, KAART_SERVICES, KAART_TAXONOMY, KAART_TERMS } from './kaart-data.js';

export const KAART_LANGUAGES = [
  { code: 'nl', name: 'Nederlands', nativeName: 'Nederlands', direction: 'LTR', sortOrder: 1 },
  { code: 'en', name: 'Engels', nativeName: 'English', direction: 'LTR', sortOrder: 2 },
  { code: 'ar', name: 'Arabisch', nativeName: 'العربية', direction: 'RTL', sortOrder: 3 },
  { code: 'uk', name: 'Oekraïens', nativeName: 'Українська', direction: 'LTR', sortOrder: 4 },
  { code: 'ti', name: 'Tigrinya', nativeName: 'ትግርኛ', direction: 'LTR', sortOrder: 5 },
  { code: 'fa', name: 'Perzisch (Farsi/Dari)', nativeName: 'فارسی', direction: 'RTL', sortOrder: 6 },
] as const;

export interface KaartCounts {
  languages: number;
  terms: number;
  organizations: number;
  services: number;
}

export async function loadSocialMap(prisma: PrismaClient): Promise<KaartCounts> {
  return prisma.$transaction(
    async (tx) => {
      const counts: KaartCounts = { languages: 0, terms: 0, organizations: 0, services: 0 };
      const languages = new Set((await tx.kaartLanguage.findMany({ select: { code: true } })).map((l) => l.code));
      for (const language of KAART_LANGUAGES) {
        if (languages.has(language.code)) continue;
        await tx.kaartLanguage.create({ data: { ...language } });
        counts.languages++;
      }

      const taxonomy =
        (await tx.kaartTaxonomy.findUnique({ where: { name: KAART_TAXONOMY.name } })) ??
        (await tx.kaartTaxonomy.create({ data: { ...KAART_TAXONOMY } }));
      const terms = new Map((await tx.kaartTaxonomyTerm.findMany()).map((term) => [term.code, term.id]));
      for (const term of KAART_TERMS) {
        if (terms.has(term.code)) continue;
        const created = await tx.kaartTaxonomyTerm.create({ data: { ...term, taxonomyId: taxonomy.id } });
        terms.set(term.code, created.id);
        counts.terms++;
      }

      const partners = new Map(
        (await tx.partner.findMany({ select: { id: true, name: true } })).map((p) => [p.name, p.id]),
      );
      const targetGroups = new Map(
        (await tx.targetGroup.findMany({ select: { id: true, name: true } })).map((g) => [g.name, g.id]),
      );
      const organizations = new Map(
        (await tx.kaartOrganization.findMany({ select: { id: true, name: true } })).map((o) => [o.name, o.id]),
      );
      for (const organization of KAART_ORGANIZATIONS) {
        if (organizations.has(organization.name)) continue;
        const created = await tx.kaartOrganization.create({
          data: {
            name: organization.name,
            description: organization.description,
            provenance: organization.provenance,
            partnerId: organization.partner ? (partners.get(organization.partner) ?? null) : null,
            publication: 'PUBLISHED',
          },
        });
        organizations.set(organization.name, created.id);
        counts.organizations++;
      }

      const services = new Set(
        (await tx.kaartService.findMany({ select: { organizationId: true, name: true } })).map(
          (s) => `${s.organizationId}/${s.name}`,
        ),
      );
      for (const service of KAART_SERVICES) {
        const organizationId = organizations.get(service.organization);
        if (!organizationId) throw new Error(`Sociale kaart: organisatie ${service.organization} ontbreekt`);
        if (services.has(`${organizationId}/${service.name}`)) continue;
        await tx.kaartService.create({
          data: {
            organizationId,
            name: service.name,
            description: service.description,
            provenance: service.provenance,
            eligibilityDescription: service.eligibilityDescription ?? null,
            free: service.free ?? null,
            // Published so visitors find it, but never checked: the public page says so, and it heads the work queue.
            publication: 'PUBLISHED',
            internalNotes:
              'Nog niet gecontroleerd: contactgegevens, adres en openingstijden staan niet in het programmadocument.',
            termLinks: { create: service.terms.map((code) => ({ termId: terms.get(code)! })) },
            targetGroupLinks: {
              create: service.targetGroups
                .filter((name) => targetGroups.has(name))
                .map((name) => ({ targetGroupId: targetGroups.get(name)! })),
            },
          },
        });
        counts.services++;
      }
      return counts;
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
