// The applications of a queue or a scheme: reference, applicant, activity, state, money, deadline.
import { Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { type QueueRow, STATE_LABELS, dateText, euro } from './api';

export function DeadlineText({ row }: { row: Pick<QueueRow, 'decisionDueOn' | 'daysLeft' | 'overdue' | 'clockPaused'> }) {
  if (row.clockPaused) return <Chip size="small" label="Termijn staat stil" variant="outlined" />;
  if (!row.decisionDueOn || row.daysLeft === null) return <>–</>;
  if (row.overdue) return <Chip size="small" color="error" label={`${dateText(row.decisionDueOn)} · ${-row.daysLeft} dagen te laat`} />;
  return (
    <Chip size="small" color={row.daysLeft <= 7 ? 'warning' : 'default'} variant={row.daysLeft <= 7 ? 'filled' : 'outlined'}
      label={`${dateText(row.decisionDueOn)} · nog ${row.daysLeft} dagen`} />
  );
}

export function ApplicationsTable({ rows, label }: { rows: QueueRow[]; label: string }) {
  if (!rows.length) return <Typography sx={{ p: 2 }} color="text.secondary">Geen aanvragen.</Typography>;
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          <TableCell>Kenmerk</TableCell>
          <TableCell>Aanvrager</TableCell>
          <TableCell>Activiteit</TableCell>
          <TableCell>Status</TableCell>
          <TableCell align="right">Aangevraagd</TableCell>
          <TableCell align="right">Verleend</TableCell>
          <TableCell>Uiterste beslisdatum</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id} hover>
            <TableCell><Link to={`/subsidies/applications/${row.id}`}>{row.reference}</Link></TableCell>
            <TableCell>{row.applicant.name}</TableCell>
            <TableCell>{row.activity}</TableCell>
            <TableCell>
              {STATE_LABELS[row.state] ?? row.state}
              {row.proposedCents !== null ? <Chip size="small" sx={{ ml: 1 }} color="info" label="Wacht op tweede goedkeuring" /> : null}
            </TableCell>
            <TableCell align="right">{euro(row.requestedCents)}</TableCell>
            <TableCell align="right">{euro(row.grantedCents)}</TableCell>
            <TableCell><DeadlineText row={row} /></TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
