// The frame: app bar with language choice and the user menu (sign in when anonymous),
// and the menu (layout/Menu.tsx).
import LoginIcon from '@mui/icons-material/Login';
import { ListItemIcon, ListItemText, MenuItem, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { ConsoleMenu } from './Menu';
import {
  AppBar,
  Layout as RaLayout,
  LocalesMenuButton,
  Logout,
  TitlePortal,
  UserMenu,
  useGetIdentity,
  useTranslate,
} from 'react-admin';

function WelkomUserMenu() {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const signedIn = Boolean(identity?.id);
  return (
    <UserMenu>
      {signedIn ? (
        <Logout />
      ) : (
        <MenuItem component={Link} to="/login">
          <ListItemIcon>
            <LoginIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText>{translate('welkom.sign_in')}</ListItemText>
        </MenuItem>
      )}
    </UserMenu>
  );
}

function WelkomAppBar() {
  const translate = useTranslate();
  return (
    <AppBar userMenu={<WelkomUserMenu />} toolbar={<LocalesMenuButton />}>
      <Typography variant="h6" component="span" sx={{ mr: 2, fontWeight: 600, display: { xs: 'none', md: 'inline' } }}>
        {translate('welkom.title')}
      </Typography>
      <TitlePortal />
    </AppBar>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  return (
    <RaLayout appBar={WelkomAppBar} menu={ConsoleMenu}>
      {children}
    </RaLayout>
  );
}
