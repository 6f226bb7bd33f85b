// The grant officer's work queue: assigned to me, waiting for a second approval, overdue, due
// within a week, all open; filtered by scheme and state. Rows and schemes come through the data
// provider (useGetList), the tabs' counts through one custom method call.
import {
  Box,
  Card,
  CardContent,
  FormControl,
  InputLabel,
  MenuItem,
  Select,
  Tab,
  Tabs,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useGetIdentity, useGetList, useLocale, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { useWelkomDataProvider } from '../data/dataProvider';
import { enumKey } from '../i18n/messages';
import { euros } from '../lib/format';
import { ApplicationsTable } from './ApplicationsTable';
import {
  APPLICATIONS,
  OPEN_STATES,
  QUEUE_SELECT,
  type QueueRow,
  SCHEMES,
  type Scheme,
  type TransitionRule,
} from './data';

const isoDay = (offset = 0) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const QUEUES = ['mine', 'approval', 'overdue', 'week', 'open', 'all'] as const;
type QueueName = (typeof QUEUES)[number];

/** The API filter of a queue, narrowed to one state when the user chose one. */
function queueFilter(name: QueueName, me: string | undefined, state: string): Record<string, unknown> {
  const states = (allowed: string[]) => ({
    state: { in: state ? allowed.filter((candidate) => candidate === state) : allowed },
  });
  const open = states(OPEN_STATES);
  switch (name) {
    case 'mine':
      return { ...open, assignedToId: { eq: me ?? '00000000-0000-4000-8000-000000000000' } };
    case 'approval':
      return { ...states(['IN_REVIEW']), proposedCents: { isNull: false } };
    case 'overdue':
      return { ...open, decisionDueOn: { lt: isoDay() } };
    case 'week':
      return { ...open, decisionDueOn: { gte: isoDay(), lte: isoDay(7) } };
    case 'open':
      return open;
    default:
      return state ? { state: { eq: state } } : {};
  }
}

/** Every state in the order of the workflow (the server's table), not the alphabet. */
function workflowOrder(rules: TransitionRule[] | undefined): string[] {
  const order: string[] = [];
  for (const rule of rules ?? [])
    for (const state of [...rule.from, rule.to]) if (!order.includes(state)) order.push(state);
  return order;
}

export function WorkQueue() {
  const translate = useTranslate();
  const locale = useLocale();
  const dataProvider = useWelkomDataProvider();
  const { identity } = useGetIdentity();
  const me = identity?.id as string | undefined;
  const [queue, setQueue] = useState<QueueName>('open');
  const [schemeId, setSchemeId] = useState('');
  const [state, setState] = useState('');
  const filterOf = (name: QueueName) => ({
    ...queueFilter(name, me, state),
    ...(schemeId ? { schemeId: { eq: schemeId } } : {}),
  });
  const { data: rows, error } = useGetList<QueueRow>(APPLICATIONS, {
    filter: filterOf(queue),
    sort: { field: 'decisionDueOn', order: 'ASC' },
    pagination: { page: 1, perPage: 200 },
    meta: { select: QUEUE_SELECT },
  });
  const { data: schemes } = useGetList<Scheme>(SCHEMES, {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'name', order: 'ASC' },
  });
  const { data: counts } = useQuery({
    queryKey: [APPLICATIONS, 'countSubsidyApplications', me, schemeId, state],
    queryFn: () =>
      dataProvider.countSubsidyApplications(
        Object.fromEntries(QUEUES.map((name) => [name, filterOf(name)])) as Record<QueueName, Record<string, unknown>>,
      ),
  });
  const { data: rules } = useQuery({
    queryKey: ['subsidyTransitions'],
    queryFn: () => dataProvider.getSubsidyTransitions(),
    staleTime: Infinity,
  });
  const title = translate('welkom.subsidies.queue_title');
  const queueLabel = (name: QueueName) => translate(`welkom.subsidies.queue.${name}`);
  return (
    <Box sx={{ p: 2 }}>
      <Title title={title} />
      <Typography variant="h5" component="h1" gutterBottom>
        {title}
      </Typography>
      {error ? <Typography color="error">{(error as Error).message}</Typography> : null}
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', mb: 2 }}>
        {schemes?.map((scheme) => (
          <Card key={scheme.id} variant="outlined" sx={{ minWidth: 280 }}>
            <CardContent>
              <Typography variant="subtitle2">
                <Link to={`/subsidies/schemes/${scheme.id}`}>{scheme.name}</Link>
              </Typography>
              <Typography variant="body2">
                {translate('welkom.subsidies.scheme_summary', {
                  ceiling:
                    scheme.ceilingCents === null
                      ? translate('welkom.subsidies.unknown')
                      : euros(scheme.ceilingCents, locale),
                  granted: euros(scheme.grantedCents, locale),
                  remaining: euros(scheme.remainingCents, locale),
                })}
              </Typography>
            </CardContent>
          </Card>
        ))}
      </Box>
      <Box sx={{ display: 'flex', gap: 2, mb: 1 }}>
        <FormControl size="small" sx={{ minWidth: 280 }}>
          <InputLabel id="queue-scheme">{translate('welkom.subsidies.scheme')}</InputLabel>
          <Select
            labelId="queue-scheme"
            label={translate('welkom.subsidies.scheme')}
            value={schemeId}
            onChange={(event) => setSchemeId(event.target.value)}
          >
            <MenuItem value="">{translate('welkom.subsidies.all_schemes')}</MenuItem>
            {schemes?.map((scheme) => (
              <MenuItem key={scheme.id} value={scheme.id}>
                {scheme.name}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
        <FormControl size="small" sx={{ minWidth: 220 }}>
          <InputLabel id="queue-state">{translate('welkom.subsidies.state')}</InputLabel>
          <Select
            labelId="queue-state"
            label={translate('welkom.subsidies.state')}
            value={state}
            onChange={(event) => setState(event.target.value)}
          >
            <MenuItem value="">{translate('welkom.subsidies.all_states')}</MenuItem>
            {workflowOrder(rules).map((value) => (
              <MenuItem key={value} value={value}>
                {translate(enumKey('SubsidyApplicationState', value))}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
      </Box>
      <Tabs
        value={queue}
        onChange={(_event, value: QueueName) => setQueue(value)}
        variant="scrollable"
        aria-label={title}
      >
        {QUEUES.map((name) => (
          <Tab key={name} value={name} label={`${queueLabel(name)} (${counts?.[name] ?? '…'})`} />
        ))}
      </Tabs>
      <Card variant="outlined">
        <ApplicationsTable rows={rows ?? []} label={queueLabel(queue)} />
      </Card>
    </Box>
  );
}
