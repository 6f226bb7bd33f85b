// Data-quality notes: where the document contradicts itself, refers to something it does not
// contain, or could not be read without a guess. The import keeps what the document says and
// records a note; nothing is corrected silently. Keys are stable so re-imports stay idempotent.
import type { ParsedActionRow } from './action-tables.js';
import { ACTION_TABLE_COLUMNS } from './action-tables.js';
import type { DocumentOutline, Line } from './document.js';
import type { BudgetTableRecord, DataQualityNoteRecord, GoalRecord, NoteSubject } from './records.js';
import { EXCERPT_SEPARATOR } from './records.js';

export interface NoteContext {
  text: string;
  outline: DocumentOutline;
  rows: readonly ParsedActionRow[];
  goals: readonly GoalRecord[];
  /** Lines inside goal lists that are neither a goal nor a sub-point. */
  unplacedGoalLines: readonly { sectionCode: string; line: Line }[];
  budget: BudgetTableRecord | null;
}

/** The sentence around `index` in a line, verbatim; a table cell (tab-delimited) bounds it too. */
export function sentenceAround(text: string, index: number): string {
  const cellStart = text.lastIndexOf('\t', index - 1) + 1;
  const cellEnd = text.indexOf('\t', index) < 0 ? text.length : text.indexOf('\t', index);
  const cell = text.slice(cellStart, cellEnd);
  const at = index - cellStart;
  const before = cell.slice(0, at);
  const start = Math.max(before.lastIndexOf('. ') + 2, before.lastIndexOf('? ') + 2, 0);
  const after = cell.slice(at).search(/[.?](?:\s|$)/);
  return cell.slice(start, after < 0 ? cell.length : at + after + 1).trim();
}

const excerpt = (...parts: string[]): string => parts.map((part) => part.trim()).join(EXCERPT_SEPARATOR);
const sameTitle = (a: string, b: string): boolean =>
  a.toLowerCase().replace(/&/g, 'en').replace(/\s+/g, ' ') === b.toLowerCase().replace(/&/g, 'en').replace(/\s+/g, ' ');

/** Which theme, section and action a source line belongs to. */
function subjectOfLine(context: NoteContext, lineNumber: number): NoteSubject {
  const row = context.rows.find((r) => r.line.number === lineNumber);
  if (row) return { sectionCode: row.action.sectionCode, actionCode: row.action.code };
  const theme = [...context.outline.themes].reverse().find((t) => t.heading.number <= lineNumber);
  if (!theme) return {};
  const section = [...theme.sections].reverse().find((s) => s.heading.number <= lineNumber);
  return section ? { sectionCode: section.code } : { themeNumber: theme.number };
}

export function collectNotes(context: NoteContext): DataQualityNoteRecord[] {
  return [
    ...outlineNotes(context),
    ...goalNotes(context),
    ...actionRowNotes(context),
    ...referenceNotes(context),
    ...budgetNotes(context),
    ...figureNotes(context),
    ...contradictionNotes(context),
  ];
}

function outlineNotes({ outline }: NoteContext): DataQualityNoteRecord[] {
  const notes: DataQualityNoteRecord[] = [];
  for (const theme of outline.themes) {
    const intro = outline.introThemeNames.get(theme.number);
    if (intro && !sameTitle(intro.name, theme.name)) {
      notes.push({
        key: `theme-name-differs/${theme.number}`,
        title: `Naam van opgave ${theme.number} verschilt tussen inleiding en hoofdstuk`,
        description: `De inleiding noemt opgave ${theme.number} "${intro.name}", de kop van het hoofdstuk "${theme.name}". Het register gebruikt de kop.`,
        sourceExcerpt: excerpt(intro.text, theme.heading.text),
        severity: 'INFO',
        subject: { themeNumber: theme.number },
      });
    }
    const toc = outline.tocThemeNames.get(theme.number);
    if (toc && !sameTitle(toc.name, theme.name)) {
      notes.push({
        key: `toc-theme-name-differs/${theme.number}`,
        title: `Naam van opgave ${theme.number} verschilt tussen inhoudsopgave en hoofdstuk`,
        description: `De inhoudsopgave noemt "${toc.name}", de kop van het hoofdstuk "${theme.name}". Het register gebruikt de kop.`,
        sourceExcerpt: excerpt(toc.text, theme.heading.text),
        severity: 'WARNING',
        subject: { themeNumber: theme.number },
      });
    }
    // Lines of one capitalised word between a chapter heading and its text are layout left-overs.
    for (const line of theme.intro.filter((l) => /^[A-ZÀ-Ý]{2,}$/.test(l.text.trim()))) {
      notes.push({
        key: `layout-artefact/${theme.number}/${line.text.trim()}`,
        title: `Losse tekst "${line.text.trim()}" onder de kop "${theme.heading.text}"`,
        description: `Onder de kop "${theme.heading.text}" staat het losse woord "${line.text.trim()}" zonder verband met de tekst; vermoedelijk een restant van de opmaak. Het is niet in de ambitie opgenomen.`,
        sourceExcerpt: line.text.trim(),
        severity: 'INFO',
        subject: { themeNumber: theme.number },
      });
    }
    for (const section of theme.sections) {
      const tocEntry = outline.tocSectionTitles.get(section.code);
      if (!tocEntry) {
        notes.push({
          key: `toc-section-missing/${section.code}`,
          title: `Onderdeel ${section.code} staat niet in de inhoudsopgave`,
          description: `Het onderdeel "${section.code} ${section.title}" komt in de tekst voor maar niet in de inhoudsopgave.`,
          sourceExcerpt: section.heading.text,
          severity: 'WARNING',
          subject: { sectionCode: section.code },
        });
      } else if (!sameTitle(tocEntry.title, section.title)) {
        notes.push({
          key: `toc-title-differs/${section.code}`,
          title: `Titel van ${section.code} verschilt tussen inhoudsopgave en tekst`,
          description: `De inhoudsopgave noemt ${section.code} "${tocEntry.title}", de kop in de tekst "${section.title}". Het register gebruikt de kop in de tekst.`,
          sourceExcerpt: excerpt(tocEntry.text, section.heading.text),
          severity: 'WARNING',
          subject: { sectionCode: section.code },
        });
      }
      if (section.unplaced.length) {
        notes.push({
          key: `section-text-unplaced/${section.code}`,
          title: `Tekst na de actietabel van ${section.code}`,
          description:
            'Na de actietabel staat tekst die bij geen kop hoort. Ze is niet in het register opgenomen; zie het fragment.',
          sourceExcerpt: excerpt(...section.unplaced.map((line) => line.text)),
          severity: 'WARNING',
          subject: { sectionCode: section.code },
        });
      }
    }
  }
  return notes;
}

function goalNotes({ goals, rows, unplacedGoalLines }: NoteContext): DataQualityNoteRecord[] {
  const notes: DataQualityNoteRecord[] = [];
  for (const goal of goals.filter((g) => !g.inDocument)) {
    const goalRows = rows.filter((row) => row.action.goalCode === goal.code);
    const listed = goals.filter((g) => g.sectionCode === goal.sectionCode && g.inDocument).map((g) => g.number);
    notes.push({
      key: `goal-missing/${goal.code}`,
      title: `Actietabel verwijst naar doelstelling ${goal.code}, die niet bestaat`,
      description:
        `De actietabel van ${goal.sectionCode} noemt doel ${goal.number} (${goalRows.map((r) => r.action.code).join(', ')}), ` +
        `maar de lijst met doelen van ${goal.sectionCode} kent alleen ${listed.join(', ') || 'geen doelen'}. ` +
        'De actie is behouden onder een lege doelstelling met dit nummer.',
      sourceExcerpt: excerpt(...goalRows.map((row) => `${row.cells[0]}\t${row.cells[1]}`)),
      severity: 'ERROR',
      subject: { sectionCode: goal.sectionCode, goalCode: goal.code, actionCode: goalRows[0]?.action.code },
    });
  }
  for (const { sectionCode, line } of unplacedGoalLines) {
    notes.push({
      key: `goal-line-unplaced/${sectionCode}/${line.number}`,
      title: `Regel in de doelstellingen van ${sectionCode} hoort bij geen doel`,
      description: 'Deze regel staat tussen de doelstellingen maar is geen doel of subpunt; ze is niet opgenomen.',
      sourceExcerpt: line.text.trim(),
      severity: 'WARNING',
      subject: { sectionCode },
    });
  }
  return notes;
}

const EMPTY_CELLS: { column: number; field: string; label: string; severity: DataQualityNoteRecord['severity'] }[] = [
  { column: 2, field: 'target-groups', label: 'Doelgroep', severity: 'WARNING' },
  { column: 3, field: 'organisations', label: 'Organisatie(s)', severity: 'WARNING' },
  { column: 4, field: 'preconditions', label: 'Randvoorwaarden', severity: 'INFO' },
  { column: 5, field: 'timing', label: 'Tijd', severity: 'WARNING' },
];

function actionRowNotes({ rows }: NoteContext): DataQualityNoteRecord[] {
  const notes: DataQualityNoteRecord[] = [];
  for (const row of rows) {
    const { action } = row;
    const subject: NoteSubject = {
      sectionCode: action.sectionCode,
      goalCode: action.goalCode,
      actionCode: action.code,
    };
    const rowStart = `${row.cells[0]}\t${row.cells[1]}`.trim();

    const repeat = action.code.match(/^(.*) \((\d+)\)$/);
    if (repeat) {
      notes.push({
        key: `action-code-duplicate/${action.code}`,
        title: `Actiecode ${repeat[1]} komt meer dan eens voor`,
        description: `Regel ${row.line.number} heeft dezelfde code als een eerdere rij; deze rij is behouden als ${action.code}.`,
        sourceExcerpt: rowStart.slice(0, 160),
        severity: 'ERROR',
        subject,
      });
    }

    if (row.line.text.split('\t').length !== ACTION_TABLE_COLUMNS) {
      notes.push({
        key: `action-row-columns/${action.code}`,
        title: `Rij van actie ${action.code} heeft niet ${ACTION_TABLE_COLUMNS} kolommen`,
        description: `De rij heeft ${row.line.text.split('\t').length} kolommen; ontbrekende kolommen zijn als leeg gelezen.`,
        sourceExcerpt: row.line.text.trim(),
        severity: 'WARNING',
        subject,
      });
    }
    if (row.letterProblem !== 'none') {
      notes.push({
        key: `action-letter/${action.code}`,
        title:
          row.letterProblem === 'noLetter'
            ? `Actie zonder letter (${action.code})`
            : `Actieletter zonder punt (${action.code})`,
        description:
          row.letterProblem === 'noLetter'
            ? 'De activiteit begint niet met een letter; de volgende letter is toegekend.'
            : `De activiteit begint met "${action.letter} " in plaats van "${action.letter}. ", anders dan alle andere rijen.`,
        sourceExcerpt: rowStart.slice(0, 120),
        severity: 'INFO',
        subject,
      });
    }
    for (const empty of EMPTY_CELLS) {
      if ((row.cells[empty.column] ?? '').trim()) continue;
      notes.push({
        key: `action-cell-empty/${action.code}/${empty.field}`,
        title: `Actie ${action.code}: kolom ${empty.label} is leeg`,
        description: `In de actietabel is de kolom "${empty.label}" van actie ${action.code} niet ingevuld.`,
        sourceExcerpt: rowStart.slice(0, 160),
        severity: empty.severity,
        subject,
      });
    }
    for (const misspelling of row.organisations.misspellings) {
      notes.push({
        key: `partner-misspelt/${action.code}/${misspelling.spelling}`,
        title: `Organisatienaam "${misspelling.spelling}" is verkeerd gespeld`,
        description: `Actie ${action.code} noemt "${misspelling.spelling}"; elders schrijft het document "${misspelling.partnerName}". De actie is aan ${misspelling.partnerName} gekoppeld; de schrijfwijze is als alias bewaard.`,
        sourceExcerpt: row.cells[3]!.trim(),
        severity: 'ERROR',
        subject: { ...subject, partnerName: misspelling.partnerName },
      });
    }
    for (const gap of row.organisations.missingSeparators) {
      notes.push({
        key: `organisations-separator-missing/${action.code}/${gap.after}`,
        title: `Actie ${action.code}: scheidingsteken tussen organisaties ontbreekt`,
        description: `Tussen "${gap.before}" en "${gap.after}" staat geen "/". Ze zijn als afzonderlijke organisaties gekoppeld; controleer of dat klopt.`,
        sourceExcerpt: row.cells[3]!.trim(),
        severity: 'WARNING',
        subject,
      });
    }
    for (const fragment of row.organisations.unresolved) {
      notes.push({
        key: `partner-unknown/${action.code}/${fragment}`,
        title: `Onbekende organisatie "${fragment}" bij actie ${action.code}`,
        description: 'Deze naam staat niet in de aliastabel. Ze is als eigen organisatie (soort: overig) opgenomen.',
        sourceExcerpt: row.cells[3]!.trim(),
        severity: 'WARNING',
        subject: { ...subject, partnerName: fragment },
      });
    }
    if (action.targetGroupsText && action.targetGroups.length === 0) {
      notes.push({
        key: `target-group-unknown/${action.code}`,
        title: `Doelgroep van actie ${action.code} niet herkend`,
        description: 'De cel Doelgroep bevat geen bekende doelgroep; de tekst is letterlijk bewaard.',
        sourceExcerpt: action.targetGroupsText.trim(),
        severity: 'WARNING',
        subject,
      });
    }
    if (action.timingText && row.timing.rules.length === 0) {
      notes.push({
        key: `timing-unread/${action.code}`,
        title: `Tijd van actie ${action.code} niet als datum te lezen`,
        description: 'De tijd is letterlijk bewaard; een start- of einddatum kon er niet uit worden afgeleid.',
        sourceExcerpt: action.timingText.trim(),
        severity: 'INFO',
        subject,
      });
    }
    // "• Locatie Tweede Walstraat 8 Locatie CWZ": two list items run together.
    for (const item of action.description.split('\n').filter((l) => l.startsWith('• '))) {
      if ((item.match(/\bLocatie\b/g) ?? []).length > 1) {
        notes.push({
          key: `description-bullet-missing/${action.code}`,
          title: `Actie ${action.code}: twee locaties in één opsommingsteken`,
          description: `"${item.slice(2)}" noemt twee locaties zonder opsommingsteken ertussen; "8" kan een huisnummer zijn. De tekst is letterlijk bewaard.`,
          sourceExcerpt: item.slice(2),
          severity: 'INFO',
          subject,
        });
      }
    }
  }
  return notes;
}

function referenceNotes(context: NoteContext): DataQualityNoteRecord[] {
  const notes: DataQualityNoteRecord[] = [];
  const themeNumbers = new Set(context.outline.themes.filter((t) => t.name !== 'Organisatie').map((t) => t.number));
  const appendixHeadings = new Set(
    context.outline.lines.flatMap((line) => line.text.match(/^Bijlage (\d+)\b/)?.[1] ?? []),
  );
  for (const line of context.outline.lines) {
    for (const match of line.text.matchAll(/\bopgave (\d+)\b/gi)) {
      const number = Number(match[1]);
      if (themeNumbers.has(number)) continue;
      const subject = subjectOfLine(context, line.number);
      notes.push({
        key: `theme-reference-missing/${number}/${subject.actionCode ?? subject.sectionCode ?? line.number}`,
        title: `Verwijzing naar "${match[0]}", die niet bestaat`,
        description:
          `Het document verwijst naar "${match[0]}", maar kent de opgaven ${[...themeNumbers].join(', ')}.` +
          (number === 5
            ? ' Hoofdstuk 5 heet "Organisatie" en is geen opgave; bedoeld is vermoedelijk 5.2 Samenwerking (sociale kaart, actie 5.2 2.A).'
            : ''),
        sourceExcerpt: sentenceAround(line.text, match.index ?? 0),
        severity: 'WARNING',
        subject,
      });
    }
    for (const match of line.text.matchAll(/\bBijlage (\d+)\b/g)) {
      if (appendixHeadings.has(match[1]!)) continue;
      notes.push({
        key: `appendix-missing/${match[1]}`,
        title: `${match[0]} ontbreekt`,
        description: `Het document verwijst naar ${match[0]}, maar bevat die bijlage niet.`,
        sourceExcerpt: sentenceAround(line.text, match.index ?? 0),
        severity: 'WARNING',
        subject: subjectOfLine(context, line.number),
      });
    }
  }
  return notes;
}

function budgetNotes({ budget, rows, outline }: NoteContext): DataQualityNoteRecord[] {
  if (!budget) return [];
  const notes: DataQualityNoteRecord[] = [];
  const subject: NoteSubject = { sectionCode: '5.3' };
  const lineText = (number: number): string => outline.lines[number - 1]?.text.trim() ?? '';
  const totalText = lineText(budget.totalLine);

  for (const year of budget.years) {
    const sum = budget.lines.reduce((total, line) => total + (line.amountsInThousands[year] ?? 0), 0);
    const printed = budget.printedTotals[year];
    if (printed === null || printed === undefined || printed === sum) continue;
    // Lines whose amount this year differs from the same amount in every other year: likely typos.
    const outliers = budget.lines.filter((line) => {
      const others = budget.years.filter((y) => y !== year).map((y) => line.amountsInThousands[y]);
      const value = line.amountsInThousands[year];
      return value != null && others.every((other) => other != null && other === others[0] && other !== value);
    });
    notes.push({
      key: `budget-total-differs/${year}`,
      title: `Begroting ${year}: totaal klopt niet`,
      description:
        `De regels van ${year} tellen op tot ${sum} (x €1.000), de regel Totaal noemt ${printed}; verschil ${printed - sum}.` +
        outliers
          .map(
            (line) =>
              ` Regel ${line.actionCode} "${line.title}" heeft in ${year} ${line.amountsInThousands[year]}, in de andere jaren ${budget.years
                .filter((y) => y !== year)
                .map((y) => line.amountsInThousands[y])
                .join('/')}.`,
          )
          .join('') +
        ' Het register neemt de bedragen over zoals ze er staan.',
      sourceExcerpt: excerpt(...outliers.map((line) => lineText(line.sourceLine)), totalText),
      severity: 'ERROR',
      subject,
    });
  }

  const byCode = new Map<string, typeof budget.lines>();
  for (const line of budget.lines) byCode.set(line.actionCode, [...(byCode.get(line.actionCode) ?? []), line]);
  for (const [code, lines] of byCode) {
    const action = rows.find((row) => row.action.code === code)?.action;
    if (lines.length > 1) {
      notes.push({
        key: `budget-code-duplicate/${code}`,
        title: `Begroting: maatregel ${code} staat er ${lines.length} keer in`,
        description:
          `De begrotingstabel gebruikt code ${code} voor ${lines.map((l) => `"${l.title}"`).join(' en ')}.` +
          (action ? ` Actie ${code} in de actietabel is: "${action.description}".` : ''),
        sourceExcerpt: excerpt(...lines.map((l) => lineText(l.sourceLine))),
        severity: 'WARNING',
        subject: { ...subject, actionCode: action?.code },
      });
    }
    if (!action) {
      notes.push({
        key: `budget-action-missing/${code}`,
        title: `Begroting: maatregel ${code} heeft geen actie`,
        description: `De begrotingstabel noemt ${code}, maar geen actietabel heeft een actie met die code.`,
        sourceExcerpt: excerpt(...lines.map((l) => lineText(l.sourceLine))),
        severity: 'WARNING',
        subject,
      });
      continue;
    }
    // Money budgeted before the action starts contradicts the action's own timing.
    const startYear = action.startDate ? Number(action.startDate.slice(0, 4)) : null;
    for (const line of lines) {
      const early = budget.years.filter(
        (year) => startYear !== null && year < startYear && (line.amountsInThousands[year] ?? 0) > 0,
      );
      if (!early.length) continue;
      notes.push({
        key: `budget-before-start/${code}/${line.sourceLine}`,
        title: `Begroting ${code} begint vóór de actie`,
        description: `"${line.title}" heeft budget in ${early.join(', ')}, maar actie ${code} start volgens de actietabel pas in ${startYear} ("${action.timingText}").`,
        sourceExcerpt: excerpt(lineText(line.sourceLine), action.timingText ?? ''),
        severity: 'WARNING',
        subject: { ...subject, actionCode: code },
      });
    }
  }

  for (const line of outline.lines) {
    const index = line.text.search(/grijs gearceerde/);
    if (index < 0) continue;
    notes.push({
      key: 'budget-shading-lost',
      title: 'Begroting: arcering ontbreekt in de tekst',
      description:
        'De tekst onderscheidt grijs gearceerde (gedekt uit Rijksbijdragen) en zwart gearceerde uitgaven (extra ruimte nodig), maar de tabel in deze versie heeft geen arcering. De dekking per regel is daarom onbekend.',
      sourceExcerpt: line.text.slice(index - 'Voor '.length).trim(),
      severity: 'INFO',
      subject,
    });
  }
  return notes;
}

/** Sums the running text states; each is read from the text, so the check follows the source. */
export const FIGURE_CHECKS: readonly {
  key: string;
  sectionCode: string;
  pattern: RegExp;
  holds(n: number[]): boolean;
  claim: string;
}[] = [
  {
    key: '1.1-places-available',
    sectionCode: '1.1',
    pattern:
      /(\d+) opvangplekken beschikbaar\. Nijmegen heeft (\d+) reguliere, structurele opvangplekken .*? en (\d+) tijdelijke opvangplekken/,
    holds: ([total, regular, temporary]) => total === regular! + temporary!,
    claim: 'beschikbaar = regulier + tijdelijk',
  },
  {
    key: '1.1-places-to-add',
    sectionCode: '1.1',
    pattern:
      /opgave voor de Gemeente Nijmegen van (\d+) plekken .*? (\d+) opvangplekken beschikbaar\..*? nog (\d+) extra plekken/,
    holds: ([target, available, extra]) => target! - available! === extra,
    claim: 'taakstelling − beschikbaar = extra',
  },
  {
    key: '2.1-housing-total',
    sectionCode: '2.1',
    pattern:
      /achterstand van (\d+) personen .*? huisvestingstaakstelling van 2024 \((\d+)\) .*? 2024 in Nijmegen (\d+) statushouders/,
    holds: ([backlog, target, total]) => backlog! + target! === total,
    claim: 'achterstand + taakstelling = totale opgave',
  },
  {
    key: '3.1-civic-integration-count',
    sectionCode: '3.1',
    pattern: /ruim (\d+) inburgeraars \((\d+) statushouders en (\d+) gezinsmigranten\)/,
    holds: ([atLeast, refugees, family]) => refugees! + family! >= atLeast!,
    claim: '"ruim" totaal ≤ statushouders + gezinsmigranten',
  },
];

export function checkFigures(text: string): { key: string; found: boolean; holds: boolean; excerpt: string | null }[] {
  return FIGURE_CHECKS.map((check) => {
    const match = text.match(check.pattern);
    if (!match) return { key: check.key, found: false, holds: false, excerpt: null };
    return { key: check.key, found: true, holds: check.holds(match.slice(1).map(Number)), excerpt: match[0] };
  });
}

function figureNotes({ text }: NoteContext): DataQualityNoteRecord[] {
  return checkFigures(text)
    .filter((result) => result.found && !result.holds)
    .map((result) => {
      const check = FIGURE_CHECKS.find((c) => c.key === result.key)!;
      return {
        key: `figures-differ/${check.key}`,
        title: `Getallen in ${check.sectionCode} tellen niet op`,
        description: `Verwacht: ${check.claim}. De getallen in de tekst voldoen daar niet aan.`,
        sourceExcerpt: result.excerpt!,
        severity: 'ERROR' as const,
        subject: { sectionCode: check.sectionCode },
      };
    });
}

function contradictionNotes(context: NoteContext): DataQualityNoteRecord[] {
  const notes: DataQualityNoteRecord[] = [];
  // When does the national grant for bed-bad-brood stop? The introduction and 5.3 say
  // 1 January 2025; 4.1 calls it a chance after 2025.
  const find = (pattern: RegExp): { line: Line; sentence: string } | null => {
    for (const line of context.outline.lines) {
      const index = line.text.search(pattern);
      if (index >= 0) return { line, sentence: sentenceAround(line.text, index) };
    }
    return null;
  };
  const stopped = find(/vanaf 1 januari 2025 de bed-bad en brood-opvang niet meer/);
  const chance = find(/kans dat na 2025 de rijksbijdrage voor de Bed-Bad-Broodregeling/);
  const finance = find(/Rijksbijdrage voor bed-, bad- en brood wordt per 1 januari 2025 geheel stopgezet/);
  if (stopped && chance && finance) {
    notes.push({
      key: 'contradiction/bbb-rijksbijdrage',
      title: 'Tegenstrijdig: einde Rijksbijdrage bed-bad-brood',
      description:
        'De inleiding en 5.3 Financiën zeggen dat de Rijksbijdrage voor de bed-bad-broodopvang per 1 januari 2025 stopt; ' +
        '4.1 noemt het een kans dat die bijdrage na 2025 wordt beëindigd.',
      sourceExcerpt: excerpt(stopped.sentence, chance.sentence, finance.sentence),
      severity: 'WARNING',
      subject: subjectOfLine(context, chance.line.number),
    });
  }
  return notes;
}
