// On the home page after signing in: my open progress requests (with reminders before and after
// the due date), and late actions and missing updates as counts that open their lists.
import {
  Button,
  Card,
  CardContent,
  CardHeader,
  Chip,
  List,
  ListItem,
  ListItemText,
  Stack,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useGetIdentity, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { useWelkomDataProvider } from '../data/dataProvider';
import { MY_ACTIONS_PATH } from './MyActionsPage';

export function ProgressHomeCard() {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const [shown, setShown] = useState<'late' | 'missing' | null>(null);
  const dataProvider = useWelkomDataProvider();
  const { data } = useQuery({
    enabled: Boolean(identity?.id),
    queryKey: ['progress-home', identity?.id],
    queryFn: () => dataProvider.getProgressHome(),
  });
  if (!identity?.id || !data) return null;
  const lists = {
    late: data.lateActions.map((a) => ({
      key: a.code,
      primary: `${a.code} ${a.description}`,
      secondary: a.reasons.join(', '),
    })),
    missing: data.missingProgressUpdates.map((u) => ({ key: u.id, primary: u.actionCode, secondary: u.roundTitle })),
  };
  return (
    <Card component="section" aria-label={translate('welkom.progress.menu')} sx={{ mb: 2 }}>
      <CardHeader
        title={translate('welkom.progress.menu')}
        action={
          <Button component={Link} to={MY_ACTIONS_PATH}>
            {translate('welkom.progress.my_actions')}
          </Button>
        }
      />
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ mb: 2 }}>
          <Chip
            clickable
            color={lists.late.length ? 'warning' : 'default'}
            label={`${translate('welkom.progress.late_actions')}: ${lists.late.length}`}
            onClick={() => setShown(shown === 'late' ? null : 'late')}
          />
          <Chip
            clickable
            color={lists.missing.length ? 'warning' : 'default'}
            label={`${translate('welkom.progress.missing_updates')}: ${lists.missing.length}`}
            onClick={() => setShown(shown === 'missing' ? null : 'missing')}
          />
        </Stack>
        {shown ? (
          <>
            <List
              dense
              aria-label={translate(
                shown === 'late' ? 'welkom.progress.late_actions' : 'welkom.progress.missing_updates',
              )}
            >
              {lists[shown].map((item) => (
                <ListItem key={item.key}>
                  <ListItemText primary={item.primary} secondary={item.secondary} />
                </ListItem>
              ))}
            </List>
            <Link
              to={`/actions?filter=${encodeURIComponent(JSON.stringify(shown === 'late' ? { late_eq: true } : { progressMissing_eq: true }))}`}
            >
              {translate('welkom.progress.open_in_list')}
            </Link>
          </>
        ) : null}
        <Typography variant="subtitle1" component="h3">
          {translate('welkom.progress.my_requests')}
        </Typography>
        {data.openProgressRequests.length === 0 ? (
          <Typography>{translate('welkom.progress.no_requests')}</Typography>
        ) : (
          <List dense aria-label={translate('welkom.progress.my_requests')}>
            {data.openProgressRequests.map((request) => (
              <ListItem key={request.id}>
                <ListItemText
                  primary={`${request.actionCode} · ${request.roundTitle}`}
                  secondary={
                    request.reminder
                      ? translate(
                          request.reminder.kind === 'OVERDUE' ? 'welkom.progress.overdue' : 'welkom.progress.due_soon',
                          { days: Math.abs(request.reminder.days) },
                        )
                      : request.actionDescription
                  }
                />
              </ListItem>
            ))}
          </List>
        )}
      </CardContent>
    </Card>
  );
}
