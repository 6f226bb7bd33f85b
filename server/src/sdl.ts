import { fileURLToPath } from 'node:url';
import {
  type ConstDirectiveNode,
  type GraphQLSchema,
  Kind,
  astFromValue,
  isObjectType,
  lexicographicSortSchema,
  print,
  printSchema,
} from 'graphql';
import { schema } from './schema/index.js';

export const SCHEMA_FILE = fileURLToPath(new URL('../../schema.graphql', import.meta.url));

type Applied = { name: string; args: Record<string, unknown> };

/**
 * graphql-js prints directive definitions but not where they are applied; the `@access` data
 * of each type (stored by the directives plugin in its extensions) is added to its `type` line.
 */
export function printSdl(source: GraphQLSchema): string {
  const sorted = lexicographicSortSchema(source);
  let sdl = printSchema(sorted);
  for (const type of Object.values(sorted.getTypeMap())) {
    if (!isObjectType(type)) continue;
    const applied = (type.extensions as { directives?: Applied[] } | undefined)?.directives ?? [];
    if (!applied.length) continue;
    const printed = applied.map(({ name, args }) => {
      const definition = sorted.getDirective(name);
      if (!definition) throw new Error(`Directive @${name} on ${type.name} is not defined in the schema.`);
      const node: ConstDirectiveNode = {
        kind: Kind.DIRECTIVE,
        name: { kind: Kind.NAME, value: name },
        arguments: definition.args.map((arg) => ({
          kind: Kind.ARGUMENT,
          name: { kind: Kind.NAME, value: arg.name },
          value: astFromValue(args[arg.name], arg.type) as never,
        })),
      };
      return print(node);
    });
    const head = new RegExp(`^(type ${type.name}(?: implements [^{]+)?) \\{$`, 'm');
    if (!head.test(sdl)) throw new Error(`Cannot find the definition of type ${type.name} in the printed schema.`);
    sdl = sdl.replace(head, `$1 ${printed.join(' ')} {`);
  }
  return sdl;
}

export function printSchemaSdl(): string {
  return `${printSdl(schema)}\n`;
}
