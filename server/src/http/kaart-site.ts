// The public sociale kaart at /kaart: server-rendered HTML with plain links and a GET form, no
// JavaScript at all (so the 100 KB budget is met by construction), one small inline stylesheet,
// mobile first. No cookies are set and nothing is loaded from elsewhere. The language comes from
// ?lang= (the switch links carry it) or Accept-Language; Arabic and Persian are right-to-left.
// Texts without a current translation are shown in Dutch and marked lang="nl".
import type { IncomingMessage, ServerResponse } from 'node:http';
import { db } from '../db.js';
import { type LoadedService, findServices, getService, isUuid, localizeServices } from '../kaart/directory.js';
import { isOpenAt } from '../kaart/hours.js';
import { type Language, activeLanguages, chooseLanguage } from '../kaart/languages.js';
import { type SiteText, siteText } from '../kaart/site-text.js';
import { localize } from '../kaart/translations.js';
import { callerOf, isProfessional } from './caller.js';

const PER_PAGE = 20;

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic","Noto Sans Ethiopic",sans-serif;color:#1a1a1a;background:#fff}
a{color:#0b4f8a}a:focus,button:focus,input:focus,select:focus{outline:3px solid #e07b00;outline-offset:2px}
header{background:#0b4f8a;color:#fff;padding:.75rem 1rem}header a{color:#fff}header h1{margin:.25rem 0;font-size:1.4rem}
nav.lang ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem .75rem}nav.lang a[aria-current]{font-weight:700}
main{padding:1rem;max-width:48rem;margin:0 auto}.skip{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}.skip:focus{position:static;width:auto;height:auto;clip:auto;display:block;background:#fff;color:#0b4f8a;padding:.5rem}
form.search{display:grid;gap:.75rem;margin-bottom:1rem}label{display:block;font-weight:600}
input[type=search],select{width:100%;padding:.6rem;font-size:1rem;border:1px solid #595959;border-radius:4px;background:#fff;color:#1a1a1a}
.checks{display:flex;gap:1rem;flex-wrap:wrap}.checks label{font-weight:400;display:flex;gap:.4rem;align-items:center}
button{padding:.7rem 1.2rem;font-size:1rem;background:#0b4f8a;color:#fff;border:0;border-radius:4px;cursor:pointer}
ul.results{list-style:none;padding:0;margin:0}ul.results li{border-top:1px solid #ccc;padding:.75rem 0}ul.results h3{margin:0 0 .25rem;font-size:1.1rem}
.meta{color:#4a4a4a;font-size:.9rem}.tag{display:inline-block;border:1px solid #595959;border-radius:1rem;padding:0 .5rem;margin:.1rem;font-size:.85rem}
dl dt{font-weight:700;margin-top:.75rem}dl dd{margin:0}.internal{border:2px dashed #8a5a00;padding:.5rem;margin-top:1rem}
@media (min-width:40rem){form.search{grid-template-columns:1fr 1fr}form.search .wide{grid-column:1/-1}}
`;

interface Page {
  language: Language;
  languages: Language[];
  text: SiteText;
  url: URL;
}

function hrefFor(url: URL, language: string, path = url.pathname): string {
  const params = new URLSearchParams(url.search);
  params.set('lang', language);
  return `${path}?${params.toString()}`;
}

function layout(page: Page, title: string, body: string): string {
  const { language, languages, text } = page;
  const switcher = languages
    .map(
      (l) =>
        `<li><a href="${escapeHtml(hrefFor(page.url, l.code))}" lang="${l.code}" hreflang="${l.code}"${l.code === language.code ? ' aria-current="true"' : ''}>${escapeHtml(l.nativeName)}</a></li>`,
    )
    .join('');
  return `<!doctype html>
<html lang="${language.code}" dir="${language.direction.toLowerCase()}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><meta name="referrer" content="no-referrer"><style>${STYLE}</style></head>
<body><a class="skip" href="#main">${escapeHtml(text.skip)}</a>
<header><p><a href="/kaart?lang=${language.code}">${escapeHtml(text.title)}</a></p>
<nav class="lang" aria-label="${escapeHtml(text.chooseLanguage)}"><ul>${switcher}</ul></nav></header>
<main id="main">${body}</main></body></html>`;
}

/** A text that may have stayed Dutch: marked lang="nl" (and ltr) so screen readers pronounce it right. */
function maybeDutch(
  page: Page,
  shown: string | null | undefined,
  dutch: string | null | undefined,
  tag = 'span',
): string {
  if (!shown) return '';
  if (page.language.code !== 'nl' && shown === dutch)
    return `<${tag} lang="nl" dir="ltr">${escapeHtml(shown)}</${tag}>`;
  return `<${tag}>${escapeHtml(shown)}</${tag}>`;
}

function checkedLine(page: Page, service: LoadedService): string {
  if (!service.lastCheckedAt) return `<p class="meta">${escapeHtml(page.text.notChecked)}</p>`;
  const formatted = new Intl.DateTimeFormat(page.language.code, {
    dateStyle: 'long',
    timeZone: 'Europe/Amsterdam',
  }).format(service.lastCheckedAt);
  return `<p class="meta">${escapeHtml(page.text.lastChecked)} <time datetime="${service.lastCheckedAt.toISOString().slice(0, 10)}">${escapeHtml(formatted)}</time></p>`;
}

function costLine(text: SiteText, service: LoadedService): string {
  return service.free === true ? text.isFree : service.free === false ? text.notFree : text.costUnknown;
}

function languageName(page: Page, code: string): string {
  const configured = page.languages.find((l) => l.code === code);
  if (configured) return configured.nativeName;
  try {
    return new Intl.DisplayNames([page.language.code], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

async function listPage(page: Page, professional: boolean): Promise<string> {
  const { url, text, language } = page;
  const q = url.searchParams.get('q')?.slice(0, 200) ?? '';
  const category = url.searchParams.get('categorie') ?? '';
  const spoken = url.searchParams.get('taal') ?? '';
  const group = url.searchParams.get('doelgroep') ?? '';
  const free = url.searchParams.get('gratis') === '1';
  const openNow = url.searchParams.get('open') === '1';
  const pageNumber = Math.max(1, Math.min(1000, Number.parseInt(url.searchParams.get('pagina') ?? '1', 10) || 1));

  const [termsRaw, groups] = await Promise.all([
    db().kaartTaxonomyTerm.findMany({ where: { parentId: null }, orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] }),
    db().targetGroup.findMany({
      where: { kaartServiceLinks: { some: {} } },
      select: { id: true, name: true },
      orderBy: [{ name: 'asc' }],
    }),
  ]);
  const terms = await localize('KaartTaxonomyTerm', termsRaw, language.code);
  const dutch = await findServices(
    {
      search: q || undefined,
      language: language.code,
      term: category || undefined,
      spoken: spoken || undefined,
      targetGroupId: isUuid(group) ? group : undefined,
      free: free ? true : undefined,
      openNow,
    },
    { professional },
    pageNumber,
    PER_PAGE,
    'nl',
  );
  const shown = await localizeServices(dutch.items, language.code);

  const option = (value: string, label: string, selected: boolean, lang?: string) =>
    `<option value="${escapeHtml(value)}"${selected ? ' selected' : ''}${lang ? ` lang="${lang}"` : ''}>${escapeHtml(label)}</option>`;
  const form = `<form class="search" method="get" action="/kaart" role="search">
<input type="hidden" name="lang" value="${language.code}">
<div class="wide"><label for="q">${escapeHtml(text.search)}</label><input type="search" id="q" name="q" value="${escapeHtml(q)}"></div>
<div><label for="categorie">${escapeHtml(text.category)}</label><select id="categorie" name="categorie">${option('', text.all, !category)}${terms.map((t, i) => option(t.code, t.name, t.code === category, t.name === termsRaw[i]!.name && language.code !== 'nl' ? 'nl' : undefined)).join('')}</select></div>
<div><label for="taal">${escapeHtml(text.spoken)}</label><select id="taal" name="taal">${option('', text.all, !spoken)}${page.languages.map((l) => option(l.code, l.nativeName, l.code === spoken, l.code)).join('')}</select></div>
<div><label for="doelgroep">${escapeHtml(text.targetGroup)}</label><select id="doelgroep" name="doelgroep">${option('', text.all, !group)}${groups.map((g) => option(g.id, g.name, g.id === group, language.code !== 'nl' ? 'nl' : undefined)).join('')}</select></div>
<div class="checks"><label><input type="checkbox" name="gratis" value="1"${free ? ' checked' : ''}> ${escapeHtml(text.free)}</label>
<label><input type="checkbox" name="open" value="1"${openNow ? ' checked' : ''}> ${escapeHtml(text.openNow)}</label></div>
<div class="wide"><button type="submit">${escapeHtml(text.searchButton)}</button></div></form>`;

  const items = shown.map((service, i) => {
    const original = dutch.items[i]!;
    const href = `/kaart/dienst/${service.id}?lang=${language.code}`;
    return `<li><h3><a href="${href}">${maybeDutch(page, service.name, original.name)}</a></h3>
<p class="meta">${maybeDutch(page, service.organization.name, original.organization.name)}</p>
<p>${maybeDutch(page, truncate(service.description, 220), truncate(original.description, 220))}</p>
<p>${service.termLinks.map((link, j) => `<span class="tag">${maybeDutch(page, link.term.name, original.termLinks[j]!.term.name)}</span>`).join(' ')}</p></li>`;
  });
  const pages = Math.ceil(dutch.total / PER_PAGE);
  const pager =
    pages > 1
      ? `<nav aria-label="pagina's"><p>${pageNumber > 1 ? `<a href="${escapeHtml(hrefFor(withParam(url, 'pagina', String(pageNumber - 1)), language.code))}" rel="prev">‹ ${pageNumber - 1}</a> ` : ''}${pageNumber} / ${pages}${pageNumber < pages ? ` <a href="${escapeHtml(hrefFor(withParam(url, 'pagina', String(pageNumber + 1)), language.code))}" rel="next">${pageNumber + 1} ›</a>` : ''}</p></nav>`
      : '';
  return layout(
    page,
    text.title,
    `<h1>${escapeHtml(text.title)}</h1><p>${escapeHtml(text.intro)}</p>${form}
<h2 id="resultaten" aria-live="polite">${escapeHtml(text.results(dutch.total))}</h2>
${items.length ? `<ul class="results">${items.join('')}</ul>` : `<p>${escapeHtml(text.noResults)}</p>`}${pager}`,
  );
}

function withParam(url: URL, name: string, value: string): URL {
  const copy = new URL(url);
  copy.searchParams.set(name, value);
  return copy;
}

function truncate(value: string, length: number): string {
  return value.length > length ? `${value.slice(0, length - 1)}…` : value;
}

const DAY_INDEX: Record<string, number> = { MO: 1, TU: 2, WE: 3, TH: 4, FR: 5, SA: 6, SU: 0 };
function dayName(language: string, code: string): string {
  // 4 January 1970 was a Sunday.
  const date = new Date(Date.UTC(1970, 0, 4 + (DAY_INDEX[code] ?? 0), 12));
  return new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(date);
}

async function servicePage(page: Page, id: string, professional: boolean): Promise<string | undefined> {
  const original = await getService(id, { professional }, 'nl');
  if (!original) return undefined;
  const [service] = await localizeServices([original], page.language.code);
  const { text } = page;
  const s = service!;
  const schedules = [...s.schedules, ...s.serviceAtLocations.flatMap((sal) => sal.schedules)];
  const hours = schedules.length
    ? `<ul>${schedules
        .map(
          (h) =>
            `<li>${
              h.byday
                ? escapeHtml(
                    h.byday
                      .split(',')
                      .map((d) => dayName(page.language.code, d.trim()))
                      .join(', '),
                  )
                : ''
            } ${h.opensAt && h.closesAt ? `<span dir="ltr">${escapeHtml(h.opensAt)}–${escapeHtml(h.closesAt)}</span>` : ''}${isOpenAt(h, new Date()) ? ` <strong>(${escapeHtml(text.openNow)})</strong>` : ''}</li>`,
        )
        .join('')}</ul>`
    : `<p>${escapeHtml(text.hoursUnknown)}</p>`;
  const places = s.serviceAtLocations.length
    ? s.serviceAtLocations
        .map((sal, i) => {
          const l = sal.location;
          const o = original.serviceAtLocations[i]!.location;
          const address = [l.address1, [l.postalCode, l.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
          const map = address
            ? ` <a href="https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}" rel="noopener noreferrer">${escapeHtml(text.openInMap)}</a>`
            : '';
          return `<p>${maybeDutch(page, l.name, o.name, 'strong')}<br><span lang="nl" dir="ltr">${escapeHtml(address || '')}</span>${address ? '' : escapeHtml(text.addressUnknown)}${map}</p>
${l.transportation ? `<p>${maybeDutch(page, l.transportation, o.transportation)}</p>` : ''}${l.accessibilityDescription ? `<p>${maybeDutch(page, l.accessibilityDescription, o.accessibilityDescription)}</p>` : ''}`;
        })
        .join('')
    : `<p>${escapeHtml(text.addressUnknown)}</p>`;
  const contact = [
    ...s.phones.map(
      (p) =>
        `<li>${escapeHtml(text.phone)}: <a href="tel:${escapeHtml(p.number.replace(/[^+\d]/g, ''))}" dir="ltr">${escapeHtml(p.number)}</a></li>`,
    ),
    s.email
      ? `<li>${escapeHtml(text.email)}: <a href="mailto:${escapeHtml(s.email)}">${escapeHtml(s.email)}</a></li>`
      : '',
    s.url
      ? `<li>${escapeHtml(text.website)}: <a href="${escapeHtml(s.url)}" rel="noopener noreferrer">${escapeHtml(s.url)}</a></li>`
      : '',
  ].filter(Boolean);
  const internal = professional
    ? `<section class="internal" aria-labelledby="intern"><h2 id="intern">${escapeHtml(text.internal)}</h2>
${s.internalNotes ? `<p lang="nl" dir="ltr">${escapeHtml(s.internalNotes)}</p>` : ''}
${(s.contacts as { name: string; title: string | null; email: string | null }[] | undefined)?.length ? `<h3>${escapeHtml(text.contacts)}</h3><ul>${(s.contacts as { name: string; title: string | null; email: string | null }[]).map((c) => `<li>${escapeHtml(c.name)}${c.title ? `, ${escapeHtml(c.title)}` : ''}${c.email ? ` — <a href="mailto:${escapeHtml(c.email)}">${escapeHtml(c.email)}</a>` : ''}</li>`).join('')}</ul>` : ''}</section>`
    : '';
  const body = `<p><a href="/kaart?lang=${page.language.code}">← ${escapeHtml(text.back)}</a></p>
<h1>${maybeDutch(page, s.name, original.name)}</h1>
<p class="meta">${maybeDutch(page, s.organization.name, original.organization.name)}</p>
${checkedLine(page, s)}
<dl>
<dt>${escapeHtml(text.what)}</dt><dd>${maybeDutch(page, s.description, original.description, 'p')}</dd>
<dt>${escapeHtml(text.forWhom)}</dt><dd>${s.eligibilityDescription ? maybeDutch(page, s.eligibilityDescription, original.eligibilityDescription, 'p') : ''}<p>${s.targetGroupLinks.map((l) => `<span class="tag" lang="nl" dir="ltr">${escapeHtml(l.targetGroup.name)}</span>`).join(' ')}</p></dd>
${s.applicationProcess ? `<dt>${escapeHtml(text.howToApply)}</dt><dd>${maybeDutch(page, s.applicationProcess, original.applicationProcess, 'p')}</dd>` : ''}
<dt>${escapeHtml(text.cost)}</dt><dd>${escapeHtml(costLine(text, s))}${s.feesDescription ? ` ${maybeDutch(page, s.feesDescription, original.feesDescription)}` : ''}</dd>
<dt>${escapeHtml(text.where)}</dt><dd>${places}</dd>
<dt>${escapeHtml(text.whenOpen)}</dt><dd>${hours}</dd>
<dt>${escapeHtml(text.languages)}</dt><dd>${s.languages.length ? s.languages.map((l) => `<span class="tag" lang="${escapeHtml(l.code)}">${escapeHtml(languageName(page, l.code))}</span>`).join(' ') : '–'}</dd>
<dt>${escapeHtml(text.categories)}</dt><dd>${s.termLinks.map((link, j) => `<span class="tag">${maybeDutch(page, link.term.name, original.termLinks[j]!.term.name)}</span>`).join(' ')}</dd>
<dt>${escapeHtml(text.contact)}</dt><dd>${contact.length ? `<ul>${contact.join('')}</ul>` : `<p>${escapeHtml(text.notChecked)}</p>`}</dd>
</dl>${internal}`;
  return layout(page, `${s.name} – ${text.title}`, body);
}

export async function handleKaartSite(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const sendHtml = (status: number, html: string, headers: Record<string, string> = {}) => {
    response.writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      vary: 'Accept-Language, Cookie',
      ...headers,
    });
    response.end(request.method === 'HEAD' ? undefined : html);
  };
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return sendHtml(405, 'Alleen GET | Only GET', { allow: 'GET, HEAD' });
  const identity = await callerOf(request, (status, message, headers) =>
    sendHtml(status, escapeHtml(message), headers),
  );
  if (!identity) return;
  const languages = await activeLanguages();
  const language = chooseLanguage(languages, url.searchParams.get('lang'), request.headers['accept-language']);
  const page: Page = { language, languages, text: siteText(language.code), url };
  const professional = isProfessional(identity);
  const headers = { 'content-language': language.code };

  const path = url.pathname.replace(/\/+$/, '');
  if (path === '/kaart') return sendHtml(200, await listPage(page, professional), headers);
  const match = /^\/kaart\/dienst\/([^/]+)$/.exec(path);
  if (match) {
    const html = await servicePage(page, decodeURIComponent(match[1]!), professional);
    if (html) return sendHtml(200, html, headers);
  }
  return sendHtml(
    404,
    layout(
      page,
      page.text.notFound,
      `<h1>${escapeHtml(page.text.notFound)}</h1><p><a href="/kaart?lang=${language.code}">${escapeHtml(page.text.back)}</a></p>`,
    ),
    headers,
  );
}
