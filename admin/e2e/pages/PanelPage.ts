// The panel's hand-written screens: the composition overview and a member's privacy section.
import type { Locator } from 'playwright-core';
import { ConsolePage } from './ConsolePage';

export class PanelPage extends ConsolePage {
  dimension(name: string): Locator {
    return this.page.getByRole('region', { name });
  }

  /** The count shown for one group of a dimension ("< 5", "5–9"). */
  count(dimension: string, group: string): Locator {
    return this.dimension(dimension)
      .getByRole('row', { name: new RegExp(`^${group}`) })
      .getByRole('cell');
  }

  get privacy(): Locator {
    return this.page.getByRole('region', { name: 'Diversiteitsprofiel en privacy' });
  }

  profileItem(label: string): Locator {
    return this.privacy.getByRole('group', { name: label, exact: true });
  }
}
