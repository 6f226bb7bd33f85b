// The programme secretary's progress screens (hand-written: a workflow): rounds at /voortgang,
// one round at /voortgang/:id, two rounds compared at /voortgang/vergelijk/:from/:to, and the
// signed-in owner's own actions at /mijn-acties.
import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import TimelineIcon from '@mui/icons-material/Timeline';
import { CustomRoutes, Menu, usePermissions, useTranslate } from 'react-admin';
import { Route } from 'react-router-dom';
import { ComparePage } from './ComparePage';
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
  return (
    <>
      <Menu.Item to={PROGRESS_PATH} primaryText={translate('welkom.progress.menu')} leftIcon={<TimelineIcon />} />
      <Menu.Item to={MY_ACTIONS_PATH} primaryText={translate('welkom.progress.my_actions')} leftIcon={<AssignmentIndIcon />} />
    </>
  );
}
