// The console shell. Resources are generated from the GraphQL schema in the console issue;
// until then it shows the programme's status as the API reports it.
import { Admin, CustomRoutes, type DataProvider } from 'react-admin';
import { Dashboard } from './Dashboard';

// No resources yet, so nothing may call the data provider; fail loudly if something does.
const notYet = () => Promise.reject(new Error('Nog geen gegevensbron'));
const dataProvider = new Proxy({} as DataProvider, { get: () => notYet });

export function App() {
  return (
    <Admin title="Welkom" dashboard={Dashboard} dataProvider={dataProvider} requireAuth={false} disableTelemetry>
      <CustomRoutes>{[]}</CustomRoutes>
    </Admin>
  );
}
