// The subsidy screens' data provider methods speak today's API: every document they send is
// valid against the committed schema, and a transition is built from the server's table.
import { buildSchema, introspectionFromSchema, parse, print, validate } from 'graphql';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildQueryFactory } from '../data/buildQuery';
import type { Request } from '../data/request';
import { accessFromSchema, buildConsoleModel } from '../schema/model';
import { APPLICATIONS, APPLICATION_SELECT, QUEUE_SELECT, subsidyMethods, type TransitionRule } from './data';

const schema = buildSchema(readFileSync(new URL('../../../schema.graphql', import.meta.url), 'utf8'));
const model = buildConsoleModel(introspectionFromSchema(schema), accessFromSchema(schema));

// What the server's subsidyTransitions answers for two of its rows (the server test checks the whole table).
const RULES: TransitionRule[] = [
  {
    operation: 'grant',
    mutation: 'grantSubsidy',
    from: ['IN_REVIEW'],
    to: 'GRANTED',
    takesAmount: true,
    amountRequired: true,
    expectsVersion: false,
  },
  {
    operation: 'approveGrant',
    mutation: 'approveSubsidyGrant',
    from: ['IN_REVIEW'],
    to: 'GRANTED',
    takesAmount: true,
    amountRequired: true,
    expectsVersion: true,
  },
  {
    operation: 'close',
    mutation: 'closeSubsidyApplication',
    from: ['FINAL_AMOUNT_SET'],
    to: 'CLOSED',
    takesAmount: false,
    amountRequired: false,
    expectsVersion: false,
  },
];

function recorder() {
  const sent: { query: string; variables: Record<string, unknown> }[] = [];
  const request: Request = async <T>(query: string, variables: Record<string, unknown> = {}) => {
    expect(validate(schema, parse(query)).map((error) => error.message)).toEqual([]);
    sent.push({ query, variables });
    if (query.includes('subsidyTransitions')) return { subsidyTransitions: RULES } as T;
    if (query.includes('totalCount'))
      return Object.fromEntries(Object.keys(variables).map((name) => [name.replace('f', 'c'), { totalCount: 3 }])) as T;
    return { result: { id: variables.id, state: 'GRANTED', version: 2 } } as T;
  };
  return { sent, methods: subsidyMethods(request) };
}

describe('transitionSubsidy', () => {
  it('calls the mutation the server names for the step, with the amount it takes', async () => {
    const { sent, methods } = recorder();
    await methods.transitionSubsidy('a1', 'grant', {
      reason: 'Past binnen de regeling.',
      idempotencyKey: 'console-1',
      amountCents: 90_000,
    });
    const [, mutation] = sent;
    expect(mutation!.query).toContain(
      'grantSubsidy(id: $id, reason: $reason, idempotencyKey: $key, amountCents: $amount)',
    );
    expect(mutation!.variables).toEqual({
      id: 'a1',
      reason: 'Past binnen de regeling.',
      key: 'console-1',
      amount: 90_000,
    });
  });

  it('sends the version and amount read when the step approves a proposal', async () => {
    const { sent, methods } = recorder();
    await methods.transitionSubsidy('a1', 'approveGrant', {
      reason: 'Akkoord.',
      idempotencyKey: 'console-2',
      amountCents: 50_000,
      expectedVersion: 7,
    });
    expect(sent.at(-1)!.variables).toMatchObject({ amount: 50_000, version: 7 });
  });

  it('asks for the table once, and sends no amount to a step that takes none', async () => {
    const { sent, methods } = recorder();
    await methods.transitionSubsidy('a1', 'close', { reason: 'Dossier compleet.', idempotencyKey: 'console-3' });
    await methods.transitionSubsidy('a1', 'close', { reason: 'Dossier compleet.', idempotencyKey: 'console-4' });
    expect(sent.filter((call) => call.query.includes('subsidyTransitions'))).toHaveLength(1);
    expect(sent.at(-1)!.variables).not.toHaveProperty('amount');
  });

  it('refuses a step the server does not know', async () => {
    const { methods } = recorder();
    await expect(
      methods.transitionSubsidy('a1', 'approveOwnGrant', { reason: 'x', idempotencyKey: 'console-5' }),
    ).rejects.toThrow(/approveOwnGrant/);
  });
});

describe('the queue', () => {
  it('counts every tab in one request', async () => {
    const { sent, methods } = recorder();
    const counts = await methods.countSubsidyApplications({ open: { state: { in: ['SUBMITTED'] } }, all: {} });
    expect(counts).toEqual({ open: 3, all: 3 });
    expect(sent).toHaveLength(1);
  });

  it('asks the generated selection plus the names and timeline a screen shows', () => {
    const buildQuery = buildQueryFactory(model);
    for (const [method, select] of [
      ['GET_LIST', QUEUE_SELECT],
      ['GET_ONE', APPLICATION_SELECT],
    ] as const) {
      const built = buildQuery(method, APPLICATIONS, {
        id: 'a1',
        pagination: { page: 1, perPage: 10 },
        meta: { select },
      });
      expect(validate(schema, built.query).map((error) => error.message)).toEqual([]);
      expect(print(built.query)).toContain('applicant {');
    }
  });
});
