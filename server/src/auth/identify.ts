// Who is asking: a session cookie, a bearer token, or nobody.
// (Placeholder until sessions and tokens land: everyone is anonymous.)
import type { IncomingMessage } from 'node:http';
import { ANONYMOUS, type Identity } from '../context.js';

export type Identification = { identity: Identity } | { status: 401; message: string };

export async function identify(_request: IncomingMessage, _ip: string): Promise<Identification> {
  return { identity: ANONYMOUS };
}
