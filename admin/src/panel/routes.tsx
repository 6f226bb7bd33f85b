// The panel's screens that the generator cannot make: the composition overview (a page of its
// own, for signed-in staff) and the coordinator's privacy actions on a member's page.
import DiversityIcon from '@mui/icons-material/Diversity3';
import { Route } from 'react-router-dom';
import { CustomRoutes, Menu, useGetIdentity, useTranslate } from 'react-admin';
import { PanelComposition } from './PanelComposition';

export const PANEL_COMPOSITION_PATH = '/panel/samenstelling';

/** Children of <Admin>: react-admin reads CustomRoutes only as its direct children. */
export const panelRoutes = [
  <CustomRoutes key="panel">
    <Route path={PANEL_COMPOSITION_PATH} element={<PanelComposition />} />
  </CustomRoutes>,
];

/** The composition is for signed-in staff only; anonymous visitors do not see the entry. */
export function PanelCompositionMenuItem() {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  if (!identity?.id) return null;
  return (
    <Menu.Item
      to={PANEL_COMPOSITION_PATH}
      primaryText={translate('welkom.panel.composition.menu')}
      leftIcon={<DiversityIcon />}
    />
  );
}
