// Dutch sign-in page: e-mail and password against the API's login mutation. After signing
// in, everything react-admin cached about "who is this" (identity, access) is asked again.
import { Button, CardContent, CircularProgress, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Form, Login, PasswordInput, TextInput, required, useLogin, useNotify, useTranslate } from 'react-admin';

function LoginForm() {
  const translate = useTranslate();
  const login = useLogin();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const submit = async (values: Record<string, unknown>) => {
    setPending(true);
    try {
      await login({ username: values.email, password: values.password });
      await queryClient.invalidateQueries({ queryKey: ['auth'] });
    } catch (error) {
      notify((error as Error)?.message || 'ra.auth.sign_in_error', { type: 'error' });
    } finally {
      setPending(false);
    }
  };
  return (
    <Form onSubmit={submit}>
      <CardContent sx={{ width: '20rem', maxWidth: '100%', mx: 'auto' }}>
        <TextInput
          source="email"
          label="ra.auth.email"
          type="email"
          autoComplete="username"
          autoFocus
          validate={required()}
          fullWidth
        />
        <PasswordInput
          source="password"
          label="ra.auth.password"
          autoComplete="current-password"
          validate={required()}
          fullWidth
        />
        <Button variant="contained" type="submit" color="primary" disabled={pending} fullWidth sx={{ mt: 2 }}>
          {pending ? <CircularProgress size={19} thickness={3} /> : translate('ra.auth.sign_in')}
        </Button>
      </CardContent>
    </Form>
  );
}

export function LoginPage() {
  const translate = useTranslate();
  return (
    <Login>
      <Typography variant="h5" component="h1" align="center" sx={{ mt: 2 }}>
        {translate('welkom.title')}
      </Typography>
      <Typography
        variant="body2"
        align="center"
        color="text.secondary"
        sx={{ mx: 'auto', mt: 1, px: 2, maxWidth: '20rem' }}
      >
        {translate('welkom.sign_in_intro')}
      </Typography>
      <LoginForm />
    </Login>
  );
}
