// PostGraphile v5 over Welkom's database, the GraphQL peer of the benchmark. Copied into the
// benchmark's own folder (where its packages are installed) and run there with Node 22.
// DATABASE_URL, PORT; prints "listening <url>" when ready.
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { PostGraphileConnectionFilterPreset } from 'postgraphile-plugin-connection-filter';
import { PgManyToManyPreset } from '@graphile-contrib/pg-many-to-many';

const preset = {
  extends: [PostGraphileAmberPreset, PgManyToManyPreset, PostGraphileConnectionFilterPreset],
  // Without an index, PostGraphile offers no filter or order on a column; the search filters
  // unindexed text, as Welkom's does.
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  pgServices: [makePgService({ connectionString: process.env.DATABASE_URL, schemas: ['public'] })],
  schema: { connectionFilterRelations: true },
  grafserv: { graphqlPath: '/graphql', watch: false, graphiql: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
await serv.addTo(server);
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening http://127.0.0.1:${address.port}`);
});
process.on('SIGTERM', () => {
  server.close();
  pgl.release().then(() => process.exit(0));
});
