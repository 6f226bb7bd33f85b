// The schema: one import per domain module, then the builder prints it. Building fails when
// any type or root field lacks an authorization rule.
import { assertEveryFieldGuarded } from '../auth/rules-check.js';
import { builder } from '../builder.js';
import { AccessDirective } from '../crud/access-directive.js';
import './audit.js';
import './auth.js';
import './register.js';
import './monitoring.js';
import './panel.js';
import './role-grants.js';
import './subsidies.js';
import './progress.js';
import './kaart.js';

export const schema = assertEveryFieldGuarded(builder.toSchema({ directives: [AccessDirective] }));
