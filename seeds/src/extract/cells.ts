// Table cells arrive as flattened HTML fragments: `<ul style="list-style-type: none">` with
// items separated by "•" or " - ". These helpers turn them into text and lists.

const LIST_TAGS = /<\/?(?:ul|ol|li)\b[^>]*>/gi;

/** The cell without list markup, whitespace collapsed; null when nothing is left. */
export function cellText(cell: string | undefined): string | null {
  const text = (cell ?? '').replace(LIST_TAGS, ' ').replace(/\s+/g, ' ').trim();
  return text || null;
}

/**
 * The items of a list cell. Bullets ("•") win; a cell that starts with "- " is a dash list,
 * split only at " - " so hyphenated words ("Omgevings-management") stay whole. A trailing ";"
 * is list punctuation, not content.
 */
export function cellItems(cell: string | undefined): string[] {
  const text = cellText(cell);
  if (!text) return [];
  let items: string[];
  if (text.includes('•')) items = text.split('•');
  else if (text.startsWith('- ')) items = ` ${text}`.split(/\s-\s/);
  else items = [text];
  return items.map((item) => item.trim().replace(/;$/, '').trim()).filter((item) => item.length > 0);
}

/** An activity cell: the lead text, and any bullet items each on a line of their own. */
export function activityText(cell: string): string {
  const text = cellText(cell) ?? '';
  const [lead = '', ...bullets] = text.split('•').map((part) => part.trim());
  return [lead, ...bullets.filter(Boolean).map((item) => `• ${item}`)].join('\n');
}
