// Prisma CLI configuration. Only `prisma generate`, `validate` and `format` are used:
// migrations run through the WebAssembly schema engine (src/migrate/), see README.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'schema.prisma',
  migrations: { path: 'migrations' },
});
