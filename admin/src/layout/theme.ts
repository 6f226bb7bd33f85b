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
    // react-admin lets the page grow as wide as its widest table (minWidth: fit-content); on a
    // laptop or tablet that pushes columns and cards off the screen. The page keeps the screen's
    // width instead, and a wide table scrolls sideways inside its own card.
    RaLayout: { styleOverrides: { root: { minWidth: 0, '& .RaLayout-content': { minWidth: 0 } } } },
    RaList: { styleOverrides: { root: { '& .RaList-main': { minWidth: 0 } } } },
    RaDataTable: {
      styleOverrides: {
        root: {
          '& .RaDataTable-headerCell': { fontWeight: 600 },
          '& .RaDataTable-tableWrapper': { overflowX: 'auto' },
        },
      },
    },
  },
};
