// The 5.3 budget table ("Verwachting benodigde budgettaire ruimte (x €1.000)") as printed: read
// for the checks in data-quality.ts (totals, codes) and turned into budget lines in exact cents
// by monitoring.ts.
import type { Line } from './document.js';
import type { BudgetLineRecord, BudgetTableRecord } from './records.js';

/** "1.645" is Dutch for one thousand six hundred and forty-five. */
const amount = (cell: string | undefined): number | null => {
  const text = (cell ?? '').trim();
  return text ? Number(text.replace(/\./g, '').replace(',', '.')) : null;
};

export function parseBudgetTable(lines: readonly Line[]): BudgetTableRecord | null {
  const headerIndex = lines.findIndex((line) => line.text.startsWith('MAATREGEL\t'));
  if (headerIndex < 0) return null;
  const years = lines[headerIndex]!.text.split('\t').slice(1).map(Number);

  const budgetLines: BudgetLineRecord[] = [];
  let sectionCode = '';
  let printedTotals: Record<number, number | null> = {};
  let totalLine = 0;
  for (const line of lines.slice(headerIndex + 1)) {
    const [label = '', ...amountCells] = line.text.split('\t');
    const amounts = Object.fromEntries(years.map((year, i) => [year, amount(amountCells[i])]));
    if (label === 'Totaal') {
      printedTotals = amounts;
      totalLine = line.number;
      continue;
    }
    // A row names its section ("2.1 2.B …") or continues the section above ("4.A …").
    const measure = label.match(/^(?:(\d\.\d) )?(\d+\.[A-Z]) (.+)$/);
    if (!measure) continue; // theme captions such as "2. HUISVESTING"
    if (measure[1]) sectionCode = measure[1];
    budgetLines.push({
      measureCode: measure[2]!,
      sectionCode,
      actionCode: `${sectionCode} ${measure[2]}`,
      title: measure[3]!.trim(),
      amountsInThousands: amounts,
      sourceLine: line.number,
    });
  }
  return { years, lines: budgetLines, printedTotals, totalLine };
}
