// Nijmegen-ish calm palette on react-admin's default theme; readable on a tablet.
import { defaultTheme, type RaThemeOptions } from 'react-admin';

export const lightTheme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    mode: 'light',
    primary: { main: '#1c5a7d' },
    secondary: { main: '#1c5a7d' },
    background: { default: '#f4f6f8' },
  },
  sidebar: { width: 232, closedWidth: 56 },
  components: {
    ...defaultTheme.components,
    RaDataTable: { styleOverrides: { root: { '& .RaDataTable-headerCell': { fontWeight: 600 } } } },
  },
};
