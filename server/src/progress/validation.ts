// Checks on what people type into a round or an update; each refusal names its field, in Dutch
// and English, and comes before anything is written.
import type { ActionStatus, ProgressAssessment } from '@welkom/db';
import { type FieldError, badUserInput } from '../crud/errors.js';
import { type MeasurementInput, checkMeasurements } from './measurements.js';

export interface UpdateInput {
  status?: ActionStatus | null;
  assessment?: ProgressAssessment | null;
  happened?: string | null;
  nextSteps?: string | null;
  risks?: string | null;
  percentComplete?: number | null;
  milestones?: string[] | null;
  evidenceLinks?: string[] | null;
  /** New measurements for indicators the action feeds; given, they replace the draft's. */
  measurements?: MeasurementInput[] | null;
}

const TEXT_MAX = 10_000;

export function checkUpdateInput(input: UpdateInput, submitting: boolean): UpdateInput {
  const errors: FieldError[] = [];
  const percent = input.percentComplete;
  if (percent !== null && percent !== undefined && (!Number.isInteger(percent) || percent < 0 || percent > 100)) {
    errors.push({
      field: 'input.percentComplete',
      reason: 'out_of_range',
      message: 'Het percentage moet een geheel getal van 0 tot en met 100 zijn.',
      messageEn: 'The percentage must be a whole number from 0 to 100.',
    });
  }
  for (const field of ['happened', 'nextSteps', 'risks'] as const) {
    if ((input[field]?.length ?? 0) > TEXT_MAX) {
      errors.push({
        field: `input.${field}`,
        reason: 'too_long',
        message: `Te lang (max. ${TEXT_MAX} tekens).`,
        messageEn: `Too long (max ${TEXT_MAX} characters).`,
      });
    }
  }
  if ((input.milestones?.length ?? 0) > 50)
    errors.push({
      field: 'input.milestones',
      reason: 'too_long',
      message: 'Ten hoogste 50 mijlpalen.',
      messageEn: 'At most 50 milestones.',
    });
  (input.evidenceLinks ?? []).forEach((link, index) => {
    if (!/^https?:\/\/\S{1,1990}$/.test(link)) {
      errors.push({
        field: `input.evidenceLinks.${index}`,
        reason: 'invalid_format',
        message: 'Een link begint met http:// of https://.',
        messageEn: 'A link starts with http:// or https://.',
      });
    }
  });
  if ((input.evidenceLinks?.length ?? 0) > 20)
    errors.push({
      field: 'input.evidenceLinks',
      reason: 'too_long',
      message: 'Ten hoogste 20 links.',
      messageEn: 'At most 20 links.',
    });
  errors.push(...checkMeasurements(input.measurements));
  if (submitting) {
    if (!input.status)
      errors.push({
        field: 'input.status',
        reason: 'required',
        message: 'Een status is verplicht bij indienen (kies "Onbekend" als niemand het weet).',
        messageEn: 'A status is required to submit (choose UNKNOWN when nobody knows).',
      });
    if (!input.assessment)
      errors.push({
        field: 'input.assessment',
        reason: 'required',
        message: 'Een beoordeling is verplicht bij indienen.',
        messageEn: 'An assessment is required to submit.',
      });
    if (!input.happened?.trim())
      errors.push({
        field: 'input.happened',
        reason: 'required',
        message: 'Beschrijf wat er is gebeurd.',
        messageEn: 'Describe what happened.',
      });
  }
  if (errors.length) throw badUserInput(errors);
  return input;
}

export interface RoundInput {
  title: string;
  periodStart: Date;
  periodEnd: Date;
  dueOn: Date;
  actionIds?: string[] | null;
}

export function checkRoundInput(input: RoundInput): RoundInput {
  const errors: FieldError[] = [];
  const title = input.title.trim();
  if (!title || title.length > 200)
    errors.push({
      field: 'input.title',
      reason: 'required',
      message: 'Een titel van 1 tot 200 tekens is verplicht.',
      messageEn: 'A title of 1 to 200 characters is required.',
    });
  if (input.periodEnd.getTime() < input.periodStart.getTime()) {
    errors.push({
      field: 'input.periodEnd',
      reason: 'out_of_range',
      message: 'Het einde van de periode ligt voor het begin.',
      messageEn: 'The period ends before it starts.',
    });
  }
  if (input.dueOn.getTime() < input.periodStart.getTime()) {
    errors.push({
      field: 'input.dueOn',
      reason: 'out_of_range',
      message: 'De uiterste datum ligt voor het begin van de ronde.',
      messageEn: "The due date is before the round's start.",
    });
  }
  if ((input.actionIds?.length ?? 0) > 1000)
    errors.push({
      field: 'input.actionIds',
      reason: 'too_long',
      message: 'Te veel acties.',
      messageEn: 'Too many actions.',
    });
  if (errors.length) throw badUserInput(errors);
  return { ...input, title };
}
