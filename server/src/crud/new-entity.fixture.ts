// An entity the app has never seen, defined the way the README's recipe says: one `defineEntity`
// line. A new Prisma model needs a migration, so it is a second definition over an existing
// table (target groups), under its own name, readers and writers: "Cohort", kept by viewers.
// Imported by new-entity.test.ts before anything that builds the schema, as a domain module is.
import { roles, signedIn } from '../auth/rules.js';
import { defineEntity } from './entity.js';

defineEntity('TargetGroup', { name: 'Cohort', plural: 'cohorts', access: { read: signedIn, write: roles('VIEWER') } });
