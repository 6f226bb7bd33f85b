// A scheme: its ceiling, what is granted so far and what remains, and its applications.
import {
  Box,
  Card,
  CardContent,
  LinearProgress,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Typography,
} from '@mui/material';
import { Title, useGetList, useGetOne, useLocale, useTranslate } from 'react-admin';
import { Link, useParams } from 'react-router-dom';
import { day, euros } from '../lib/format';
import { ApplicationsTable } from './ApplicationsTable';
import { APPLICATIONS, QUEUE_SELECT, type QueueRow, SCHEMES, type Scheme } from './data';

export function SchemePage() {
  const { id = '' } = useParams<{ id: string }>();
  const translate = useTranslate();
  const locale = useLocale();
  const text = (key: string, options?: object) => translate(`welkom.subsidies.scheme_page.${key}`, options);
  const { data: scheme, isPending, error } = useGetOne<Scheme>(SCHEMES, { id });
  const { data: applications } = useGetList<QueueRow>(APPLICATIONS, {
    filter: { schemeId: id },
    sort: { field: 'createdAt', order: 'DESC' },
    pagination: { page: 1, perPage: 500 },
    meta: { select: QUEUE_SELECT },
  });
  if (isPending) return <Typography sx={{ m: 2 }}>{translate('welkom.subsidies.loading')}</Typography>;
  if (error || !scheme) return <Typography sx={{ m: 2 }}>{text('not_found')}</Typography>;
  const share = scheme.ceilingCents ? Math.min(100, (100 * (scheme.grantedCents ?? 0)) / scheme.ceilingCents) : 0;
  const rows: [string, string][] = [
    [text('ceiling'), scheme.ceilingCents === null ? text('ceiling_unknown') : euros(scheme.ceilingCents, locale)],
    [text('granted'), euros(scheme.grantedCents, locale)],
    [text('remaining'), euros(scheme.remainingCents, locale)],
    [text('maximum'), euros(scheme.maxPerApplicationCents, locale)],
    [text('four_eyes'), euros(scheme.fourEyesThresholdCents, locale)],
    [text('term'), text('weeks', { smart_count: scheme.decisionTermWeeks })],
    [text('window'), `${day(scheme.opensOn, locale)} – ${day(scheme.closesOn, locale)}`],
  ];
  return (
    <Box sx={{ p: 2 }}>
      <Title title={scheme.name} />
      <Typography variant="body2" component="nav" aria-label={translate('welkom.subsidies.breadcrumb')}>
        <Link to="/subsidies">{translate('welkom.subsidies.queue_link')}</Link>
      </Typography>
      <Typography variant="h5" component="h1" gutterBottom>
        {scheme.name}
      </Typography>
      {scheme.description ? (
        <Typography variant="body2" color="text.secondary" gutterBottom>
          {scheme.description}
        </Typography>
      ) : null}
      <Card variant="outlined" sx={{ mb: 2, maxWidth: 720 }} component="section" aria-label={text('ceiling_section')}>
        <CardContent>
          <Table size="small">
            <TableBody>
              {rows.map(([label, value]) => (
                <TableRow key={label}>
                  <TableCell>{label}</TableCell>
                  <TableCell align="right">{value}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {scheme.ceilingCents !== null ? (
            <LinearProgress variant="determinate" value={share} sx={{ mt: 2, height: 10 }} aria-label={text('share')} />
          ) : null}
        </CardContent>
      </Card>
      <Card variant="outlined">
        <ApplicationsTable rows={applications ?? []} label={text('applications')} />
      </Card>
    </Box>
  );
}
