// What the generator cannot know from the schema: the menu's order and icons, sections a
// workflow adds to one resource's page, quick filters. Hand-written screens that replace one
// generated view of one resource go here too. An entity not listed still appears (at the end
// of the menu, with a generic icon): nothing here is required.
import AssignmentIcon from '@mui/icons-material/Assignment';
import CategoryIcon from '@mui/icons-material/Category';
import ChecklistIcon from '@mui/icons-material/Checklist';
import FlagIcon from '@mui/icons-material/Flag';
import GroupsIcon from '@mui/icons-material/Groups';
import HandshakeIcon from '@mui/icons-material/Handshake';
import ListAltIcon from '@mui/icons-material/ListAlt';
import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import SegmentIcon from '@mui/icons-material/Segment';
import type { ComponentType, ReactElement } from 'react';
import { PanelMemberPrivacy } from '../panel/PanelMemberPrivacy';
import type { ConsoleModel } from '../schema/model';
import { QuickFilter } from './QuickFilter';

export const MENU_ORDER = [
  'Action',
  'Theme',
  'Section',
  'Goal',
  'Partner',
  'TargetGroup',
  'Precondition',
  'DataQualityNote',
];

export const ICONS: Record<string, ComponentType> = {
  Action: AssignmentIcon,
  Theme: CategoryIcon,
  Section: SegmentIcon,
  Goal: FlagIcon,
  Partner: HandshakeIcon,
  TargetGroup: GroupsIcon,
  Precondition: ChecklistIcon,
  DataQualityNote: ReportProblemIcon,
};

export const DEFAULT_ICON = ListAltIcon;

/** Sections added to a record's page, above its history, by the entity's type. */
export const SHOW_SECTIONS: Record<string, ComponentType<{ model: ConsoleModel }>[]> = {
  PanelMember: [PanelMemberPrivacy],
};

/** One-click filters beside the generated ones (keys as in the URL: `status_eq`). */
export const QUICK_FILTERS: Record<string, ReactElement[]> = {
  // The municipality's to-do list: advice it has not answered yet.
  Advice: [
    <QuickFilter
      key="awaiting"
      source="status_eq"
      value="AWAITING_RESPONSE"
      label="welkom.panel.awaiting_response"
      alwaysOn
    />,
  ],
  // Late and missing at a glance (issue 13): the API's derived filters, as of today.
  Action: [
    <QuickFilter key="late" source="late_eq" value={true} label="welkom.progress.filter_late" alwaysOn />,
    <QuickFilter
      key="missing"
      source="progressMissing_eq"
      value={true}
      label="welkom.progress.filter_missing"
      alwaysOn
    />,
  ],
};
