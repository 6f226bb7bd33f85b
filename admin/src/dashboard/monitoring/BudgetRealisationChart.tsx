// Plan vs committed vs spent (issue 13): per year as bars, per budget line and year as a table,
// for signed-in staff (the API gives the public page no committed or spent figures). Subsidy
// grants under 3.5 2.A are part of "verplicht"; the server adds them.
import {
  Card,
  CardContent,
  CardHeader,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useId } from 'react';
import { useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { type MonitoringData, thousands } from './data';

const nf = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });

export function BudgetRealisationChart({ data }: { data: MonitoringData }) {
  const translate = useTranslate();
  const id = useId();
  const lines = data.budget.lines;
  if (!lines) return null;
  const words = {
    planned: translate('welkom.progress.planned'),
    committed: translate('welkom.progress.committed'),
    spent: translate('welkom.progress.spent'),
  };
  const years = data.budget.years.map((y) => ({
    year: String(y.year),
    planned: thousands(y.computedCents),
    committed: thousands(y.committedCents ?? 0),
    spent: thousands(y.spentCents ?? 0),
  }));
  return (
    <Card component="section" aria-labelledby={id} sx={{ height: '100%' }}>
      <CardHeader
        title={
          <Typography id={id} variant="h6" component="h2">
            {translate('welkom.progress.budget_realisation')}
          </Typography>
        }
      />
      <CardContent>
        <div style={{ width: '100%', height: 300 }} data-testid="chart">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={years} margin={{ top: 20, right: 20, left: 0, bottom: 0 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="year" />
              <YAxis />
              <Tooltip />
              <Legend />
              <Bar dataKey="planned" name={words.planned} fill="#1b5e9b" isAnimationActive={false} />
              <Bar dataKey="committed" name={words.committed} fill="#d9822b" isAnimationActive={false} />
              <Bar dataKey="spent" name={words.spent} fill="#4f8a3c" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
        <TableContainer sx={{ maxHeight: 260, mt: 2 }}>
          <Table size="small" stickyHeader aria-label={translate('welkom.progress.budget_realisation')}>
            <TableHead>
              <TableRow>
                <TableCell>Code</TableCell>
                <TableCell>{translate('welkom.progress.title')}</TableCell>
                <TableCell>{translate('welkom.progress.year')}</TableCell>
                <TableCell align="right">{words.planned}</TableCell>
                <TableCell align="right">{words.committed}</TableCell>
                <TableCell align="right">{words.spent}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {lines.map((line) => (
                <TableRow key={`${line.budgetLineId ?? line.code}-${line.year}`}>
                  <TableCell>{line.code}</TableCell>
                  <TableCell>{line.title}</TableCell>
                  <TableCell>{line.year}</TableCell>
                  <TableCell align="right">{nf.format(thousands(line.plannedCents))}</TableCell>
                  <TableCell align="right">{nf.format(thousands(line.committedCents))}</TableCell>
                  <TableCell align="right">{nf.format(thousands(line.spentCents))}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      </CardContent>
    </Card>
  );
}
