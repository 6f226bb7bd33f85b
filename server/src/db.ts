// The server's one Prisma client. It is not in the GraphQL context (the context carries
// the request's identity only); it is set once at start, by main.ts or by a test.
import { createPrismaClient, type CreatePrismaClientOptions, type PrismaClient } from '@welkom/db';

let current: PrismaClient | undefined;

export function connectDatabase(url: string, options?: CreatePrismaClientOptions): PrismaClient {
  current = createPrismaClient(url, options);
  return current;
}

export function db(): PrismaClient {
  if (!current) throw new Error('No database connected: call connectDatabase(url) first.');
  return current;
}

export async function disconnectDatabase(): Promise<void> {
  await current?.$disconnect();
  current = undefined;
}
