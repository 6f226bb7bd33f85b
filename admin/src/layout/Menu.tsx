// The console's menu: the dashboard, monitoring, the panel's composition (signed-in staff),
// then the generated resources (each only when the user may read it).
import { Menu } from 'react-admin';
import { MonitoringMenuItem } from '../dashboard/monitoring/routes';
import { PanelCompositionMenuItem } from '../panel/routes';

export function ConsoleMenu() {
  return (
    <Menu>
      <Menu.DashboardItem />
      <MonitoringMenuItem />
      <PanelCompositionMenuItem />
      <Menu.ResourceItems />
    </Menu>
  );
}
