// The schema: one import per domain module, then the builder prints it.
import { builder } from '../builder.js';
import './register.js';

export const schema = builder.toSchema();
