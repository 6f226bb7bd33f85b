// A draft's budget and a scheme's limits: the two money operations outside the transition table.
import type { Context } from '../context.js';
import { type FieldError, badUserInput, conflict, notFound, staleVersion } from '../crud/errors.js';
import { checkId } from '../crud/validation.js';
import { updateAudited } from '../crud/write.js';
import { db } from '../db.js';
import { identityId } from './access.js';
import { amountError, checkReason, committedCents, euro } from './transitions.js';
import { allowedTransitions } from './workflow.js';
import { apiError } from '../api-error.js';

export interface BudgetLine {
  description: string;
  amountCents: number;
}

/** The limits that bind every grant: they change only through setSubsidySchemeLimits. */
export const SCHEME_LIMITS = ['ceilingCents', 'maxPerApplicationCents', 'fourEyesThresholdCents'] as const;
export type SchemeLimit = (typeof SCHEME_LIMITS)[number];

/** Replaces the budget of a draft application; the requested amount becomes the sum. */
export async function setBudget(
  args: { id: string; lines: readonly BudgetLine[]; expectedVersion: number },
  context: Pick<Context, 'identity' | 'requestId'>,
  query: object = {},
) {
  checkId(args.id);
  const errors: FieldError[] = [];
  if (args.lines.length > 100)
    errors.push({
      field: 'lines',
      reason: 'too_long',
      message: 'Ten hoogste 100 regels.',
      messageEn: 'At most 100 lines.',
    });
  args.lines.forEach((line, index) => {
    if (!line.description.trim() || line.description.length > 300) {
      errors.push({
        field: `lines.${index}.description`,
        reason: 'invalid_format',
        message: 'Omschrijving ontbreekt of is te lang (max. 300).',
        messageEn: 'Description missing or too long (max 300).',
      });
    }
    if (!Number.isInteger(line.amountCents) || line.amountCents < 0) {
      errors.push({
        field: `lines.${index}.amountCents`,
        reason: 'out_of_range',
        message: 'Het bedrag moet 0 of meer eurocent zijn.',
        messageEn: 'The amount must be 0 or more euro cents.',
      });
    }
  });
  if (errors.length) throw badUserInput(errors);
  const total = args.lines.reduce((sum, line) => sum + line.amountCents, 0);
  if (total > 2_000_000_000)
    throw amountError('lines', 'out_of_range', 'De begroting is te hoog.', 'The budget is too high.');
  return db().$transaction(async (tx) => {
    const before = await tx.subsidyApplication.findUnique({
      where: { id: args.id },
      include: { budgetLines: { orderBy: { sortOrder: 'asc' } } },
    });
    if (!before) throw notFound('SubsidyApplication', args.id);
    if (before.version !== args.expectedVersion)
      throw staleVersion('SubsidyApplication', args.id, args.expectedVersion, before.version);
    if (before.state !== 'DRAFT') {
      throw apiError(
        'TRANSITION_NOT_ALLOWED',
        'De begroting ligt vast zodra de aanvraag is ingediend.',
        'The budget is fixed once the application is submitted.',
        { transition: 'setBudget', state: before.state, allowed: allowedTransitions(before, identityId(context)) },
      );
    }
    // The new lines are exactly those given, so the after-snapshot takes them from here, not from a read.
    const newLines = args.lines.map((line, index) => ({
      applicationId: args.id,
      description: line.description.trim(),
      amountCents: line.amountCents,
      sortOrder: index,
    }));
    const lines = (rows: { description: string; amountCents: number }[]) =>
      rows.map(({ description, amountCents }) => ({ description, amountCents }));
    let answer: unknown;
    await updateAudited(tx, {
      model: 'SubsidyApplication',
      id: args.id,
      expectedVersion: args.expectedVersion,
      data: { requestedCents: total },
      context,
      operation: 'SET_BUDGET',
      before: { ...before, budgetLines: lines(before.budgetLines) },
      afterExtra: { budgetLines: lines(newLines) },
      beforeAudit: async () => {
        await tx.subsidyBudgetLine.deleteMany({ where: { applicationId: args.id } });
        await tx.subsidyBudgetLine.createMany({ data: newLines });
        answer = await tx.subsidyApplication.findUniqueOrThrow({ ...query, where: { id: args.id } });
      },
    });
    return answer as Awaited<ReturnType<typeof tx.subsidyApplication.findUniqueOrThrow>>;
  });
}

/** Changes a scheme's limits, refusing a ceiling below what is granted or a threshold that skips a pending proposal. */
export async function setSchemeLimits(
  args: {
    id: string;
    expectedVersion: number;
    input: Partial<Record<SchemeLimit, number | null | undefined>>;
    reason: string;
  },
  context: Pick<Context, 'identity' | 'requestId'>,
  query: object = {},
) {
  checkId(args.id);
  const reason = checkReason(args.reason);
  const input = args.input as Partial<Record<(typeof SCHEME_LIMITS)[number], number | null>>;
  const given = SCHEME_LIMITS.filter((field) => field in input);
  const errors: FieldError[] = [];
  if (!given.length)
    errors.push({
      field: 'input',
      reason: 'required',
      message: 'Geef minstens één grens op.',
      messageEn: 'Give at least one limit.',
    });
  for (const field of given) {
    const value = input[field];
    if (value !== null && value !== undefined && (!Number.isInteger(value) || value < 0)) {
      errors.push({
        field: `input.${field}`,
        reason: 'out_of_range',
        message: 'Het bedrag moet 0 of meer eurocent zijn.',
        messageEn: 'The amount must be 0 or more euro cents.',
      });
    }
  }
  if (errors.length) throw badUserInput(errors);
  return db().$transaction(async (tx) => {
    // The lock grants take: no grant can slip in between these checks and the change.
    const locked = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM "SubsidyScheme" WHERE id = ${args.id}::uuid FOR UPDATE`;
    if (!locked.length) throw notFound('SubsidyScheme', args.id);
    const before = await tx.subsidyScheme.findUniqueOrThrow({ where: { id: args.id } });
    if (before.version !== args.expectedVersion)
      throw staleVersion('SubsidyScheme', args.id, args.expectedVersion, before.version);
    const next = { ...Object.fromEntries(SCHEME_LIMITS.map((field) => [field, before[field]])), ...input } as Record<
      (typeof SCHEME_LIMITS)[number],
      number | null
    >;
    const committed = await committedCents(tx, args.id);
    if ('ceilingCents' in input && committed > 0 && (next.ceilingCents === null || next.ceilingCents < committed)) {
      throw apiError(
        'CEILING_EXCEEDED',
        `Er is al ${euro(committed)} verleend; het plafond kan niet lager (of onbekend) worden.`,
        `${committed} cents are already granted; the ceiling cannot go below that (or become unknown).`,
        { reason: 'below_granted', grantedCents: committed, ceilingCents: next.ceilingCents },
      );
    }
    // A proposal above the old threshold waits for a second officer; a threshold that would let
    // its author simply grant it instead is refused until that proposal is decided.
    if ('fourEyesThresholdCents' in input && before.fourEyesThresholdCents !== null) {
      const threshold = next.fourEyesThresholdCents;
      const skipping = await tx.subsidyApplication.findMany({
        where: {
          schemeId: args.id,
          state: 'IN_REVIEW',
          proposedCents: { gt: before.fourEyesThresholdCents, ...(threshold === null ? {} : { lte: threshold }) },
        },
        select: { reference: true, proposedCents: true },
        orderBy: { reference: 'asc' },
      });
      if (skipping.length) {
        const references = skipping.map((application) => application.reference);
        throw conflict(
          'pending_proposals',
          `Deze vier-ogengrens zou ${references.length} openstaand(e) voorstel(len) (${references.join(', ')}) zonder tweede goedkeuring laten verlenen; beslis eerst over die voorstellen.`,
          `This four-eyes threshold would let ${references.length} pending proposal(s) (${references.join(', ')}) be granted without a second approval; decide on them first.`,
          { entity: 'SubsidyScheme', id: args.id, references, thresholdCents: threshold },
        );
      }
    }
    let answer: unknown;
    await updateAudited(tx, {
      model: 'SubsidyScheme',
      id: args.id,
      expectedVersion: args.expectedVersion,
      data: { ...input },
      context,
      operation: 'SET_LIMITS',
      before,
      afterExtra: { transitionReason: reason },
      beforeAudit: async () => {
        answer = await tx.subsidyScheme.findUniqueOrThrow({ ...query, where: { id: args.id } });
      },
    });
    return answer as Awaited<ReturnType<typeof tx.subsidyScheme.findUniqueOrThrow>>;
  });
}
