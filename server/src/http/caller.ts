// Who is calling a plain-HTTP endpoint of the sociale kaart (/hsds/, /kaart): anonymous visitors,
// signed-in staff (professionals: unpublished entries, contacts, internal notes) or a partner token.
// Refused tokens get 401 and every caller is rate-limited, as on /graphql.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { identify } from '../auth/identify.js';
import { securitySettings } from '../auth/settings.js';
import { ANONYMOUS, type Identity } from '../context.js';
import { clientAddress } from './proxy.js';
import { checkRateLimit } from './rate-limit.js';

export type Refusal = (status: number, message: string, headers?: Record<string, string>) => void;

/** The caller's identity, or undefined when the request was refused (the answer is sent). */
export async function callerOf(request: IncomingMessage, refuse: Refusal): Promise<Identity | undefined> {
  const ip = clientAddress(request, securitySettings().trustProxyHops);
  const identification = await identify(request, ip);
  if ('status' in identification) {
    await checkRateLimit(ANONYMOUS, ip);
    refuse(401, identification.message, { 'www-authenticate': 'Bearer' });
    return undefined;
  }
  const limit = await checkRateLimit(identification.identity, ip);
  if (!limit.allowed) {
    refuse(
      429,
      `Te veel verzoeken; probeer het over ${limit.retryAfterSeconds} seconden opnieuw. | Too many requests; retry in ${limit.retryAfterSeconds} s.`,
      {
        'retry-after': String(limit.retryAfterSeconds),
      },
    );
    return undefined;
  }
  return identification.identity;
}

export const isProfessional = (identity: Identity) => identity.kind === 'user';

export function sendJsonBody(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
}
