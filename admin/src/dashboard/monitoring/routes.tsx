// Where the monitoring dashboard lives: /monitoring inside the console (menu entry below) and
// /openbaar/monitoring, the read-only public page without the console's frame.
import InsightsIcon from '@mui/icons-material/Insights';
import { Route } from 'react-router-dom';
import { CustomRoutes, Menu, useLocale } from 'react-admin';
import { MonitoringDashboard } from './MonitoringDashboard';

export const MONITORING_PATH = '/monitoring';
export const PUBLIC_MONITORING_PATH = '/openbaar/monitoring';

/** Children of <Admin>: react-admin reads CustomRoutes only as its direct children. */
export const monitoringRoutes = [
  <CustomRoutes key="monitoring">
    <Route path={MONITORING_PATH} element={<MonitoringDashboard />} />
  </CustomRoutes>,
  <CustomRoutes key="monitoring-public" noLayout>
    <Route path={PUBLIC_MONITORING_PATH} element={<MonitoringDashboard publicView />} />
  </CustomRoutes>,
];

export function MonitoringMenuItem() {
  const locale = useLocale();
  return (
    <Menu.Item
      to={MONITORING_PATH}
      primaryText={locale === 'en' ? 'Monitoring' : 'Monitoring'}
      leftIcon={<InsightsIcon />}
    />
  );
}
