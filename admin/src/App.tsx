// The console: everything below is derived from schema.graphql at build time
// (src/generated/introspection.json and the types' @access data, access.json); only the dashboard and the frame are hand-written.
import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { IntrospectionQuery } from 'graphql';
import { Admin } from 'react-admin';
import { Dashboard } from './Dashboard';
import { monitoringRoutes } from './dashboard/monitoring/routes';
import { subsidyRoutes } from './subsidies/routes';
import { panelRoutes } from './panel/routes';
import { progressRoutes } from './progress/routes';
import { createAuthProvider } from './auth/authProvider';
import { createDataProvider } from './data/dataProvider';
import access from './generated/access.json';
import introspection from './generated/introspection.json';
import { bindLocale } from './i18n/locale';
import { buildMessages } from './i18n/messages';
import { Layout } from './layout/Layout';
import { LoginPage } from './layout/LoginPage';
import { lightTheme } from './layout/theme';
import { generatedResources } from './resources';
import { type AccessData, buildConsoleModel } from './schema/model';

const schema = introspection as unknown as IntrospectionQuery;
const model = buildConsoleModel(schema, access as AccessData);
const messages = buildMessages(model);

const i18nProvider = polyglotI18nProvider(
  (locale) => messages[locale === 'en' ? 'en' : 'nl'],
  'nl',
  [
    { locale: 'nl', name: 'Nederlands' },
    { locale: 'en', name: 'English' },
  ],
  { allowMissing: true },
);
bindLocale(() => i18nProvider.getLocale());

const dataProvider = createDataProvider(model, schema);
const authProvider = createAuthProvider(model);

const HomePage = () => <Dashboard model={model} />;

export function App() {
  return (
    <Admin
      title="Welkom"
      dashboard={HomePage}
      dataProvider={dataProvider}
      authProvider={authProvider}
      requireAuth={false}
      i18nProvider={i18nProvider}
      layout={Layout}
      loginPage={LoginPage}
      theme={lightTheme}
      disableTelemetry
    >
      {generatedResources(model)}
      {monitoringRoutes}
      {subsidyRoutes}
      {panelRoutes}
      {progressRoutes}
    </Admin>
  );
}
