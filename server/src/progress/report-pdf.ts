// The same report as PDF, drawn with pdfkit (built-in Helvetica: nothing is downloaded, and no
// office suite is needed at run time).
import PDFDocument from 'pdfkit';
import type { Block, ProgressReport } from './report.js';
import { columnWeights, reportBlocks } from './report.js';

const SIZE = { 1: 15, 2: 12.5, 3: 11 } as const;

function drawTable(doc: PDFKit.PDFDocument, block: Extract<Block, { kind: 'table' }>) {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const weights = columnWeights(block.header);
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => (w / sum) * width);
  const drawRow = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
    const heights = cells.map((text, i) => doc.heightOfString(text || ' ', { width: widths[i]! - 6 }));
    const height = Math.max(...heights) + 6;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const top = doc.y;
    let x = left;
    cells.forEach((text, i) => {
      doc.rect(x, top, widths[i]!, height).strokeColor('#999999').lineWidth(0.5).stroke();
      doc.fillColor('black').text(text || ' ', x + 3, top + 3, { width: widths[i]! - 6 });
      x += widths[i]!;
    });
    doc.x = left;
    doc.y = top + height;
  };
  drawRow(block.header, true);
  for (const row of block.rows) drawRow(row, false);
  doc.moveDown(0.8);
}

export function reportPdf(report: ProgressReport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 50, bottom: 50, left: 50, right: 50 },
    info: { Title: report.title, Author: 'Gemeente Nijmegen' },
    lang: 'nl-NL',
  } as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const block of reportBlocks(report)) {
    const left = doc.page.margins.left;
    if (block.kind === 'heading') {
      doc.moveDown(0.5).font('Helvetica-Bold').fontSize(SIZE[block.level]).text(block.text, left, doc.y);
      doc.moveDown(0.3);
    } else if (block.kind === 'paragraph') {
      doc.font('Helvetica').fontSize(10).text(block.text, left, doc.y).moveDown(0.5);
    } else {
      drawTable(doc, block);
    }
  }
  doc.end();
  return done;
}
