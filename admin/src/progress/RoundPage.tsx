// One round: a request per action with its state, the review buttons for submitted updates,
// the council report as Word or PDF, and a comparison with another round.
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { Link, useParams } from 'react-router-dom';
import { enumKey } from '../i18n/messages';
import { useWelkomDataProvider } from '../data/dataProvider';
import { type Update, saveReport } from './api';
import { CloseRoundButton } from './CloseRoundButton';
import { PROGRESS_PATH } from './RoundsPage';

export function RoundPage() {
  const { id = '' } = useParams();
  const translate = useTranslate();
  const queryClient = useQueryClient();
  const [returning, setReturning] = useState<Update | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [compareWith, setCompareWith] = useState('');
  const dataProvider = useWelkomDataProvider();
  const { data, error: loadError } = useQuery({
    queryKey: ['progress-round', id],
    queryFn: () => dataProvider.getProgressRound(id),
  });
  const { data: rounds } = useQuery({
    queryKey: ['progress-rounds'],
    queryFn: () => dataProvider.getProgressRounds(),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['progress-round', id] });
  const step = async (
    mutation: 'acceptProgressUpdate' | 'returnProgressUpdate',
    update: Update,
    extra: { comment?: string } = {},
  ) => {
    setError(null);
    try {
      await dataProvider.progressStep(mutation, update, extra.comment);
      await refresh();
    } catch (caught) {
      setError((caught as Error).message);
    }
  };
  const label = (enumName: string, value: string | null) => (value ? translate(enumKey(enumName, value)) : '–');
  const round = data?.progressRound;
  return (
    <Box sx={{ p: 2 }}>
      <Title title={round?.title ?? ''} />
      <Typography variant="h5" component="h1" gutterBottom>
        {round?.title}
      </Typography>
      <Typography gutterBottom>
        {round
          ? `${round.periodStart} – ${round.periodEnd} · ${translate('welkom.progress.due_on')}: ${round.dueOn}`
          : null}
      </Typography>
      <Stack direction="row" spacing={2} sx={{ my: 2, flexWrap: 'wrap' }} useFlexGap>
        <Button variant="outlined" onClick={() => dataProvider.getProgressReport(id, 'DOCX').then(saveReport)}>
          {translate('welkom.progress.download_docx')}
        </Button>
        <Button variant="outlined" onClick={() => dataProvider.getProgressReport(id, 'PDF').then(saveReport)}>
          {translate('welkom.progress.download_pdf')}
        </Button>
        <TextField
          select
          size="small"
          sx={{ minWidth: 260 }}
          label={translate('welkom.progress.compare')}
          value={compareWith}
          onChange={(event) => setCompareWith(event.target.value)}
        >
          {(rounds?.progressRounds.nodes ?? [])
            .filter((r) => r.id !== id)
            .map((r) => (
              <MenuItem key={r.id} value={r.id}>
                {r.title}
              </MenuItem>
            ))}
        </TextField>
        {compareWith ? (
          <Button component={Link} to={`${PROGRESS_PATH}/vergelijk/${compareWith}/${id}`}>
            {translate('welkom.progress.compare_title')}
          </Button>
        ) : null}
        <CloseRoundButton roundId={id} onClosed={refresh} />
      </Stack>
      {error || loadError ? (
        <Alert severity="error" sx={{ mb: 2 }}>
          {error ?? (loadError as Error).message}
        </Alert>
      ) : null}
      <Table size="small" aria-label={translate('welkom.progress.requests')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('welkom.progress.action')}</TableCell>
            <TableCell>{translate('welkom.progress.addressee')}</TableCell>
            <TableCell>{translate('welkom.progress.state')}</TableCell>
            <TableCell>{translate('welkom.progress.status')}</TableCell>
            <TableCell>{translate('welkom.progress.assessment')}</TableCell>
            <TableCell>{translate('welkom.progress.happened')}</TableCell>
            <TableCell>{translate('welkom.progress.review')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {[...(data?.progressUpdates.nodes ?? [])]
            .sort((a, b) => a.action.code.localeCompare(b.action.code, 'nl', { numeric: true }))
            .map((update) => (
              <TableRow key={update.id} aria-label={update.action.code}>
                <TableCell title={update.action.description}>{update.action.code}</TableCell>
                <TableCell>{update.addresseeName ?? '–'}</TableCell>
                <TableCell>{label('ProgressUpdateState', update.state)}</TableCell>
                <TableCell>{label('ActionStatus', update.status)}</TableCell>
                <TableCell>{label('ProgressAssessment', update.assessment)}</TableCell>
                <TableCell>{update.happened ?? ''}</TableCell>
                <TableCell>
                  {update.allowedSteps.includes('accept') ? (
                    <Stack direction="row" spacing={1}>
                      <Button size="small" variant="contained" onClick={() => step('acceptProgressUpdate', update)}>
                        {translate('welkom.progress.accept')}
                      </Button>
                      <Button
                        size="small"
                        color="warning"
                        onClick={() => {
                          setReturning(update);
                          setComment('');
                        }}
                      >
                        {translate('welkom.progress.return')}
                      </Button>
                    </Stack>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
        </TableBody>
      </Table>
      <Dialog open={returning !== null} onClose={() => setReturning(null)} aria-labelledby="return-title">
        <DialogTitle id="return-title">{translate('welkom.progress.return')}</DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            fullWidth
            multiline
            minRows={3}
            sx={{ mt: 1 }}
            label={translate('welkom.progress.return_comment')}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
          />
        </DialogContent>
        <DialogActions>
          <Button
            onClick={async () => {
              const update = returning!;
              setReturning(null);
              await step('returnProgressUpdate', update, { comment });
            }}
          >
            {translate('welkom.progress.return')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}
