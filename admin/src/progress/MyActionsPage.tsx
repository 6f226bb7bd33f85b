// "Mijn acties": the actions the signed-in user owns, whether each is late, and the open progress
// requests on them (round, due date, step), with a link to report. Read through react-admin's
// data provider (the generic lists with the API's late filter), like the generated screens.
import { Alert, Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Title, useGetIdentity, useGetList, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';

export const MY_ACTIONS_PATH = '/mijn-acties';

interface ActionRow {
  id: string;
  code: string;
  description: string;
  status: string;
  endDate: string | null;
}
interface UpdateRow {
  id: string;
  actionId: string;
  roundId: string;
  state: string;
}
interface RoundRow {
  id: string;
  title: string;
  dueOn: string;
  state: string;
}

const OPEN_STATES = ['REQUESTED', 'DRAFT', 'RETURNED', 'SUBMITTED'];
const ALL = { page: 1, perPage: 500 };

export function MyActionsPage() {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const me = identity?.id ? String(identity.id) : null;
  const mine = { ownerId: { eq: me } };
  const actions = useGetList<ActionRow>(
    'actions',
    { filter: mine, pagination: ALL, sort: { field: 'code', order: 'ASC' } },
    { enabled: Boolean(me) },
  );
  const late = useGetList<ActionRow>(
    'actions',
    { filter: { ...mine, late_eq: true }, pagination: ALL },
    { enabled: Boolean(me) },
  );
  const ids = (actions.data ?? []).map((action) => action.id);
  const rounds = useGetList<RoundRow>(
    'progressRounds',
    { filter: { state: ['OPEN'] }, pagination: { page: 1, perPage: 100 } },
    { enabled: ids.length > 0 },
  );
  const updates = useGetList<UpdateRow>(
    'progressUpdates',
    { filter: { actionId: { in: ids }, state: OPEN_STATES }, pagination: ALL },
    { enabled: ids.length > 0 },
  );
  const lateIds = new Set((late.data ?? []).map((action) => action.id));
  const openRounds = new Map((rounds.data ?? []).map((round) => [round.id, round]));
  const requestsOf = (actionId: string) =>
    (updates.data ?? []).filter((update) => update.actionId === actionId && openRounds.has(update.roundId));
  const error = actions.error ?? late.error ?? rounds.error ?? updates.error;

  return (
    <Box sx={{ p: 2 }}>
      <Title title={translate('welkom.progress.my_actions')} />
      <Typography variant="h5" component="h1" gutterBottom>
        {translate('welkom.progress.my_actions')}
      </Typography>
      {error ? <Alert severity="error">{(error as Error).message}</Alert> : null}
      {actions.data && actions.data.length === 0 ? (
        <Typography>{translate('welkom.progress.no_actions')}</Typography>
      ) : null}
      {actions.data?.length ? (
        <Table size="small" aria-label={translate('welkom.progress.my_actions')}>
          <TableHead>
            <TableRow>
              <TableCell>Code</TableCell>
              <TableCell>{translate('welkom.progress.activity')}</TableCell>
              <TableCell>{translate('welkom.progress.filter_late')}</TableCell>
              <TableCell>{translate('welkom.progress.my_requests')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {actions.data.map((action) => (
              <TableRow key={action.id}>
                <TableCell>
                  <Link to={`/actions/${encodeURIComponent(action.id)}/show`}>{action.code}</Link>
                </TableCell>
                <TableCell>{action.description}</TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    color={lateIds.has(action.id) ? 'warning' : 'default'}
                    label={translate(lateIds.has(action.id) ? 'welkom.progress.late' : 'welkom.progress.on_time')}
                  />
                </TableCell>
                <TableCell>
                  {requestsOf(action.id).length === 0
                    ? translate('welkom.progress.none')
                    : requestsOf(action.id).map((update) => {
                        const round = openRounds.get(update.roundId)!;
                        return (
                          <Box key={update.id}>
                            <Link to={`/voortgang/${round.id}`}>{round.title}</Link>
                            {` · ${translate('welkom.progress.due_on')} ${round.dueOn} · ${update.state}`}
                          </Box>
                        );
                      })}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </Box>
  );
}
