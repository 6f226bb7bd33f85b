// A scheme: its ceiling, what is granted so far and what remains, and its applications.
import { Box, Card, CardContent, LinearProgress, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Title } from 'react-admin';
import { Link, useParams } from 'react-router-dom';
import { ApplicationsTable } from './ApplicationsTable';
import { QUEUE_FIELDS, type QueueRow, dateText, euro, graphql } from './api';

interface SchemeDetail {
  id: string; name: string; year: number; description: string | null; isDemo: boolean; ceilingCents: number | null; grantedCents: number | null;
  remainingCents: number | null; maxPerApplicationCents: number | null; fourEyesThresholdCents: number | null; decisionTermWeeks: number;
  opensOn: string | null; closesOn: string | null;
}

export function SchemePage() {
  const { id } = useParams<{ id: string }>();
  const { data } = useQuery({
    queryKey: ['subsidy-scheme', id],
    queryFn: () => graphql<{ subsidyScheme: SchemeDetail | null; subsidyApplications: { nodes: QueueRow[] } }>(
      `query ($id: ID!) {
        subsidyScheme(id: $id) { id name year description isDemo ceilingCents grantedCents remainingCents maxPerApplicationCents fourEyesThresholdCents decisionTermWeeks opensOn closesOn }
        subsidyApplications(filter: { schemeId: { eq: $id } }, orderBy: [{ field: createdAt, direction: DESC }], limit: 500) { nodes { ${QUEUE_FIELDS} } }
      }`, { id }),
  });
  const scheme = data?.subsidyScheme;
  if (!scheme) return <Typography sx={{ m: 2 }}>{data ? 'Deze regeling bestaat niet.' : 'Laden…'}</Typography>;
  const share = scheme.ceilingCents ? Math.min(100, (100 * (scheme.grantedCents ?? 0)) / scheme.ceilingCents) : 0;
  return (
    <Box sx={{ p: 2 }}>
      <Title title={scheme.name} />
      <Typography variant="body2"><Link to="/subsidies">Werkvoorraad</Link></Typography>
      <Typography variant="h5" component="h1" gutterBottom>{scheme.name}</Typography>
      {scheme.description ? <Typography variant="body2" color="text.secondary" gutterBottom>{scheme.description}</Typography> : null}
      <Card variant="outlined" sx={{ mb: 2, maxWidth: 720 }} component="section" aria-label="Plafond">
        <CardContent>
          <Table size="small"><TableBody>
            <TableRow><TableCell>Subsidieplafond</TableCell><TableCell align="right">{scheme.ceilingCents === null ? 'onbekend: er kan niets worden verleend' : euro(scheme.ceilingCents)}</TableCell></TableRow>
            <TableRow><TableCell>Verleend tot nu toe</TableCell><TableCell align="right">{euro(scheme.grantedCents)}</TableCell></TableRow>
            <TableRow><TableCell>Nog beschikbaar</TableCell><TableCell align="right">{euro(scheme.remainingCents)}</TableCell></TableRow>
            <TableRow><TableCell>Maximum per aanvraag</TableCell><TableCell align="right">{euro(scheme.maxPerApplicationCents)}</TableCell></TableRow>
            <TableRow><TableCell>Vier-ogengrens</TableCell><TableCell align="right">{euro(scheme.fourEyesThresholdCents)}</TableCell></TableRow>
            <TableRow><TableCell>Beslistermijn</TableCell><TableCell align="right">{scheme.decisionTermWeeks} weken</TableCell></TableRow>
            <TableRow><TableCell>Aanvragen</TableCell><TableCell align="right">{dateText(scheme.opensOn)} – {dateText(scheme.closesOn)}</TableCell></TableRow>
          </TableBody></Table>
          {scheme.ceilingCents !== null ? <LinearProgress variant="determinate" value={share} sx={{ mt: 2, height: 10 }} aria-label="Deel van het plafond verleend" /> : null}
        </CardContent>
      </Card>
      <Card variant="outlined">
        <ApplicationsTable rows={data.subsidyApplications.nodes} label="Aanvragen binnen deze regeling" />
      </Card>
    </Box>
  );
}
