// Prisma model delegates by model name, for the generic layer that knows names only at run time.
/* eslint-disable @typescript-eslint/no-explicit-any */
export type Delegate = {
  findUnique: (args: any) => Promise<any>;
  findMany: (args: any) => Promise<any[]>;
  count: (args: any) => Promise<number>;
  create: (args: any) => Promise<any>;
  updateMany: (args: any) => Promise<{ count: number }>;
  deleteMany: (args: any) => Promise<{ count: number }>;
};

export const lowerFirst = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);
export const delegateOf = (client: unknown, model: string) => (client as Record<string, Delegate>)[lowerFirst(model)]!;
