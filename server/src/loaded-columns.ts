// A Pothos plugin for the hottest path of a read: a column exposed on a Prisma object. In select
// mode the Prisma plugin wraps every such field to look up, per row and field, how the row was
// loaded (a string key built from the response path, searched through a per-request cache) and
// to load the column if the row lacks it. When the row already carries the column, that lookup
// can only conclude "resolve it from the row"; this answers from the row at once and leaves the
// Prisma plugin's path for a row without the column. (Profiled: the lookup was about a tenth of
// the server's CPU on a flat list of 50 actions.)
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      loadedColumns: LoadedColumnsPlugin<Types>;
    }
  }
}

export class LoadedColumnsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
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
    if (!plainColumn) return resolver;
    return (parent, args, context, info) =>
      typeof parent === 'object' && parent !== null && column in parent
        ? (parent as Record<string, unknown>)[column]
        : resolver(parent, args, context, info);
  }
}

const pluginName = 'loadedColumns';
SchemaBuilder.registerPlugin(pluginName, LoadedColumnsPlugin);
export default pluginName;
