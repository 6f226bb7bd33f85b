// Clearly marked demo entries for the sociale kaart (npm run seed:demo), so the public site can be
// seen in every language: a fictitious organisation with two services, an invented address,
// opening hours and translations. Every name starts with "Demo" and says it is not real.
import type { PrismaClient } from '@welkom/db';
import { sourceHash } from './translations.js';

export const DEMO_ORGANIZATION = 'Demo: Voorbeeldorganisatie (fictief)';

interface DemoText {
  name: string;
  description: string;
}
const SPREEKUUR: Record<string, DemoText> = {
  nl: {
    name: 'Demo: Inloopspreekuur (fictief)',
    description:
      'Fictieve dienst om de sociale kaart te tonen: hulp bij brieven, formulieren en vragen over zorg en welzijn. Bestaat niet echt.',
  },
  en: {
    name: 'Demo: Walk-in consultation (fictitious)',
    description:
      'A fictitious service to show the social map: help with letters, forms and questions about care and welfare. Not real.',
  },
  ar: {
    name: 'تجريبي: ساعة استشارة مفتوحة (وهمية)',
    description:
      'خدمة وهمية لعرض الخريطة الاجتماعية: مساعدة في الرسائل والاستمارات والأسئلة حول الرعاية والرفاه. ليست حقيقية.',
  },
  uk: {
    name: 'Демо: Прийом без запису (вигаданий)',
    description:
      'Вигадана послуга для показу соціальної карти: допомога з листами, формами та питаннями про медичну допомогу й добробут. Не є справжньою.',
  },
  ti: { name: 'ደሞ: ናይ ምኽሪ ሰዓት (ናይ ኣብነት)', description: 'ናይ ኣብነት ኣገልግሎት: ምስ ደብዳቤታትን ቅጥዕታትን ሓገዝ። ሓቀኛ ኣይኮነን።' },
  fa: {
    name: 'نمونه: ساعت مشاوره بدون وقت قبلی (ساختگی)',
    description:
      'یک خدمت ساختگی برای نمایش نقشه اجتماعی: کمک در نامه‌ها، فرم‌ها و پرسش‌های مربوط به مراقبت و رفاه. واقعی نیست.',
  },
};
const TAALCAFE: Record<string, DemoText> = {
  nl: {
    name: 'Demo: Taalcafé (fictief)',
    description: 'Fictieve dienst: samen Nederlands oefenen in een ontspannen sfeer. Gratis. Bestaat niet echt.',
  },
  en: {
    name: 'Demo: Language café (fictitious)',
    description: 'Fictitious service: practise Dutch together in a relaxed setting. Free. Not real.',
  },
  ar: {
    name: 'تجريبي: مقهى اللغة (وهمي)',
    description: 'خدمة وهمية: تدرّب على اللغة الهولندية مع الآخرين في جو مريح. مجاني. ليس حقيقياً.',
  },
  uk: {
    name: 'Демо: Мовне кафе (вигадане)',
    description:
      'Вигадана послуга: разом практикуємо нідерландську в невимушеній атмосфері. Безкоштовно. Не є справжньою.',
  },
  ti: { name: 'ደሞ: ናይ ቋንቋ ካፈ (ናይ ኣብነት)', description: 'ናይ ኣብነት ኣገልግሎት: ብሓባር ሆላንድኛ ምልማድ። ብናጻ። ሓቀኛ ኣይኮነን።' },
  fa: {
    name: 'نمونه: کافه زبان (ساختگی)',
    description: 'خدمت ساختگی: تمرین زبان هلندی با هم در فضایی آرام. رایگان. واقعی نیست.',
  },
};

export async function seedDemoSocialMap(prisma: PrismaClient): Promise<{ created: boolean }> {
  if (await prisma.kaartOrganization.findUnique({ where: { name: DEMO_ORGANIZATION } })) return { created: false };
  return prisma.$transaction(async (tx) => {
    const terms = new Map(
      (await tx.kaartTaxonomyTerm.findMany({ select: { id: true, code: true } })).map((t) => [t.code, t.id]),
    );
    const groups = new Map(
      (await tx.targetGroup.findMany({ select: { id: true, name: true } })).map((g) => [g.name, g.id]),
    );
    const organization = await tx.kaartOrganization.create({
      data: {
        name: DEMO_ORGANIZATION,
        description: 'Fictieve organisatie voor de demonstratie van de sociale kaart.',
        publication: 'PUBLISHED',
        provenance: 'Demo-gegevens (npm run seed:demo), niet echt',
      },
    });
    const location = await tx.kaartLocation.create({
      data: {
        organizationId: organization.id,
        name: 'Demo: Voorbeeldhuis (fictief)',
        address1: 'Voorbeeldstraat 1 (fictief)',
        postalCode: '6500 AA',
        city: 'Nijmegen',
        stateProvince: 'Gelderland',
        country: 'NL',
        transportation: 'Fictief: bus tot halte Voorbeeldplein.',
        accessibilityDescription: 'Fictief: rolstoeltoegankelijk, lift aanwezig.',
      },
    });
    const services = [
      {
        texts: SPREEKUUR,
        terms: ['welzijn', 'zorg'],
        groups: ['Statushouders', 'Ontheemden uit Oekraïne'],
        spoken: ['nl', 'ar', 'uk'],
        free: true,
        hours: [
          { byday: 'MO,WE', opensAt: '09:00', closesAt: '12:00' },
          { byday: 'TH', opensAt: '13:00', closesAt: '17:00' },
        ],
      },
      {
        texts: TAALCAFE,
        terms: ['taal', 'sociale-initiatieven'],
        groups: ['Vluchtelingen'],
        spoken: ['nl', 'en', 'ti', 'fa'],
        free: true,
        hours: [{ byday: 'TU,FR', opensAt: '14:00', closesAt: '16:00' }],
      },
    ];
    const now = new Date();
    for (const spec of services) {
      const service = await tx.kaartService.create({
        data: {
          organizationId: organization.id,
          name: spec.texts.nl!.name,
          description: spec.texts.nl!.description,
          free: spec.free,
          publication: 'PUBLISHED',
          provenance: 'Demo-gegevens, niet echt',
          lastCheckedAt: now,
          lastCheckedBy: 'demo',
          checkDueAt: new Date(now.getTime() + 182 * 86_400_000),
          email: 'demo@voorbeeld.invalid',
          termLinks: { create: spec.terms.filter((c) => terms.has(c)).map((code) => ({ termId: terms.get(code)! })) },
          targetGroupLinks: {
            create: spec.groups.filter((g) => groups.has(g)).map((name) => ({ targetGroupId: groups.get(name)! })),
          },
          languages: { create: spec.spoken.map((code) => ({ code })) },
          phones: { create: [{ number: '+31 24 000 0000', type: 'voice', description: 'Fictief nummer' }] },
          schedules: {
            create: spec.hours.map((h) => ({ ...h, freq: 'WEEKLY', description: 'Fictieve openingstijden' })),
          },
          contacts: {
            create: [
              { name: 'Demo Contactpersoon (fictief)', title: 'Coördinator', email: 'contact@voorbeeld.invalid' },
            ],
          },
        },
      });
      await tx.kaartServiceAtLocation.create({ data: { serviceId: service.id, locationId: location.id } });
      for (const [language, text] of Object.entries(spec.texts)) {
        if (language === 'nl') continue;
        for (const field of ['name', 'description'] as const) {
          await tx.kaartTranslation.create({
            data: {
              entityType: 'KaartService',
              entityId: service.id,
              field,
              language,
              text: text[field],
              status: ['ti', 'fa'].includes(language) ? 'NEEDS_REVIEW' : 'VERIFIED',
              sourceHash: sourceHash(spec.texts.nl![field]),
              translatedBy: 'demo',
              translatedAt: now,
            },
          });
        }
      }
    }
    return { created: true };
  });
}
