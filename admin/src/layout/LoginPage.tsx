// Dutch sign-in page: e-mail and password against the API's login mutation.
import { Typography } from '@mui/material';
import { Login, LoginForm, useTranslate } from 'react-admin';

export function LoginPage() {
  const translate = useTranslate();
  return (
    <Login avatarIcon={undefined}>
      <Typography variant="h5" component="h1" align="center" sx={{ mt: 2 }}>
        {translate('welkom.title')}
      </Typography>
      <Typography variant="body2" align="center" color="text.secondary" sx={{ mx: 2, mt: 1 }}>
        {translate('welkom.sign_in_intro')}
      </Typography>
      <LoginForm />
    </Login>
  );
}
