import type { IncomingMessage, ServerResponse } from 'node:http';

export async function handleKaartSite(_request: IncomingMessage, response: ServerResponse): Promise<void> {
  response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  response.end('Niet gevonden');
}
