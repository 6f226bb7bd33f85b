// The secretary's list of progress rounds, with the form that opens a new one (all open
// actions; the server addresses each request to the owner or a linked partner).
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { Link, useNavigate } from 'react-router-dom';
import { useWelkomDataProvider } from '../data/dataProvider';

export const PROGRESS_PATH = '/voortgang';

export function RoundsPage() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const [form, setForm] = useState({ title: '', periodStart: '', periodEnd: '', dueOn: '' });
  const [error, setError] = useState<string | null>(null);
  const dataProvider = useWelkomDataProvider();
  const { data } = useQuery({
    queryKey: ['progress-rounds'],
    queryFn: () => dataProvider.getProgressRounds(),
  });
  const open = async () => {
    setError(null);
    try {
      const opened = await dataProvider.openProgressRound(form);
      navigate(`${PROGRESS_PATH}/${opened.id}`);
    } catch (caught) {
      setError((caught as Error).message);
    }
  };
  const field = (name: keyof typeof form, label: string, type = 'date') => (
    <TextField
      label={translate(label)}
      type={type}
      value={form[name]}
      size="small"
      slotProps={{ inputLabel: { shrink: true } }}
      onChange={(event) => setForm({ ...form, [name]: event.target.value })}
    />
  );
  return (
    <Box sx={{ p: 2 }}>
      <Title title={translate('welkom.progress.rounds')} />
      <Typography variant="h5" component="h1" gutterBottom>
        {translate('welkom.progress.rounds')}
      </Typography>
      <Card sx={{ mb: 2 }} component="section" aria-label={translate('welkom.progress.open_round')}>
        <CardContent>
          <Typography variant="h6" component="h2" gutterBottom>
            {translate('welkom.progress.open_round')}
          </Typography>
          <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap' }} useFlexGap>
            {field('title', 'welkom.progress.title', 'text')}
            {field('periodStart', 'welkom.progress.period_start')}
            {field('periodEnd', 'welkom.progress.period_end')}
            {field('dueOn', 'welkom.progress.due_on')}
            <Button variant="contained" onClick={open}>
              {translate('welkom.progress.open_round')}
            </Button>
          </Stack>
          {error ? (
            <Alert severity="error" sx={{ mt: 2 }}>
              {error}
            </Alert>
          ) : null}
        </CardContent>
      </Card>
      <Table size="small" aria-label={translate('welkom.progress.rounds')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('welkom.progress.title')}</TableCell>
            <TableCell>{translate('welkom.progress.period_end')}</TableCell>
            <TableCell>{translate('welkom.progress.due_on')}</TableCell>
            <TableCell align="right">{translate('welkom.progress.requests')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {(data?.progressRounds.nodes ?? []).map((round) => (
            <TableRow key={round.id}>
              <TableCell>
                <Link to={`${PROGRESS_PATH}/${round.id}`}>{round.title}</Link>
              </TableCell>
              <TableCell>{round.periodEnd}</TableCell>
              <TableCell>{round.dueOn}</TableCell>
              <TableCell align="right">{round.updatesCount}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
