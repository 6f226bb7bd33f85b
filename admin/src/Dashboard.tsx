// The home page, hand-written because it is a view of the programme rather than of one
// entity: actions per theme and status, what starts and ends this quarter, open
// data-quality notes. Every number links to the filtered list behind it.
import {
  Alert,
  Box,
  Card,
  CardContent,
  CardHeader,
  Chip,
  Grid,
  Link as MuiLink,
  List as MuiList,
  ListItem,
  ListItemButton,
  ListItemText,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { Title, useLocale, useTranslate } from 'react-admin';
import { enumKey } from './i18n/messages';
import type { ConsoleModel } from './schema/model';
import { useWelkomDataProvider } from './data/dataProvider';
import type { ActionRow } from './dashboard/data';
import { ProgressHomeCard } from './progress/HomeCard';

export function currentQuarter(today = new Date()) {
  const quarter = Math.floor(today.getMonth() / 3);
  const year = today.getFullYear();
  const pad = (n: number) => String(n).padStart(2, '0');
  const lastDay = new Date(year, quarter * 3 + 3, 0).getDate();
  return {
    label: { nl: `K${quarter + 1} ${year}`, en: `Q${quarter + 1} ${year}` },
    from: `${year}-${pad(quarter * 3 + 1)}-01`,
    to: `${year}-${pad(quarter * 3 + 3)}-${pad(lastDay)}`,
  };
}

const listLink = (resource: string, filter: Record<string, unknown>) =>
  `/${resource}?${new URLSearchParams({ filter: JSON.stringify(filter) }).toString()}`;

// Two lines at most; wrapping text (unlike noWrap) does not widen the page.
const CLAMP = { display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' } as const;

const STATUS_ORDER = ['PLANNED', 'RUNNING', 'DONE', 'POSTPONED', 'REVISED', 'CANCELLED', 'UNKNOWN'];

function useProgramme(statuses: string[]) {
  const quarter = currentQuarter();
  const dataProvider = useWelkomDataProvider();
  return useQuery({
    queryKey: ['dashboard', quarter.from, statuses],
    queryFn: async () => ({
      ...(await dataProvider.getProgrammeOverview({ from: quarter.from, to: quarter.to }, statuses)),
      quarter,
    }),
  });
}

function ActionList({ rows, dateField }: { rows: ActionRow[]; dateField: 'startDate' | 'endDate' }) {
  const translate = useTranslate();
  const locale = useLocale();
  if (rows.length === 0) return <Typography color="text.secondary">{translate('welkom.dashboard.none')}</Typography>;
  return (
    <MuiList dense disablePadding>
      {rows.map((row) => (
        <ListItem key={row.id} disablePadding>
          <ListItemButton component={Link} to={`/actions/${encodeURIComponent(row.id)}/show`}>
            <ListItemText
              primary={`${row.code} · ${row.description}`}
              secondary={`${row[dateField] ? new Date(row[dateField]!).toLocaleDateString(locale === 'en' ? 'en-GB' : 'nl-NL') : ''} · ${translate(enumKey('ActionStatus', row.status))}`}
              slotProps={{ primary: { sx: CLAMP } }}
            />
          </ListItemButton>
        </ListItem>
      ))}
    </MuiList>
  );
}

export function Dashboard({ model }: { model: ConsoleModel }) {
  const translate = useTranslate();
  const locale = useLocale() === 'en' ? 'en' : 'nl';
  const known = model.enums.ActionStatus?.values.map((value) => value.value) ?? [];
  // The life cycle's order rather than the schema's alphabet; statuses added later come last.
  const statuses = [
    ...STATUS_ORDER.filter((status) => known.includes(status)),
    ...known.filter((status) => !STATUS_ORDER.includes(status)),
  ];
  const { data, error } = useProgramme(statuses);
  const quarterLabel = data?.quarter.label[locale] ?? '';
  return (
    <Box sx={{ mt: 2, mb: 4, minWidth: 0 }}>
      <Title title="ra.page.dashboard" />
      <Typography variant="h5" component="h1" gutterBottom>
        {translate('welkom.subtitle')}
      </Typography>
      {error && <Alert severity="error">{translate('welkom.dashboard.unreachable')}</Alert>}
      <ProgressHomeCard />
      {data && (
        <Grid container spacing={2}>
          <Grid size={12} sx={{ minWidth: 0 }}>
            <Card component="section" aria-label={translate('welkom.dashboard.per_theme')}>
              <CardHeader
                title={translate('welkom.dashboard.per_theme')}
                slotProps={{ title: { variant: 'h6', component: 'h2' } }}
              />
              {/* On a tablet the statuses do not all fit: the table scrolls sideways inside its card. */}
              <TableContainer>
                <Table size="small">
                  <TableHead>
                    <TableRow>
                      <TableCell sx={{ minWidth: '11rem' }}>{translate('welkom.dashboard.theme')}</TableCell>
                      {statuses.map((status) => (
                        <TableCell key={status} align="right">
                          {translate(enumKey('ActionStatus', status))}
                        </TableCell>
                      ))}
                      <TableCell align="right">{translate('welkom.dashboard.total')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {data.themes.nodes.map((theme, t) => (
                      <TableRow key={theme.id} hover>
                        <TableCell component="th" scope="row">
                          <MuiLink component={Link} to={`/themes/${encodeURIComponent(theme.id)}/show`}>
                            {theme.number}. {theme.name}
                          </MuiLink>
                        </TableCell>
                        {statuses.map((status, s) => {
                          const count = data.counts[`t${t}_s${s}`]?.totalCount ?? 0;
                          return (
                            <TableCell key={status} align="right">
                              {count === 0 ? (
                                <Typography component="span" color="text.disabled">
                                  0
                                </Typography>
                              ) : (
                                <MuiLink
                                  component={Link}
                                  to={listLink('actions', { themeId: theme.id, status: [status] })}
                                >
                                  {count}
                                </MuiLink>
                              )}
                            </TableCell>
                          );
                        })}
                        <TableCell align="right">
                          <MuiLink
                            component={Link}
                            to={listLink('actions', { themeId: theme.id })}
                            sx={{ fontWeight: 600 }}
                          >
                            {data.counts[`t${t}_total`]?.totalCount ?? 0}
                          </MuiLink>
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </TableContainer>
            </Card>
          </Grid>
          <Grid size={{ xs: 12, md: 6, lg: 4 }} sx={{ minWidth: 0 }}>
            <Card
              component="section"
              aria-label={translate('welkom.dashboard.quarter_start', { quarter: quarterLabel })}
              sx={{ height: '100%' }}
            >
              <CardHeader
                title={translate('welkom.dashboard.quarter_start', { quarter: quarterLabel })}
                slotProps={{ title: { variant: 'h6', component: 'h2' } }}
                action={<Chip label={data.starting.totalCount} />}
              />
              <CardContent sx={{ pt: 0 }}>
                <ActionList rows={data.starting.nodes} dateField="startDate" />
                {data.starting.totalCount > data.starting.nodes.length && (
                  <MuiLink
                    component={Link}
                    to={listLink('actions', { startDate_gte: data.quarter.from, startDate_lte: data.quarter.to })}
                  >
                    {translate('welkom.dashboard.all', { count: data.starting.totalCount })}
                  </MuiLink>
                )}
              </CardContent>
            </Card>
          </Grid>
          <Grid size={{ xs: 12, md: 6, lg: 4 }} sx={{ minWidth: 0 }}>
            <Card
              component="section"
              aria-label={translate('welkom.dashboard.quarter_end', { quarter: quarterLabel })}
              sx={{ height: '100%' }}
            >
              <CardHeader
                title={translate('welkom.dashboard.quarter_end', { quarter: quarterLabel })}
                slotProps={{ title: { variant: 'h6', component: 'h2' } }}
                action={<Chip label={data.ending.totalCount} />}
              />
              <CardContent sx={{ pt: 0 }}>
                <ActionList rows={data.ending.nodes} dateField="endDate" />
                {data.ending.totalCount > data.ending.nodes.length && (
                  <MuiLink
                    component={Link}
                    to={listLink('actions', { endDate_gte: data.quarter.from, endDate_lte: data.quarter.to })}
                  >
                    {translate('welkom.dashboard.all', { count: data.ending.totalCount })}
                  </MuiLink>
                )}
              </CardContent>
            </Card>
          </Grid>
          <Grid size={{ xs: 12, md: 12, lg: 4 }} sx={{ minWidth: 0 }}>
            <Card component="section" aria-label={translate('welkom.dashboard.open_notes')} sx={{ height: '100%' }}>
              <CardHeader
                title={translate('welkom.dashboard.open_notes')}
                slotProps={{ title: { variant: 'h6', component: 'h2' } }}
                action={<Chip color={data.notes.totalCount ? 'warning' : 'default'} label={data.notes.totalCount} />}
              />
              <CardContent sx={{ pt: 0 }}>
                {data.notes.nodes.length === 0 ? (
                  <Typography color="text.secondary">{translate('welkom.dashboard.none')}</Typography>
                ) : (
                  <MuiList dense disablePadding>
                    {data.notes.nodes.map((note) => (
                      <ListItem key={note.id} disablePadding>
                        <ListItemButton component={Link} to={`/dataQualityNotes/${encodeURIComponent(note.id)}/show`}>
                          <ListItemText
                            primary={note.title}
                            secondary={translate(enumKey('DataQualitySeverity', note.severity))}
                            slotProps={{ primary: { sx: CLAMP } }}
                          />
                        </ListItemButton>
                      </ListItem>
                    ))}
                  </MuiList>
                )}
                <MuiLink component={Link} to={listLink('dataQualityNotes', { status: ['OPEN'] })}>
                  {translate('welkom.dashboard.all', { count: data.notes.totalCount })}
                </MuiLink>
              </CardContent>
            </Card>
          </Grid>
        </Grid>
      )}
    </Box>
  );
}
