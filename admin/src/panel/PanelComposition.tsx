// The panel's composition as aggregates: every count is a band of five from the API
// ("< 5", "5–9"), so no group smaller than five can be seen or derived. The page says so,
// and marks each suppressed group instead of hiding it.
import VisibilityOffIcon from '@mui/icons-material/VisibilityOff';
import {
  Alert,
  Box,
  Card,
  CardContent,
  CardHeader,
  Chip,
  Grid,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Title, useGetIdentity, useLocale, useTranslate } from 'react-admin';
import { useWelkomDataProvider } from '../data/dataProvider';
import type { PanelCount } from './data';

/** A band whose lower bound is 0 is a group of fewer than five: shown, but not as a number. */
export const isSuppressed = (count: PanelCount) => count.low === 0 && count.high > 0;

function Count({ count }: { count: PanelCount }) {
  const translate = useTranslate();
  if (!isSuppressed(count)) return <>{count.display}</>;
  return (
    <Chip
      size="small"
      variant="outlined"
      icon={<VisibilityOffIcon />}
      label={count.display}
      title={translate('welkom.panel.composition.suppressed')}
      aria-label={`${count.display}: ${translate('welkom.panel.composition.suppressed')}`}
    />
  );
}

export function PanelComposition() {
  const translate = useTranslate();
  const english = useLocale() === 'en';
  const { identity, isPending: identityPending } = useGetIdentity();
  const signedIn = Boolean(identity?.id);
  const dataProvider = useWelkomDataProvider();
  const { data, error } = useQuery({
    queryKey: ['panelComposition'],
    queryFn: () => dataProvider.getPanelComposition(),
    enabled: signedIn,
  });
  return (
    <Box sx={{ mt: 2, mb: 4, minWidth: 0 }}>
      <Title title={translate('welkom.panel.composition.title')} />
      <Typography variant="h5" component="h1" gutterBottom>
        {translate('welkom.panel.composition.title')}
      </Typography>
      {!identityPending && !signedIn && (
        <Alert severity="warning">{translate('welkom.panel.composition.sign_in')}</Alert>
      )}
      {error && (
        <Alert severity="error">
          {(error as Error).message.split(' | ')[english ? 1 : 0] ?? (error as Error).message}
        </Alert>
      )}
      {signedIn && (
        <Alert
          severity="info"
          icon={<VisibilityOffIcon />}
          sx={{ mb: 2 }}
          aria-label={translate('welkom.panel.composition.about_title')}
        >
          <strong>{translate('welkom.panel.composition.about_title')}</strong>{' '}
          {translate('welkom.panel.composition.about')}
        </Alert>
      )}
      {data && (
        <>
          <Typography sx={{ mb: 2 }}>
            {translate('welkom.panel.composition.total')}: <Count count={data.total} />
          </Typography>
          <Grid container spacing={2}>
            {data.dimensions.map((dimension) => {
              const label = english ? dimension.labelEn : dimension.label;
              return (
                <Grid key={dimension.key} size={{ xs: 12, md: 6 }} sx={{ minWidth: 0 }}>
                  <Card component="section" aria-label={label} sx={{ height: '100%' }}>
                    <CardHeader title={label} slotProps={{ title: { variant: 'h6', component: 'h2' } }} />
                    <CardContent sx={{ pt: 0 }}>
                      <Table size="small">
                        <TableHead>
                          <TableRow>
                            <TableCell>{translate('welkom.panel.composition.group')}</TableCell>
                            <TableCell align="right">{translate('welkom.panel.composition.count')}</TableCell>
                          </TableRow>
                        </TableHead>
                        <TableBody>
                          {dimension.cells.map((cell) => (
                            <TableRow key={cell.key}>
                              <TableCell component="th" scope="row">
                                {english ? cell.labelEn : cell.label}
                              </TableCell>
                              <TableCell align="right">
                                <Count count={cell.count} />
                              </TableCell>
                            </TableRow>
                          ))}
                        </TableBody>
                      </Table>
                    </CardContent>
                  </Card>
                </Grid>
              );
            })}
          </Grid>
        </>
      )}
    </Box>
  );
}
