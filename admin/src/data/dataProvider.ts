// The data provider: ra-data-graphql with our query builder, fed the build-time
// introspection (no introspection query at run time), plus what a single query cannot do:
// lists longer than the API's page limit (CSV export), bulk operations that need each
// record's version, and API errors turned into what react-admin shows at the field. The
// hand-written screens' domain operations and views are custom methods beside react-admin's
// (react-admin's "Calling Custom Methods"), one factory per domain, all on one request helper.
import { type DataProvider, useDataProvider } from 'react-admin';
import buildGraphQLProvider from 'ra-data-graphql';
import type { IntrospectionQuery } from 'graphql';
import type { ConsoleModel } from '../schema/model';
import { MAX_PAGE_SIZE, buildQueryFactory } from './buildQuery';
import { translateError } from './errors';
import { createRequest } from './request';
import { type DashboardMethods, dashboardMethods } from '../dashboard/data';
import { type MonitoringMethods, monitoringMethods } from '../dashboard/monitoring/data';
import { type PanelMethods, panelMethods } from '../panel/data';
import { type ProgressMethods, progressMethods } from '../progress/api';
import { type SubsidyMethods, subsidyMethods } from '../subsidies/data';

/** react-admin's methods plus the domain operations and views of the hand-written screens. */
export type WelkomDataProvider = DataProvider &
  DashboardMethods &
  MonitoringMethods &
  SubsidyMethods &
  PanelMethods &
  ProgressMethods;

/** The data provider with its custom methods (react-admin's useDataProvider, typed). */
export const useWelkomDataProvider = () => useDataProvider<WelkomDataProvider>();

export function createDataProvider(
  model: ConsoleModel,
  introspection: IntrospectionQuery,
  uri = '/graphql',
): WelkomDataProvider {
  const graphql = buildGraphQLProvider({
    clientOptions: { uri, credentials: 'same-origin' },
    introspection: { schema: introspection.__schema },
    query: () => ({ errorPolicy: 'all' }),
    buildQuery: () => buildQueryFactory(model),
  });
  const call = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw translateError(error);
    }
  };

  const provider: DataProvider = {
    getList: (resource, params) =>
      call(async () => {
        const perPage = params.pagination?.perPage ?? 25;
        if (perPage <= MAX_PAGE_SIZE) return graphql.getList(resource, params);
        // The exporter asks for everything at once; the API pages by at most 500.
        const page = params.pagination?.page ?? 1;
        const start = (page - 1) * perPage;
        const data: any[] = [];
        let total = 0;
        for (let offset = start; offset < start + perPage; offset += MAX_PAGE_SIZE) {
          const chunk = await graphql.getList(resource, {
            ...params,
            pagination: { page: offset / MAX_PAGE_SIZE + 1, perPage: MAX_PAGE_SIZE },
          });
          data.push(...chunk.data);
          total = chunk.total ?? data.length;
          if (chunk.data.length < MAX_PAGE_SIZE || offset + MAX_PAGE_SIZE >= total) break;
        }
        return { data: data.slice(0, perPage), total };
      }),
    getOne: (resource, params) => call(() => graphql.getOne(resource, params)),
    getMany: (resource, params) => call(() => graphql.getMany(resource, params)),
    getManyReference: (resource, params) => call(() => graphql.getManyReference(resource, params)),
    create: (resource, params) => call(() => graphql.create(resource, params)),
    update: (resource, params) =>
      call(async () => {
        const changed = buildQueryFactory(model)('UPDATE', resource, params).variables.input as object;
        if (Object.keys(changed).length === 0) return { data: params.previousData as any };
        return graphql.update(resource, params);
      }),
    delete: (resource, params) =>
      call(async () => {
        const previousData = params.previousData ?? (await graphql.getOne(resource, { id: params.id })).data;
        return graphql.delete(resource, { ...params, previousData });
      }),
    // Bulk operations name the version of every record, so they are read first.
    deleteMany: (resource, params) =>
      call(async () => {
        const { data: records } = await graphql.getMany(resource, { ids: params.ids });
        return graphql.deleteMany(resource, { ...params, records } as any);
      }),
    updateMany: (resource, params) =>
      call(async () => {
        const { data: records } = await graphql.getMany(resource, { ids: params.ids });
        return graphql.updateMany(resource, { ...params, records } as any);
      }),
  };
  const request = createRequest(uri);
  return {
    ...provider,
    ...dashboardMethods(request),
    ...monitoringMethods(request),
    ...subsidyMethods(request),
    ...panelMethods(request),
    ...progressMethods(request),
  };
}
