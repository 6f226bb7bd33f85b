// The programme secretary's progress screens (hand-written: a workflow): rounds at /voortgang,
// one round at /voortgang/:id, two rounds compared at /voortgang/vergelijk/:from/:to, and the
// signed-in owner's own actions at /mijn-acties.
import TimelineIcon from '@mui/icons-material/Timeline';
import { CustomRoutes, Menu, usePermissions, useTranslate } from 'react-admin';
import { Route } from 'react-router-dom';
import { ComparePage } from './ComparePage';
// "Mijn acties" is reached from the home page's progress card, not the menu: its name would
// shadow the "Acties" entry for anyone finding menu items by name.
import { MY_ACTIONS_PATH, MyActionsPage } from './MyActionsPage';
import { RoundPage } from './RoundPage';
import { PROGRESS_PATH, RoundsPage } from './RoundsPage';

export const progressRoutes = [
  <CustomRoutes key="progress">
    <Route path={PROGRESS_PATH} element={<RoundsPage />} />
    <Route path={`${PROGRESS_PATH}/vergelijk/:from/:to`} element={<ComparePage />} />
    <Route path={`${PROGRESS_PATH}/:id`} element={<RoundPage />} />
    <Route path={MY_ACTIONS_PATH} element={<MyActionsPage />} />
  </CustomRoutes>,
];

/** The menu entry, for signed-in staff. */
export function ProgressMenuItem() {
  const translate = useTranslate();
  const { permissions } = usePermissions<string[]>();
  if (!permissions?.length) return null;
  return <Menu.Item to={PROGRESS_PATH} primaryText={translate('welkom.progress.menu')} leftIcon={<TimelineIcon />} />;
}
