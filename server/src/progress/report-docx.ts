// The report as an editable Word document (docx), with real tables (fixed widths and borders,
// so LibreOffice lays them out as Word does).
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Block, ProgressReport } from './report.js';
import { columnWeights, reportBlocks } from './report.js';

const LEVEL = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
const border = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
const borders = { top: border, bottom: border, left: border, right: border };

function cell(text: string, header: boolean, width: number): TableCell {
  return new TableCell({
    borders,
    width: { size: width, type: WidthType.PERCENTAGE },
    children: text
      .split('\n')
      .map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: header, size: 18 })] })),
  });
}

function table(block: Extract<Block, { kind: 'table' }>): Table {
  const weights = columnWeights(block.header);
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / sum) * 100));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: block.header.map((h, i) => cell(h, true, widths[i]!)) }),
      ...block.rows.map((row) => new TableRow({ children: row.map((text, i) => cell(text, false, widths[i]!)) })),
    ],
  });
}

export function reportDocx(report: ProgressReport): Promise<Buffer> {
  const children = reportBlocks(report).flatMap((block) => {
    if (block.kind === 'heading') return [new Paragraph({ heading: LEVEL[block.level], text: block.text })];
    if (block.kind === 'paragraph') return [new Paragraph({ alignment: AlignmentType.LEFT, text: block.text })];
    return [table(block), new Paragraph({ text: '' })];
  });
  const doc = new Document({
    creator: 'Gemeente Nijmegen - Welkom',
    title: report.title,
    language: 'nl-NL',
    sections: [{ children }],
  } as ConstructorParameters<typeof Document>[0]);
  return Packer.toBuffer(doc);
}
