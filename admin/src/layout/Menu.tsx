// The console's menu: the dashboard, monitoring, the panel's composition (signed-in staff), subsidies,
// then the generated resources (each only when the user may read it).
import { Menu } from 'react-admin';
import { MonitoringMenuItem } from '../dashboard/monitoring/routes';
import { PanelCompositionMenuItem } from '../panel/routes';
import { SubsidiesMenuItem } from '../subsidies/routes';
import { ProgressMenuItem } from '../progress/routes';

export function ConsoleMenu() {
  return (
    <Menu>
      <Menu.DashboardItem />
      <MonitoringMenuItem />
      <PanelCompositionMenuItem />
      {/* the grant officer's work queue (issue 6), for those who may read applications */}
      <SubsidiesMenuItem />
      <ProgressMenuItem />
      <Menu.ResourceItems />
    </Menu>
  );
}
