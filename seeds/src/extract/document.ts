// The document's outline: table of contents, themes, sections and the blocks inside each
// section, by line. Everything later (goals, actions, notes) reads from this outline, and
// every block keeps its line numbers so a note can quote the source.

export interface Line {
  /** 1-based, as an editor shows it. */
  number: number;
  text: string;
}

export type SectionPart = 'background' | 'currentState' | 'goals' | 'actions';

export interface SectionBlock {
  code: string;
  themeNumber: number;
  title: string;
  heading: Line;
  background: Line[];
  currentState: Line[];
  goals: Line[];
  /** Rows of the "ACTIES" tables, without their header line. */
  actionRows: Line[];
  /** Tab-separated lines outside an action table (the 5.3 budget table). */
  otherTableLines: Line[];
  /** Text after an action table that belongs to no block; reported, never dropped. */
  unplaced: Line[];
}

export interface ThemeBlock {
  number: number;
  name: string;
  heading: Line;
  /** Lines between the heading and the first section. */
  intro: Line[];
  sections: SectionBlock[];
}

export interface DocumentOutline {
  lines: Line[];
  /** Titles as the table of contents prints them, by section code. */
  tocSectionTitles: Map<string, Line & { title: string }>;
  /** Theme names as the table of contents prints them, by number. */
  tocThemeNames: Map<number, Line & { name: string }>;
  /** Theme names in the introduction's list ("- Opgave 4: …"), by number. */
  introThemeNames: Map<number, Line & { name: string }>;
  themes: ThemeBlock[];
}

const THEME_HEADING = /^Opgave ([1-4]) (\S.*)$/;
// Chapter 5 has no "Opgave" in its heading: the document calls it just "Organisatie".
const ORGANISATION_HEADING = /^Organisatie$/;
const SECTION_HEADING = /^([1-5])\.([1-9]) (\S[^\t]*)$/;
const SUBHEADINGS: [RegExp, SectionPart][] = [
  [/^Achtergrond: hoe ziet de opgave eruit\?$/, 'background'],
  [/^Ontwikkelingen: hoe staan we ervoor\?$/, 'currentState'],
  [/^(?:Doelstellingen|Doelen): wat willen we bereiken\?$/, 'goals'],
  [/^ACTIES: WAT GAAN WE DOEN\?$/, 'actions'],
];
export const ACTION_TABLE_HEADER = /^Doel:\t/;

export function toLines(text: string): Line[] {
  // Trailing tabs are kept: an empty last cell is still a cell.
  return text.split(/\n/).map((line, index) => ({ number: index + 1, text: line.replace(/\r$/, '') }));
}

export function outlineDocument(text: string): DocumentOutline {
  const lines = toLines(text);
  const bodyStart = lines.findIndex((line) => THEME_HEADING.test(line.text));
  if (bodyStart < 0) throw new Error('No "Opgave 1" heading found: is this the programme document?');

  const tocSectionTitles = new Map<string, Line & { title: string }>();
  const tocThemeNames = new Map<number, Line & { name: string }>();
  const introThemeNames = new Map<number, Line & { name: string }>();
  for (const line of lines.slice(0, bodyStart)) {
    const tocTheme = line.text.match(/^\d+ OPGAVE (\d) \*\*(.+)\*\*$/);
    if (tocTheme) tocThemeNames.set(Number(tocTheme[1]), { ...line, name: tocTheme[2]! });
    if (/^\d+ ORGANISATIE$/.test(line.text)) tocThemeNames.set(5, { ...line, name: 'ORGANISATIE' });
    const tocSection = line.text.match(SECTION_HEADING);
    if (tocSection) tocSectionTitles.set(`${tocSection[1]}.${tocSection[2]}`, { ...line, title: tocSection[3]! });
    const intro = line.text.match(/^- Opgave (\d): (.+)$/);
    if (intro) introThemeNames.set(Number(intro[1]), { ...line, name: intro[2]! });
  }

  const themes: ThemeBlock[] = [];
  let theme: ThemeBlock | undefined;
  let section: SectionBlock | undefined;
  let part: SectionPart = 'background';
  let inActionTable = false;

  for (const line of lines.slice(bodyStart)) {
    const themeHeading = line.text.match(THEME_HEADING);
    if (themeHeading || ORGANISATION_HEADING.test(line.text)) {
      const number = themeHeading ? Number(themeHeading[1]) : 5;
      theme = { number, name: themeHeading ? themeHeading[2]! : line.text, heading: line, intro: [], sections: [] };
      themes.push(theme);
      section = undefined;
      continue;
    }
    if (!theme) continue;
    const sectionHeading = line.text.match(SECTION_HEADING);
    if (sectionHeading && Number(sectionHeading[1]) === theme.number) {
      section = {
        code: `${sectionHeading[1]}.${sectionHeading[2]}`,
        themeNumber: theme.number,
        title: sectionHeading[3]!,
        heading: line,
        background: [],
        currentState: [],
        goals: [],
        actionRows: [],
        otherTableLines: [],
        unplaced: [],
      };
      theme.sections.push(section);
      part = 'background';
      inActionTable = false;
      continue;
    }
    if (!section) {
      theme.intro.push(line);
      continue;
    }
    const subheading = SUBHEADINGS.find(([pattern]) => pattern.test(line.text));
    if (subheading) {
      part = subheading[1];
      inActionTable = false;
      continue;
    }
    if (ACTION_TABLE_HEADER.test(line.text)) {
      inActionTable = true;
      continue;
    }
    if (inActionTable) {
      // A table ends at the first blank line.
      if (line.text.trim() === '') inActionTable = false;
      else section.actionRows.push(line);
      continue;
    }
    if (line.text.includes('\t')) {
      section.otherTableLines.push(line);
      continue;
    }
    if (part !== 'actions') section[part].push(line);
    else if (line.text.trim() !== '') section.unplaced.push(line);
  }
  return { lines, tocSectionTitles, tocThemeNames, introThemeNames, themes };
}

/** Paragraphs as in the source: non-empty lines, separated by a blank line; null if none. */
export function paragraphs(lines: readonly Line[]): string | null {
  const text = lines
    .map((line) => line.text.trim())
    .filter(Boolean)
    .join('\n\n');
  return text || null;
}
