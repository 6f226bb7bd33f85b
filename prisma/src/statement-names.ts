// Names for prepared statements, so each pooled connection parses and plans a statement once
// and then only binds and executes it. The name is a hash of the SQL text (parameter types
// follow from the text), so one name never stands for two statements. The number of distinct
// statements named is capped per process: a stream of ever-new query shapes cannot fill every
// connection's statement cache; past the cap, statements run unnamed as before.
import { createHash } from 'node:crypto';
import type { SqlQuery } from '@prisma/driver-adapter-utils';

export const MAX_NAMED_STATEMENTS = 500;

export function statementNamer(max = MAX_NAMED_STATEMENTS): (query: SqlQuery) => string | undefined {
  const names = new Map<string, string>();
  return (query) => {
    const known = names.get(query.sql);
    if (known || names.size >= max) return known;
    const name = `w${createHash('sha1').update(query.sql).digest('base64url')}`;
    names.set(query.sql, name);
    return name;
  };
}
