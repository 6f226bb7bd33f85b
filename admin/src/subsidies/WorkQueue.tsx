// The grant officer's work queue: assigned to me, waiting for a second approval, overdue, due
// within a week, all open; filtered by scheme and state.
import { Box, Card, CardContent, FormControl, InputLabel, MenuItem, Select, Tab, Tabs, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useGetIdentity } from 'react-admin';
import { Link } from 'react-router-dom';
import { ApplicationsTable } from './ApplicationsTable';
import { OPEN_STATES, QUEUE_FIELDS, type QueueRow, STATE_LABELS, euro, graphql } from './api';

const isoDay = (offset = 0) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

type QueueName = 'mine' | 'approval' | 'overdue' | 'week' | 'open' | 'all';
const QUEUES: { name: QueueName; label: string }[] = [
  { name: 'mine', label: 'Aan mij toegewezen' },
  { name: 'approval', label: 'Wacht op tweede goedkeuring' },
  { name: 'overdue', label: 'Termijn verstreken' },
  { name: 'week', label: 'Binnen een week beslissen' },
  { name: 'open', label: 'Alle open' },
  { name: 'all', label: 'Alle' },
];

function queueFilter(name: QueueName, me: string | undefined): Record<string, unknown> {
  const open = { state: { in: OPEN_STATES } };
  switch (name) {
    case 'mine': return { ...open, assignedToId: { eq: me ?? '00000000-0000-4000-8000-000000000000' } };
    case 'approval': return { state: { eq: 'IN_REVIEW' }, proposedCents: { isNull: false } };
    case 'overdue': return { ...open, decisionDueOn: { lt: isoDay() } };
    case 'week': return { ...open, decisionDueOn: { gte: isoDay(), lte: isoDay(7) } };
    case 'open': return open;
    default: return {};
  }
}

interface Scheme { id: string; name: string; year: number; isDemo: boolean; ceilingCents: number | null; grantedCents: number | null; remainingCents: number | null }

export function WorkQueue() {
  const { identity } = useGetIdentity();
  const me = identity?.id as string | undefined;
  const [queue, setQueue] = useState<QueueName>('open');
  const [schemeId, setSchemeId] = useState('');
  const [state, setState] = useState('');
  const extra = { ...(schemeId ? { schemeId: { eq: schemeId } } : {}), ...(state ? { AND: [{ state: { eq: state } }] } : {}) };
  const filters = Object.fromEntries(QUEUES.map((q) => [q.name, { ...queueFilter(q.name, me), ...extra }]));
  const { data, error } = useQuery({
    queryKey: ['subsidy-queue', me, queue, schemeId, state],
    queryFn: () => graphql<{ list: { nodes: QueueRow[] }; schemes: { nodes: Scheme[] } } & Record<string, { totalCount: number }>>(
      `query ($list: SubsidyApplicationFilter, ${QUEUES.map((q) => `$${q.name}: SubsidyApplicationFilter`).join(', ')}) {
        list: subsidyApplications(filter: $list, orderBy: [{ field: decisionDueOn }, { field: createdAt, direction: DESC }], limit: 200) { nodes { ${QUEUE_FIELDS} } }
        ${QUEUES.map((q) => `${q.name}: subsidyApplications(filter: $${q.name}) { totalCount }`).join('\n')}
        schemes: subsidySchemes(limit: 100) { nodes { id name year isDemo ceilingCents grantedCents remainingCents } }
      }`,
      { list: filters[queue], ...filters },
    ),
  });
  return (
    <Box sx={{ p: 2 }}>
      <Title title="Subsidies: werkvoorraad" />
      <Typography variant="h5" component="h1" gutterBottom>Subsidies: werkvoorraad</Typography>
      {error ? <Typography color="error">{(error as Error).message}</Typography> : null}
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', mb: 2 }}>
        {data?.schemes.nodes.map((scheme) => (
          <Card key={scheme.id} variant="outlined" sx={{ minWidth: 280 }}>
            <CardContent>
              <Typography variant="subtitle2"><Link to={`/subsidies/schemes/${scheme.id}`}>{scheme.name}</Link></Typography>
              <Typography variant="body2">Plafond {scheme.ceilingCents === null ? 'onbekend' : euro(scheme.ceilingCents)} · verleend {euro(scheme.grantedCents)} · beschikbaar {euro(scheme.remainingCents)}</Typography>
            </CardContent>
          </Card>
        ))}
      </Box>
      <Box sx={{ display: 'flex', gap: 2, mb: 1 }}>
        <FormControl size="small" sx={{ minWidth: 280 }}>
          <InputLabel id="queue-scheme">Regeling</InputLabel>
          <Select labelId="queue-scheme" label="Regeling" value={schemeId} onChange={(event) => setSchemeId(event.target.value)}>
            <MenuItem value="">Alle regelingen</MenuItem>
            {data?.schemes.nodes.map((scheme) => <MenuItem key={scheme.id} value={scheme.id}>{scheme.name}</MenuItem>)}
          </Select>
        </FormControl>
        <FormControl size="small" sx={{ minWidth: 220 }}>
          <InputLabel id="queue-state">Status</InputLabel>
          <Select labelId="queue-state" label="Status" value={state} onChange={(event) => setState(event.target.value)}>
            <MenuItem value="">Alle statussen</MenuItem>
            {Object.entries(STATE_LABELS).map(([value, label]) => <MenuItem key={value} value={value}>{label}</MenuItem>)}
          </Select>
        </FormControl>
      </Box>
      <Tabs value={queue} onChange={(_event, value: QueueName) => setQueue(value)} variant="scrollable" aria-label="Werkvoorraad">
        {QUEUES.map((q) => <Tab key={q.name} value={q.name} label={`${q.label} (${data?.[q.name]?.totalCount ?? '…'})`} />)}
      </Tabs>
      <Card variant="outlined">
        <ApplicationsTable rows={data?.list.nodes ?? []} label={QUEUES.find((q) => q.name === queue)!.label} />
      </Card>
    </Box>
  );
}
