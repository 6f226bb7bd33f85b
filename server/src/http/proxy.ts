// The client's address and scheme, believing X-Forwarded-* only from the proxies we were told
// of (TRUST_PROXY). Every proxy appends to X-Forwarded-For, so with N trusted proxies the
// client is the N-th address from the right; anything further left is the client's own say.
import type { IncomingMessage } from 'node:http';

function forwardedList(value: string | string[] | undefined): string[] {
  const joined = Array.isArray(value) ? value.join(',') : (value ?? '');
  return joined
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

export function clientAddress(request: IncomingMessage, trustProxyHops: number): string {
  const socketAddress = request.socket.remoteAddress ?? 'unknown';
  if (trustProxyHops <= 0) return socketAddress;
  const hops = forwardedList(request.headers['x-forwarded-for']);
  if (!hops.length) return socketAddress;
  return hops[Math.max(0, hops.length - trustProxyHops)]!;
}

/** Decides whether cookies get `Secure`: a TLS socket, or HTTPS as told by the nearest trusted proxy. */
export function isSecureRequest(request: IncomingMessage, trustProxyHops: number): boolean {
  if ('encrypted' in request.socket && request.socket.encrypted) return true;
  if (trustProxyHops <= 0) return false;
  const protocols = forwardedList(request.headers['x-forwarded-proto']);
  return protocols.at(-1)?.toLowerCase() === 'https';
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

export function isLoopback(address: string | undefined): boolean {
  return address !== undefined && LOOPBACK.test(address);
}

/**
 * The caller is on this machine: the connection comes from loopback and, if it passed a proxy
 * (a proxy on this machine forwarding someone else's request), every forwarded address is
 * loopback too and the proxy is one we trust. Any other forwarding header counts as remote.
 */
export function isLocalCaller(request: IncomingMessage, trustProxyHops: number): boolean {
  if (!isLoopback(request.socket.remoteAddress)) return false;
  if (request.headers.forwarded !== undefined || request.headers['x-real-ip'] !== undefined) return false;
  const hops = forwardedList(request.headers['x-forwarded-for']);
  if (!hops.length) return true;
  return trustProxyHops > 0 && hops.every(isLoopback);
}
