export * from './client.js';
export * from './generated/prisma/enums.js';
