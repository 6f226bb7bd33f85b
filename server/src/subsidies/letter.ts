// The decision letter (beschikking) of a grant or a rejection, as a PDF made from the
// application's data: applicant, activity, amount, the grounds, and how to object (Awb 6:7:
// bezwaar within six weeks). pdfkit with its built-in Helvetica: nothing is downloaded.
import PDFDocument from 'pdfkit';
import { formatDate } from './calendar.js';

export interface LetterData {
  reference: string;
  decision: 'GRANTED' | 'REJECTED';
  decidedOn: Date;
  grounds: string;
  scheme: { name: string; year: number; isDemo: boolean };
  applicant: { name: string };
  contactName: string | null;
  activity: string;
  plannedStartOn: Date | null;
  plannedEndOn: Date | null;
  requestedCents: number;
  grantedCents: number | null;
  receivedOn: Date | null;
  budgetLines: { description: string; amountCents: number }[];
}

const euro = (cents: number) =>
  new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }).format(cents / 100);
const longDate = (date: Date) =>
  new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);

export const OBJECTION_CLAUSE =
  'Bent u het niet eens met dit besluit? Dan kunt u binnen zes weken na de dag waarop dit besluit is verzonden ' +
  'bezwaar maken bij het college van burgemeester en wethouders van Nijmegen (artikelen 6:7 en 6:8 van de ' +
  'Algemene wet bestuursrecht). Zet in uw bezwaarschrift ten minste uw naam en adres, de datum, het kenmerk van ' +
  'dit besluit en waarom u het er niet mee eens bent, en onderteken het (artikel 6:5 Awb). Stuur het naar: ' +
  'College van burgemeester en wethouders van Nijmegen, Postbus 9105, 6500 HG Nijmegen. Het indienen van een ' +
  'bezwaarschrift schorst de werking van dit besluit niet.';

export function decisionLetter(data: LetterData): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 60, bottom: 60, left: 70, right: 70 },
    info: {
      Title: `Beschikking ${data.reference}`,
      Author: 'Gemeente Nijmegen',
      Subject: `Subsidie ${data.scheme.name}`,
      // The letter is a function of the decision: the same bytes every time it is made.
      CreationDate: data.decidedOn,
      ModDate: data.decidedOn,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 140;
  doc.font('Helvetica-Bold').fontSize(16).text('Gemeente Nijmegen');
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor('#555')
    .text('Uitvoeringsprogramma Asiel & Integratie 2025-2028 · actie 3.5 2.A');
  if (data.scheme.isDemo) {
    doc.moveDown(0.5).font('Helvetica-Bold').fontSize(10).fillColor('#b00020').text('DEMO - geen echt besluit');
  }
  doc.fillColor('black').moveDown(1.5).font('Helvetica').fontSize(10);
  doc.text(data.applicant.name);
  if (data.contactName) doc.text(`t.a.v. ${data.contactName}`);
  doc.moveDown(1.2);

  const row = (label: string, value: string) => {
    const y = doc.y;
    doc.font('Helvetica-Bold').text(label, 70, y, { width: 130 });
    doc.font('Helvetica').text(value, 200, y, { width: width - 130 });
    doc.x = 70;
  };
  row('Datum', longDate(data.decidedOn));
  row('Kenmerk', data.reference);
  row('Onderwerp', `Besluit op uw aanvraag subsidie ${data.scheme.name}`);
  doc.moveDown(1.2);

  const granted = data.decision === 'GRANTED';
  doc.text('Geachte heer, mevrouw,').moveDown(0.6);
  doc.text(
    `Op ${data.receivedOn ? longDate(data.receivedOn) : '(datum onbekend)'} ontvingen wij uw aanvraag voor subsidie uit de regeling ` +
      `"${data.scheme.name}" (${data.scheme.year}) voor de activiteit "${data.activity}"` +
      (data.plannedStartOn
        ? `, gepland van ${longDate(data.plannedStartOn)}${data.plannedEndOn ? ` tot en met ${longDate(data.plannedEndOn)}` : ''}`
        : '') +
      `. U vroeg ${euro(data.requestedCents)} aan.`,
    { align: 'left' },
  );
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text('Besluit');
  doc.font('Helvetica').fontSize(10).moveDown(0.3);
  doc.text(
    granted
      ? `Wij verlenen u een subsidie van ${euro(data.grantedCents ?? 0)} voor deze activiteit.` +
          (data.grantedCents !== null && data.grantedCents < data.requestedCents
            ? ` Dat is minder dan u aanvroeg (${euro(data.requestedCents)}).`
            : '')
      : 'Wij wijzen uw aanvraag af.',
  );
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text('Motivering');
  doc.font('Helvetica').fontSize(10).moveDown(0.3).text(data.grounds);

  if (data.budgetLines.length) {
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text('Uw begroting');
    doc.font('Helvetica').fontSize(10).moveDown(0.3);
    for (const line of data.budgetLines) {
      const y = doc.y;
      doc.text(line.description, 70, y, { width: width - 110 });
      const after = doc.y;
      doc.text(euro(line.amountCents), 70 + width - 100, y, { width: 100, align: 'right' });
      doc.x = 70;
      doc.y = Math.max(after, doc.y);
    }
    const y = doc.y + 2;
    doc
      .moveTo(70, y)
      .lineTo(70 + width, y)
      .stroke();
    doc.y = y + 4;
    doc.font('Helvetica-Bold').text('Totaal aangevraagd', 70, doc.y, { continued: false, width: width - 110 });
    doc.text(euro(data.requestedCents), 70 + width - 100, doc.y - doc.currentLineHeight(), {
      width: 100,
      align: 'right',
    });
    doc.x = 70;
    doc.font('Helvetica');
  }

  if (granted) {
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text('Verplichtingen');
    doc
      .font('Helvetica')
      .fontSize(10)
      .moveDown(0.3)
      .text(
        'U voert de activiteit uit zoals in uw aanvraag beschreven. Na afloop legt u verantwoording af over de uitgevoerde ' +
          'activiteit en de werkelijke kosten. Daarna stellen wij de subsidie vast; dat bedrag kan lager zijn dan het verleende ' +
          'bedrag, en wat u te veel ontving vorderen wij dan terug.',
      );
  }

  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text('Bezwaar');
  doc.font('Helvetica').fontSize(10).moveDown(0.3).text(OBJECTION_CLAUSE);
  doc.moveDown(1.2).text('Met vriendelijke groet,').moveDown(0.3);
  doc.text('het college van burgemeester en wethouders van Nijmegen,');
  doc.text('namens dit college, de subsidieadviseur');
  doc
    .moveDown(1)
    .fontSize(8)
    .fillColor('#555')
    .text(`Besluit van ${formatDate(data.decidedOn)}, kenmerk ${data.reference}.`);
  doc.end();
  return done;
}
