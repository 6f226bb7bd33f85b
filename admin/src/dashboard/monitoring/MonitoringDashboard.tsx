// The monitoring dashboard of 5.4 ("een dashboard [dat] kengetallen [monitort]") and the housing
// dashboard of action 2.1 4.B: four charts, each with the table of its numbers and a CSV export,
// following the period, theme and target-group filters. `publicView` is the read-only version for
// anonymous visitors: the same published figures, without links into the console.
import DownloadIcon from '@mui/icons-material/Download';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  FormControl,
  Grid,
  InputLabel,
  MenuItem,
  Select,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useId, useMemo, useState } from 'react';
import { useLocale } from 'react-admin';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { BudgetRealisationChart } from './BudgetRealisationChart';
import { type Filters, type MonitoringData, downloadCsv, thousands } from './data';
import { useWelkomDataProvider } from '../../data/dataProvider';

const COLORS = ['#1b5e9b', '#c0504d', '#4f8a3c', '#8064a2', '#d9822b', '#2c9fa3', '#7f7f7f', '#b5a642'];
const nf = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
const pct = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 1 });

function useText() {
  const locale = useLocale();
  return (nl: string, en: string) => (locale === 'en' ? en : nl);
}

function ChartCard({
  title,
  csvName,
  rows,
  chart,
  table,
}: {
  title: string;
  csvName: string;
  rows: Record<string, unknown>[];
  chart: ReactNode;
  table: ReactNode;
}) {
  const t = useText();
  const id = useId();
  return (
    <Card component="section" aria-labelledby={id} sx={{ height: '100%' }}>
      <CardHeader
        title={
          <Typography id={id} variant="h6" component="h2">
            {title}
          </Typography>
        }
        action={
          <Button size="small" startIcon={<DownloadIcon />} onClick={() => downloadCsv(csvName, rows)}>
            {t('CSV', 'CSV')}
          </Button>
        }
      />
      <CardContent>
        <Box sx={{ width: '100%', height: 300 }} data-testid="chart">
          {chart}
        </Box>
        <TableContainer sx={{ maxHeight: 260, mt: 2 }}>{table}</TableContainer>
      </CardContent>
    </Card>
  );
}

// biome-ignore-start lint/suspicious/noArrayIndexKey: a fixed table for reading: rows and cells have no identity and never move
function SimpleTable({ label, head, rows }: { label: string; head: string[]; rows: (string | number | null)[][] }) {
  return (
    <Table size="small" stickyHeader aria-label={label}>
      <TableHead>
        <TableRow>
          {head.map((h) => (
            <TableCell key={h}>{h}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row, i) => (
          <TableRow key={i}>
            {row.map((cell, j) => (
              <TableCell key={j} align={typeof cell === 'number' ? 'right' : 'left'}>
                {cell === null ? '–' : typeof cell === 'number' ? nf.format(cell) : cell}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
// biome-ignore-end lint/suspicious/noArrayIndexKey: until here

const time = (date: string) => Date.parse(`${date}T00:00:00Z`);
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function QuotaChart({ data }: { data: MonitoringData }) {
  const t = useText();
  const withData = data.quotas.filter((q) => q.measurements.length);
  const [code, setCode] = useState<string>('spreidingswet-2025');
  const quota = withData.find((q) => q.code === code) ?? withData[0];
  const rows = data.attainment.map((a) => ({
    code: a.code,
    taakstelling: a.name,
    te_realiseren: a.required,
    gerealiseerd: a.realised,
    peildatum: a.realisedOn,
    bereik: a.attainment,
    tekort: a.gap,
    streefdatum: a.deadline,
    dagen_tot_streefdatum: a.daysToDeadline,
  }));
  const required = quota ? quota.target + quota.carriedOverBacklog : 0;
  const points = quota ? quota.measurements.map((m) => ({ t: time(m.date), realised: m.value })) : [];
  const domain: [number, number] = quota
    ? [
        Math.min(...points.map((p) => p.t), quota.deadline ? time(quota.deadline) : Infinity) - 30 * 86_400_000,
        Math.max(...points.map((p) => p.t), quota.deadline ? time(quota.deadline) : -Infinity) + 30 * 86_400_000,
      ]
    : [0, 1];
  return (
    <ChartCard
      title={t('Taakstelling en realisatie', 'Quota and realised')}
      csvName="taakstellingen"
      rows={rows}
      chart={
        <>
          <FormControl size="small" sx={{ mb: 1, minWidth: 280 }}>
            <InputLabel id="quota-choice">{t('Taakstelling', 'Quota')}</InputLabel>
            <Select
              labelId="quota-choice"
              label={t('Taakstelling', 'Quota')}
              value={quota?.code ?? ''}
              onChange={(e) => setCode(e.target.value)}
            >
              {withData.map((q) => (
                <MenuItem key={q.code} value={q.code}>
                  {q.name}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
          <ResponsiveContainer width="100%" height={250}>
            <ComposedChart data={points} margin={{ top: 20, right: 30, left: 0, bottom: 0 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="t" type="number" scale="time" domain={domain} tickFormatter={day} />
              <YAxis domain={[0, Math.ceil(required * 1.1)]} />
              <Tooltip labelFormatter={(v) => day(Number(v))} />
              <Legend />
              <Line
                name={t('Gerealiseerd', 'Realised')}
                dataKey="realised"
                stroke={COLORS[0]}
                strokeWidth={2}
                dot={{ r: 5 }}
                isAnimationActive={false}
              />
              <Scatter name={t('Te realiseren', 'Required')} data={[]} fill={COLORS[1]} />
              <ReferenceLine
                y={required}
                stroke={COLORS[1]}
                strokeDasharray="6 3"
                label={{ value: `${t('Te realiseren', 'Required')} ${nf.format(required)}`, position: 'insideTopLeft' }}
              />
              {quota?.deadline && (
                <ReferenceLine
                  x={time(quota.deadline)}
                  stroke="#000"
                  label={{ value: `${t('Streefdatum', 'Deadline')} ${quota.deadline}`, position: 'top' }}
                />
              )}
            </ComposedChart>
          </ResponsiveContainer>
        </>
      }
      table={
        <SimpleTable
          label={t('Bereik van de taakstellingen', 'Quota attainment')}
          head={[
            t('Taakstelling', 'Quota'),
            t('Te realiseren', 'Required'),
            t('Gerealiseerd', 'Realised'),
            t('Peildatum', 'Date'),
            t('Bereik', 'Attainment'),
            t('Tekort', 'Gap'),
            t('Streefdatum', 'Deadline'),
            t('Dagen', 'Days'),
          ]}
          rows={data.attainment.map((a) => [
            a.name,
            a.required,
            a.realised,
            a.realisedOn,
            a.attainment === null ? null : pct.format(a.attainment),
            a.gap,
            a.deadline,
            a.daysToDeadline,
          ])}
        />
      }
    />
  );
}

function CapacityChart({ data }: { data: MonitoringData }) {
  const t = useText();
  const groups = [...new Set(data.timeline.points.map((p) => p.targetGroupName ?? t('Onbekend', 'Unknown')))].sort();
  const byDate = new Map<string, Record<string, number | string>>();
  for (const p of data.timeline.points) {
    const row = byDate.get(p.date) ?? { date: p.date };
    const key = p.targetGroupName ?? t('Onbekend', 'Unknown');
    row[key] = ((row[key] as number) ?? 0) + p.places;
    row.planned = ((row.planned as number) ?? 0) + p.plannedPlaces;
    byDate.set(p.date, row);
  }
  const rows = [...byDate.values()].sort((a, b) => String(a.date).localeCompare(String(b.date)));
  const closures = data.timeline.events.filter((e) => e.type === 'CLOSURE');
  const monthOf = (date: string) => `${date.slice(0, 7)}-01`;
  return (
    <ChartCard
      title={t(
        'Opvangcapaciteit 2024-2028 met geplande sluitingen',
        'Reception capacity 2024-2028 with planned closures',
      )}
      csvName="opvangcapaciteit"
      rows={data.timeline.points.map((p) => ({
        datum: p.date,
        soort: p.kind,
        doelgroep: p.targetGroupName,
        plekken: p.places,
        geplande_plekken: p.plannedPlaces,
      }))}
      chart={
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} margin={{ top: 20, right: 20, left: 0, bottom: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="date" tickFormatter={(d: string) => d.slice(0, 7)} minTickGap={24} />
            <YAxis />
            <Tooltip />
            <Legend />
            {groups.map((group, i) => (
              <Bar
                key={group}
                dataKey={group}
                name={group}
                stackId="places"
                fill={COLORS[i % COLORS.length]}
                isAnimationActive={false}
              />
            ))}
            <Bar
              dataKey="planned"
              name={t('Gepland', 'Planned')}
              stackId="places"
              fill="#bbbbbb"
              isAnimationActive={false}
            />
            {closures.map((e) => (
              <ReferenceLine
                key={`${e.locationName}-${e.date}`}
                x={monthOf(e.date)}
                stroke={COLORS[1]}
                strokeDasharray="4 2"
                label={{
                  value: `✕ ${e.locationName.split(' (')[0]}`,
                  position: 'insideTopRight',
                  fontSize: 10,
                  angle: -90,
                }}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      }
      table={
        <SimpleTable
          label={t('Openingen en sluitingen', 'Openings and closures')}
          head={[
            t('Datum', 'Date'),
            t('Gebeurtenis', 'Event'),
            t('Locatie', 'Location'),
            t('Plekken', 'Places'),
            t('Vervanger', 'Replacement'),
            t('Vervanger open', 'Replacement opens'),
            t('Dagen zonder vervanging', 'Days without replacement'),
          ]}
          rows={data.timeline.events.map((e) => [
            e.date,
            e.type === 'CLOSURE' ? t('Sluiting', 'Closure') : t('Opening', 'Opening'),
            e.locationName,
            e.places,
            e.replacementName,
            e.replacementOpensOn,
            e.daysWithoutReplacement,
          ])}
        />
      }
    />
  );
}

function BudgetChart({ data }: { data: MonitoringData }) {
  const t = useText();
  const themes = [...new Map(data.budget.byTheme.map((r) => [r.themeNumber, r.themeName])).entries()].sort(
    (a, b) => a[0] - b[0],
  );
  const rows = data.budget.years.map((y) => {
    const row: Record<string, number | string | null> = { year: String(y.year) };
    for (const [number] of themes)
      row[`t${number}`] = thousands(
        data.budget.byTheme.find((r) => r.year === y.year && r.themeNumber === number)?.amountCents ?? 0,
      );
    // The stated total is marked only where it differs from the sum of the lines.
    row.stated = y.statedCents !== null && y.differenceCents !== 0 ? thousands(y.statedCents) : null;
    return row;
  });
  return (
    <ChartCard
      title={t('Begroting per jaar en opgave (x €1.000)', 'Budget per year and theme (x €1,000)')}
      csvName="begroting"
      rows={data.budget.years.map((y) => ({
        jaar: y.year,
        ...Object.fromEntries(
          themes.map(([n, name]) => [
            `${n}. ${name}`,
            thousands(data.budget.byTheme.find((r) => r.year === y.year && r.themeNumber === n)?.amountCents ?? 0),
          ]),
        ),
        som_van_de_regels: thousands(y.computedCents),
        vermeld_totaal: y.statedCents === null ? null : thousands(y.statedCents),
        verschil: y.differenceCents === null ? null : thousands(y.differenceCents),
      }))}
      chart={
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={rows} margin={{ top: 20, right: 20, left: 0, bottom: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="year" />
            <YAxis />
            <Tooltip />
            <Legend />
            {themes.map(([number, name], i) => (
              <Bar
                key={number}
                dataKey={`t${number}`}
                name={`${number}. ${name}`}
                stackId="budget"
                fill={COLORS[i % COLORS.length]}
                isAnimationActive={false}
              />
            ))}
            <Scatter
              dataKey="stated"
              name={t('Vermeld totaal (wijkt af)', 'Stated total (differs)')}
              fill="#000"
              shape="diamond"
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      }
      table={
        <SimpleTable
          label={t('Begroting per jaar', 'Budget per year')}
          head={[
            t('Jaar', 'Year'),
            ...themes.map(([n]) => `${n}`),
            t('Som', 'Sum'),
            t('Vermeld', 'Stated'),
            t('Verschil', 'Difference'),
          ]}
          rows={data.budget.years.map((y) => [
            String(y.year),
            ...themes.map(([n]) =>
              thousands(data.budget.byTheme.find((r) => r.year === y.year && r.themeNumber === n)?.amountCents ?? 0),
            ),
            thousands(y.computedCents),
            y.statedCents === null ? null : thousands(y.statedCents),
            y.differenceCents === null ? null : thousands(y.differenceCents),
          ])}
        />
      }
    />
  );
}

function IndicatorChart({ data }: { data: MonitoringData }) {
  const t = useText();
  const measured = data.indicators.filter((i) => i.measurements.length);
  const units = [...new Set(measured.map((i) => i.unit))];
  const [unit, setUnit] = useState<string>('%');
  const chosenUnit = units.includes(unit) ? unit : units[0];
  const shown = measured.filter((i) => i.unit === chosenUnit && i.scope === 'MUNICIPAL');
  const series = shown.length ? shown : measured.filter((i) => i.unit === chosenUnit);
  const dates = [...new Set(series.flatMap((i) => i.measurements.map((m) => m.date)))].sort();
  const rows = dates.map((date) =>
    Object.fromEntries([
      ['date', date],
      ...series.map((i) => [i.code, i.measurements.find((m) => m.date === date)?.value ?? null]),
    ]),
  );
  return (
    <ChartCard
      title={t('Kengetallen', 'Indicators')}
      csvName="kengetallen"
      rows={measured.flatMap((i) =>
        i.measurements.map((m) => ({
          kengetal: i.name,
          eenheid: i.unit,
          datum: m.date,
          waarde: m.value,
          bovengrens: m.valueMax,
          aanduiding: m.qualifier,
          bron: m.sourceText,
        })),
      )}
      chart={
        <>
          <FormControl size="small" sx={{ mb: 1, minWidth: 160 }}>
            <InputLabel id="indicator-unit">{t('Eenheid', 'Unit')}</InputLabel>
            <Select
              labelId="indicator-unit"
              label={t('Eenheid', 'Unit')}
              value={chosenUnit ?? ''}
              onChange={(e) => setUnit(e.target.value)}
            >
              {units.map((u) => (
                <MenuItem key={u} value={u}>
                  {u}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
          <ResponsiveContainer width="100%" height={250}>
            <LineChart data={rows} margin={{ top: 20, right: 20, left: 0, bottom: 0 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="date" />
              <YAxis />
              <Tooltip />
              <Legend />
              {series.map((i, n) => (
                <Line
                  key={i.code}
                  dataKey={i.code}
                  name={i.name}
                  stroke={COLORS[n % COLORS.length]}
                  dot={{ r: 5 }}
                  connectNulls
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </>
      }
      table={
        <SimpleTable
          label={t('Metingen van kengetallen', 'Indicator measurements')}
          head={[
            t('Kengetal', 'Indicator'),
            t('Datum', 'Date'),
            t('Waarde', 'Value'),
            t('Eenheid', 'Unit'),
            t('Streefwaarde', 'Target'),
          ]}
          rows={measured.flatMap((i) =>
            i.measurements.map((m) => [
              i.name,
              m.date,
              m.value,
              `${m.valueMax !== null ? `– ${nf.format(m.valueMax)} ` : ''}${i.unit}`,
              i.target,
            ]),
          )}
        />
      }
    />
  );
}

const today = () => new Date().toISOString().slice(0, 10);

export function MonitoringDashboard({ publicView = false }: { publicView?: boolean }) {
  const t = useText();
  const [filters, setFilters] = useState<Filters>({
    fromYear: 2024,
    toYear: 2028,
    themeId: null,
    targetGroupId: null,
    date: today(),
  });
  const dataProvider = useWelkomDataProvider();
  const query = useQuery({ queryKey: ['monitoring', filters], queryFn: () => dataProvider.getMonitoring(filters) });
  const years = useMemo(() => Array.from({ length: 7 }, (_, i) => 2023 + i), []);
  const set = (patch: Partial<Filters>) => setFilters((current) => ({ ...current, ...patch }));
  return (
    <Box sx={{ p: publicView ? 3 : 1 }}>
      <Typography variant="h4" component="h1" sx={{ mb: 1 }}>
        {t('Monitoring: kengetallen Asiel & Integratie', 'Monitoring: asylum & integration figures')}
      </Typography>
      {publicView && (
        <Typography sx={{ mb: 2 }}>
          {t(
            'De cijfers uit het Uitvoeringsprogramma Asiel & Integratie 2025-2028 van de gemeente Nijmegen, met de peildatum die het document noemt.',
            "The figures of the municipality of Nijmegen's asylum and integration programme 2025-2028, with the reference dates the document gives.",
          )}
        </Typography>
      )}
      <Box
        component="form"
        aria-label={t('Filters', 'Filters')}
        sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', mb: 2 }}
      >
        {(['fromYear', 'toYear'] as const).map((key) => (
          <FormControl key={key} size="small" fullWidth={false} sx={{ width: 150 }}>
            <InputLabel id={`monitoring-${key}`}>
              {key === 'fromYear' ? t('Vanaf jaar', 'From year') : t('Tot en met jaar', 'Until year')}
            </InputLabel>
            <Select
              labelId={`monitoring-${key}`}
              label={key === 'fromYear' ? t('Vanaf jaar', 'From year') : t('Tot en met jaar', 'Until year')}
              value={filters[key]}
              onChange={(e) => set({ [key]: Number(e.target.value) })}
            >
              {years.map((y) => (
                <MenuItem key={y} value={y}>
                  {y}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
        ))}
        <FormControl size="small" fullWidth={false} sx={{ width: 260 }}>
          <InputLabel id="monitoring-theme">{t('Opgave', 'Theme')}</InputLabel>
          <Select
            labelId="monitoring-theme"
            label={t('Opgave', 'Theme')}
            value={filters.themeId ?? ''}
            onChange={(e) => set({ themeId: e.target.value || null })}
          >
            <MenuItem value="">{t('Alle opgaven', 'All themes')}</MenuItem>
            {query.data?.themes.map((theme) => (
              <MenuItem key={theme.id} value={theme.id}>{`${theme.number}. ${theme.name}`}</MenuItem>
            ))}
          </Select>
        </FormControl>
        <FormControl size="small" fullWidth={false} sx={{ width: 260 }}>
          <InputLabel id="monitoring-group">{t('Doelgroep', 'Target group')}</InputLabel>
          <Select
            labelId="monitoring-group"
            label={t('Doelgroep', 'Target group')}
            value={filters.targetGroupId ?? ''}
            onChange={(e) => set({ targetGroupId: e.target.value || null })}
          >
            <MenuItem value="">{t('Alle doelgroepen', 'All target groups')}</MenuItem>
            {query.data?.targetGroups.map((group) => (
              <MenuItem key={group.id} value={group.id}>
                {group.name}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
        <TextField
          size="small"
          fullWidth={false}
          sx={{ width: 190 }}
          type="date"
          label={t('Peildatum bereik', 'Attainment date')}
          value={filters.date}
          onChange={(e) => e.target.value && set({ date: e.target.value })}
          slotProps={{ inputLabel: { shrink: true } }}
        />
      </Box>
      {query.error && <Alert severity="error">{String((query.error as Error).message)}</Alert>}
      {query.data && (
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, lg: 6 }}>
            <QuotaChart data={query.data} />
          </Grid>
          <Grid size={{ xs: 12, lg: 6 }}>
            <CapacityChart data={query.data} />
          </Grid>
          <Grid size={{ xs: 12, lg: 6 }}>
            <BudgetChart data={query.data} />
          </Grid>
          <Grid size={{ xs: 12, lg: 6 }}>
            <IndicatorChart data={query.data} />
          </Grid>
          {query.data.budget.lines ? (
            <Grid size={{ xs: 12 }}>
              <BudgetRealisationChart data={query.data} />
            </Grid>
          ) : null}
        </Grid>
      )}
    </Box>
  );
}
