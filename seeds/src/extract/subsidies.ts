// The subsidy scheme the document names (action 3.5 2.A): "We bieden de mogelijkheid aan
// migrantenorganisaties om gesubsidieerd te worden voor het organiseren van themabijeenkomsten",
// timed "2025". The document gives no ceiling, maximum, window or decision term: the scheme is
// imported with its ceiling empty (nothing can be granted until one is set) and a note says so.
import type { ActionRecord, DataQualityNoteRecord, SubsidyRecords } from './records.js';

export const THEME_MEETINGS_ACTION = '3.5 2.A';

export function extractSubsidies(actions: readonly ActionRecord[]): SubsidyRecords {
  const action = actions.find((a) => a.code === THEME_MEETINGS_ACTION && /gesubsidieerd/i.test(a.description));
  if (!action) return { schemes: [], notes: [] };
  const year = Number(/\b(20\d\d)\b/.exec(action.timingText ?? '')?.[1] ?? action.startDate?.slice(0, 4));
  const name = `Subsidie themabijeenkomsten migrantenorganisaties ${year}`;
  const note: DataQualityNoteRecord = {
    key: `subsidy-ceiling-unknown/${action.code}`,
    title: 'Subsidieregeling zonder plafond',
    description:
      `Actie ${action.code} noemt een subsidie voor themabijeenkomsten van migrantenorganisaties (${action.timingText ?? 'zonder tijdsaanduiding'}), ` +
      'maar het document geeft geen subsidieplafond, geen maximum per aanvraag, geen aanvraagperiode en geen beslistermijn. ' +
      `De regeling "${name}" is zonder plafond geladen: zolang dat leeg is, kan er niets worden verleend. ` +
      'Als beslistermijn geldt de termijn van de Awb (acht weken, artikel 4:13).',
    sourceExcerpt: action.description,
    severity: 'WARNING',
    subject: { actionCode: action.code },
  };
  return {
    schemes: [{ name, year, description: action.description, actionCode: action.code }],
    notes: [note],
  };
}
