// The grant officer's screens (hand-written: a workflow, not a generated form): the work queue
// at /subsidies, an application at /subsidies/applications/:id, a scheme at /subsidies/schemes/:id.
import EuroIcon from '@mui/icons-material/Euro';
import { CustomRoutes, Menu, usePermissions, useTranslate } from 'react-admin';
import { Route } from 'react-router-dom';
import { ApplicationPage } from './ApplicationPage';
import { SchemePage } from './SchemePage';
import { WorkQueue } from './WorkQueue';

export const SUBSIDIES_PATH = '/subsidies';

/** Children of <Admin>: react-admin reads CustomRoutes only as its direct children. */
export const subsidyRoutes = [
  <CustomRoutes key="subsidies">
    <Route path={SUBSIDIES_PATH} element={<WorkQueue />} />
    <Route path={`${SUBSIDIES_PATH}/applications/:id`} element={<ApplicationPage />} />
    <Route path={`${SUBSIDIES_PATH}/schemes/:id`} element={<SchemePage />} />
  </CustomRoutes>,
];

const READERS = ['ADMIN', 'GRANT_OFFICER', 'VIEWER'];

/** The menu entry, for those who may read applications. */
export function SubsidiesMenuItem() {
  const translate = useTranslate();
  const { permissions } = usePermissions<string[]>();
  if (!permissions?.some((role) => READERS.includes(role))) return null;
  return <Menu.Item to={SUBSIDIES_PATH} primaryText={translate('welkom.subsidies.menu')} leftIcon={<EuroIcon />} />;
}
