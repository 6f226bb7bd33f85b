// The applications of a queue or a scheme: reference, applicant, activity, state, money, deadline.
import { Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLocale, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { enumKey } from '../i18n/messages';
import { day, euros } from '../lib/format';
import type { QueueRow } from './data';

export function DeadlineText({
  row,
}: {
  row: Pick<QueueRow, 'decisionDueOn' | 'daysLeft' | 'overdue' | 'clockPaused'>;
}) {
  const translate = useTranslate();
  const locale = useLocale();
  if (row.clockPaused)
    return <Chip size="small" label={translate('welkom.subsidies.deadline.paused')} variant="outlined" />;
  if (!row.decisionDueOn || row.daysLeft === null) return <>–</>;
  const date = day(row.decisionDueOn, locale);
  if (row.overdue)
    return (
      <Chip
        size="small"
        color="error"
        label={translate('welkom.subsidies.deadline.overdue', { date, days: -row.daysLeft })}
      />
    );
  return (
    <Chip
      size="small"
      color={row.daysLeft <= 7 ? 'warning' : 'default'}
      variant={row.daysLeft <= 7 ? 'filled' : 'outlined'}
      label={translate('welkom.subsidies.deadline.left', { date, days: row.daysLeft })}
    />
  );
}

export function ApplicationsTable({ rows, label }: { rows: QueueRow[]; label: string }) {
  const translate = useTranslate();
  const locale = useLocale();
  const column = (name: string) => translate(`welkom.subsidies.columns.${name}`);
  if (!rows.length)
    return (
      <Typography sx={{ p: 2 }} color="text.secondary">
        {translate('welkom.subsidies.none')}
      </Typography>
    );
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          <TableCell>{column('reference')}</TableCell>
          <TableCell>{column('applicant')}</TableCell>
          <TableCell>{column('activity')}</TableCell>
          <TableCell>{column('state')}</TableCell>
          <TableCell align="right">{column('requested')}</TableCell>
          <TableCell align="right">{column('granted')}</TableCell>
          <TableCell>{column('due')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id} hover>
            <TableCell>
              <Link
                to={`/subsidies/applications/${row.id}`}
                aria-label={translate('welkom.subsidies.open_application', { reference: row.reference })}
              >
                {row.reference}
              </Link>
            </TableCell>
            <TableCell>{row.applicant.name}</TableCell>
            <TableCell>{row.activity}</TableCell>
            <TableCell>
              {translate(enumKey('SubsidyApplicationState', row.state))}
              {row.proposedCents !== null ? (
                <Chip
                  size="small"
                  sx={{ ml: 1 }}
                  color="info"
                  label={translate('welkom.subsidies.awaiting_approval')}
                />
              ) : null}
            </TableCell>
            <TableCell align="right">{euros(row.requestedCents, locale)}</TableCell>
            <TableCell align="right">{euros(row.grantedCents, locale)}</TableCell>
            <TableCell>
              <DeadlineText row={row} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
