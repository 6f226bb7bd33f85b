// A list or record page the user may not read (a secretary opening the panel's members by
// URL) says so in words, instead of an empty table beside an API error.
import LockIcon from '@mui/icons-material/Lock';
import { Alert, Box, Button } from '@mui/material';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Title, useCanAccess, useGetIdentity, useTranslate } from 'react-admin';
import { enumKey } from '../i18n/messages';
import type { Audience, ResourceModel } from '../schema/model';

function useAudienceText(audience: Audience): string {
  const translate = useTranslate();
  if (audience.kind === 'anyone') return translate('welkom.access.anyone');
  if (audience.kind === 'staff') return translate('welkom.access.staff');
  const names = audience.roles.map((role) => translate(enumKey('Role', role)).toLowerCase());
  if (!names.length) return translate('welkom.access.nobody');
  return names.length > 1
    ? `${names.slice(0, -1).join(', ')} ${translate('welkom.access.and')} ${names.at(-1)}`
    : names[0]!;
}

export function NoAccess({ resource }: { resource: ResourceModel }) {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const signedIn = Boolean(identity?.id);
  const name = translate(`resources.${resource.name}.name`, { smart_count: 2 });
  const audience = useAudienceText(resource.access.read);
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={name} />
      <Alert
        severity="warning"
        icon={<LockIcon />}
        action={
          signedIn ? undefined : (
            <Button color="inherit" size="small" component={Link} to="/login">
              {translate('welkom.sign_in')}
            </Button>
          )
        }
      >
        {translate(signedIn ? 'welkom.access.denied' : 'welkom.access.sign_in', { name, audience })}
      </Alert>
    </Box>
  );
}

export function AccessGuard({
  resource,
  action,
  children,
}: {
  resource: ResourceModel;
  action: 'list' | 'show';
  children: ReactNode;
}) {
  const { canAccess, isPending } = useCanAccess({ action, resource: resource.name });
  if (isPending) return null;
  return canAccess ? children : <NoAccess resource={resource} />;
}
