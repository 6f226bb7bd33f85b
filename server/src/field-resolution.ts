// A Pothos plugin for what every field pays on a read. First, a column exposed on a Prisma object: In select
// mode the Prisma plugin wraps every such field to look up, per row and field, how the row was
// loaded (a string key built from the response path, searched through a per-request cache) and
// to load the column if the row lacks it. When the row already carries the column, that lookup
// can only conclude "resolve it from the row"; this answers from the row at once and leaves the
// Prisma plugin's path for a row without the column. (Profiled: the lookup was about a tenth of
// the server's CPU on a flat list of 50 actions.)
//
// Every other field checks the query's deadline (Context.deadline) before it resolves, so a query
// past its deadline stops resolving (graphql-js 16 cannot be aborted). A column read from its row
// takes no time, so it needs no check; and doing it here rather than in an Apollo
// `willResolveField` hook spares Apollo's wrapper around every field of the schema.
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import { GraphQLError, type GraphQLFieldResolver } from 'graphql';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      fieldResolution: FieldResolutionPlugin<Types>;
    }
  }
}

export class FieldResolutionPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    const column = fieldConfig.extensions?.pothosExposedField;
    const select = fieldConfig.extensions?.pothosPrismaSelect as Record<string, unknown> | undefined;
    // Only a plain exposed column: its whole selection is that one column.
    const plainColumn =
      fieldConfig.kind === 'PrismaObject' &&
      typeof column === 'string' &&
      typeof select === 'object' &&
      select !== null &&
      Object.keys(select).length === 1 &&
      select[column] === true;
    if (!plainColumn) {
      return (parent, args, context, info) => {
        const deadline = (context as { deadline?: { at: number; exceeded: boolean } }).deadline;
        if (deadline && (deadline.exceeded || performance.now() > deadline.at)) {
          deadline.exceeded = true;
          // The HTTP layer (retryablePlugin) answers one complete OVERLOADED error in place of these.
          throw new GraphQLError('deadline', { extensions: { code: 'OVERLOADED', reason: 'deadline' } });
        }
        return resolver(parent, args, context, info);
      };
    }
    return (parent, args, context, info) =>
      typeof parent === 'object' && parent !== null && column in parent
        ? (parent as Record<string, unknown>)[column]
        : resolver(parent, args, context, info);
  }
}

const pluginName = 'fieldResolution';
SchemaBuilder.registerPlugin(pluginName, FieldResolutionPlugin);
export default pluginName;
