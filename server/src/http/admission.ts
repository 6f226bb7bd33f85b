// Admission control for /graphql: at most `maxActive` requests execute at once and at most
// `maxQueue` wait for a turn; the rest are refused at once with 503 OVERLOADED and Retry-After.
// Without it a burst is all admitted together: every request gets slow, memory grows with the
// number of results being built, and /health waits behind them (the event loop is busy).
// Also: the execution deadline of queries, and the HTTP status and Retry-After of retryable errors.
import type { ServerResponse } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import { RETRYABLE_CODES, retryable } from '../crud/errors.js';
import type { Context } from '../context.js';

export interface AdmissionOptions {
  /** GraphQL requests executing at once. */
  maxActive: number;
  /** Requests waiting for a turn; beyond this they are refused. */
  maxQueue: number;
  /** Longest wait in the queue before a request is refused, in ms. */
  queueTimeoutMs: number;
}

export type Release = () => void;

interface Waiter {
  grant: (release: Release | undefined) => void;
  timer: NodeJS.Timeout;
}

export class AdmissionGate {
  private active = 0;
  private readonly queue: Waiter[] = [];

  constructor(readonly options: AdmissionOptions) {}

  get load(): { active: number; queued: number } {
    return { active: this.active, queued: this.queue.length };
  }

  /**
   * A turn to execute: resolves with the function that gives it back, or with undefined when the
   * queue is full or the wait ran out. `abandoned` (the client went away) gives up the place in line.
   */
  enter(abandoned?: (cancel: () => void) => void): Promise<Release | undefined> {
    if (this.active < this.options.maxActive) {
      this.active++;
      return Promise.resolve(this.releaser());
    }
    if (this.queue.length >= this.options.maxQueue) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        grant: resolve,
        timer: setTimeout(() => this.leave(waiter, undefined), this.options.queueTimeoutMs),
      };
      this.queue.push(waiter);
      abandoned?.(() => this.leave(waiter, undefined));
    });
  }

  private leave(waiter: Waiter, release: Release | undefined): void {
    const index = this.queue.indexOf(waiter);
    if (index < 0) return;
    this.queue.splice(index, 1);
    clearTimeout(waiter.timer);
    waiter.grant(release);
  }

  private releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.queue[0];
      // The turn passes straight to the next in line, so `active` never dips and lets a newcomer jump the queue.
      if (next) this.leave(next, this.releaser());
      else this.active--;
    };
  }
}

/** A refusal in the GraphQL error format, with Retry-After; for answers given before Apollo runs. */
export function sendRetryable(response: ServerResponse, error: GraphQLError, requestId: string): void {
  const retryAfter = Number(error.extensions.retryAfterSeconds ?? 1);
  response.writeHead(503, {
    'content-type': 'application/json; charset=utf-8',
    'retry-after': String(retryAfter),
    'x-request-id': requestId,
  });
  response.end(JSON.stringify({ errors: [{ message: error.message, extensions: error.extensions }] }));
}

export const overloaded = (reason: 'busy' | 'deadline', retryAfterSeconds = 2): GraphQLError =>
  retryable('OVERLOADED', reason, retryAfterSeconds);

const RETRYABLE = new Set<unknown>(RETRYABLE_CODES);

/**
 * Queries stop resolving fields once `deadlineMs` has passed (graphql-js 16 cannot be aborted;
 * failing every further field ends the execution quickly), and answer one OVERLOADED error.
 * Mutations are not cut short: their work is bounded by the transaction and statement timeouts,
 * and a write that happened must not be reported as not done.
 * Any retryable error (OVERLOADED, TRY_AGAIN, DATABASE_UNAVAILABLE) makes the response 503 with Retry-After.
 */
export function retryablePlugin(deadlineMs: number): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart(requestContext) {
          if (!deadlineMs || requestContext.operation?.operation !== 'query') return;
          // Checked by every field but a column read from its row (field-resolution.ts).
          requestContext.contextValue.deadline = { at: performance.now() + deadlineMs, exceeded: false };
        },
        async willSendResponse(requestContext) {
          const { body, http } = requestContext.response;
          if (body.kind !== 'single') return;
          if (requestContext.contextValue.deadline?.exceeded) {
            const error = overloaded('deadline');
            body.singleResult = { errors: [{ message: error.message, extensions: error.extensions }] };
          }
          const retry = body.singleResult.errors?.find((error) => RETRYABLE.has(error.extensions?.code));
          if (!retry) return;
          http.status = 503;
          http.headers.set('retry-after', String(retry.extensions?.retryAfterSeconds ?? 1));
        },
      };
    },
  };
}
