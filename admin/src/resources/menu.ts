import type { ResourceModel } from '../schema/model';
import { MENU_ORDER } from './overrides';

/** Resources in the menu's order; entities the order does not name come last, alphabetically. */
export function menuOrder(resources: ResourceModel[]): ResourceModel[] {
  const rank = (resource: ResourceModel) => {
    const index = MENU_ORDER.indexOf(resource.type);
    return index === -1 ? MENU_ORDER.length : index;
  };
  return [...resources].sort((a, b) => rank(a) - rank(b) || a.type.localeCompare(b.type));
}
