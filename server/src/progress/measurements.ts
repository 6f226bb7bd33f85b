// New indicator measurements in a progress update. An action feeds the indicators of its own
// section (Indicator.sectionId = the action's goal's section): those are the figures its owner
// can speak for. A draft or submission replaces the update's list whole; accepting the update
// turns each one into a Measurement of the indicator, with the round and action as its source.
import type { Prisma, ProgressUpdate } from '@welkom/db';
import { type FieldError, badUserInput } from '../crud/errors.js';
import { checkId } from '../crud/validation.js';

type Tx = Prisma.TransactionClient;

export interface MeasurementInput {
  indicatorId: string;
  date: Date;
  value: number;
  comment?: string | null;
}

export const MAX_MEASUREMENTS = 50;

/** Shape checks that need no database: ids, finite values, one value per indicator and date. */
export function checkMeasurements(list: MeasurementInput[] | null | undefined): FieldError[] {
  if (!list) return [];
  const errors: FieldError[] = [];
  if (list.length > MAX_MEASUREMENTS) {
    errors.push({
      field: 'input.measurements',
      reason: 'too_long',
      message: `Ten hoogste ${MAX_MEASUREMENTS} metingen.`,
      messageEn: `At most ${MAX_MEASUREMENTS} measurements.`,
    });
  }
  const seen = new Set<string>();
  list.forEach((m, index) => {
    const at = `input.measurements.${index}`;
    checkId(m.indicatorId, `${at}.indicatorId`);
    if (!Number.isFinite(m.value)) {
      errors.push({
        field: `${at}.value`,
        reason: 'invalid',
        message: 'De waarde moet een getal zijn.',
        messageEn: 'The value must be a number.',
      });
    }
    if ((m.comment?.length ?? 0) > 2000) {
      errors.push({
        field: `${at}.comment`,
        reason: 'too_long',
        message: 'Te lang (max. 2000 tekens).',
        messageEn: 'Too long (max 2000 characters).',
      });
    }
    const key = `${m.indicatorId}|${m.date.toISOString().slice(0, 10)}`;
    if (seen.has(key)) {
      errors.push({
        field: `${at}.date`,
        reason: 'duplicate',
        message: 'Dit kengetal heeft al een meting op deze datum in deze rapportage.',
        messageEn: 'This indicator already has a measurement on this date in this update.',
      });
    }
    seen.add(key);
  });
  return errors;
}

/** The indicators an action feeds: those of its section. */
export async function indicatorsFedBy(tx: Tx, actionId: string) {
  const action = await tx.action.findUniqueOrThrow({
    where: { id: actionId },
    select: { goal: { select: { sectionId: true } } },
  });
  return tx.indicator.findMany({
    where: { sectionId: action.goal.sectionId },
    select: { id: true, code: true, name: true, unit: true },
    orderBy: { code: 'asc' },
  });
}

/** Replaces the update's measurements; refuses an indicator the action does not feed. */
export async function replaceMeasurements(
  tx: Tx,
  update: Pick<ProgressUpdate, 'id' | 'actionId'>,
  list: MeasurementInput[],
) {
  const fed = new Set((await indicatorsFedBy(tx, update.actionId)).map((i) => i.id));
  const errors: FieldError[] = list.flatMap((m, index) =>
    fed.has(m.indicatorId)
      ? []
      : [
          {
            field: `input.measurements.${index}.indicatorId`,
            reason: 'not_fed',
            message: 'Deze actie voedt dit kengetal niet: alleen kengetallen van het eigen onderdeel.',
            messageEn: 'This action does not feed this indicator: only indicators of its own section.',
          },
        ],
  );
  if (errors.length) throw badUserInput(errors);
  await tx.progressMeasurement.deleteMany({ where: { updateId: update.id } });
  if (list.length) {
    await tx.progressMeasurement.createMany({
      data: list.map((m) => ({
        updateId: update.id,
        indicatorId: m.indicatorId,
        date: m.date,
        value: m.value,
        comment: m.comment?.trim() || null,
      })),
    });
  }
}

/** On acceptance: each reported measurement becomes a Measurement of its indicator. */
export async function adoptMeasurements(tx: Tx, updateId: string, source: string) {
  const reported = await tx.progressMeasurement.findMany({
    where: { updateId, measurementId: null },
    orderBy: { createdAt: 'asc' },
  });
  const adopted = [];
  for (const m of reported) {
    const measurement = await tx.measurement.create({
      data: { indicatorId: m.indicatorId, date: m.date, value: m.value, comment: m.comment, sourceText: source },
    });
    await tx.progressMeasurement.update({ where: { id: m.id }, data: { measurementId: measurement.id } });
    adopted.push(measurement);
  }
  return adopted;
}
