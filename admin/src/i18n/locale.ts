// The language the user chose, for code outside React (the data provider picks the API's
// Dutch or English error message with it).
import type { Locale } from '../schema/model';

let getter: () => Locale = () => 'nl';

export const currentLocale = (): Locale => getter();
export function bindLocale(get: () => string) {
  getter = () => (get() === 'en' ? 'en' : 'nl');
}
