// Closing a round (secretariat): after a confirmation, no more drafts or submissions; whatever was
// not handed in is marked missing by the server. The round is read through react-admin's data
// provider; the close itself is an explicit mutation (a custom provider method), like the review steps.
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useState } from 'react';
import { useGetOne, usePermissions, useTranslate } from 'react-admin';
import { useWelkomDataProvider } from '../data/dataProvider';

export function CloseRoundButton({ roundId, onClosed }: { roundId: string; onClosed: () => unknown }) {
  const translate = useTranslate();
  const { permissions } = usePermissions<string[]>();
  const { data: round, refetch } = useGetOne<{ id: string; version: number; state: string }>(
    'progressRounds',
    { id: roundId },
    { enabled: Boolean(roundId) },
  );
  const dataProvider = useWelkomDataProvider();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!round || !permissions?.some((role) => role === 'SECRETARY' || role === 'ADMIN')) return null;
  if (round.state === 'CLOSED')
    return (
      <Alert severity="info" sx={{ py: 0 }}>
        {translate('welkom.progress.closed')}
      </Alert>
    );
  const close = async () => {
    setConfirming(false);
    setError(null);
    try {
      await dataProvider.closeProgressRound(round);
      await refetch();
      await onClosed();
    } catch (caught) {
      setError((caught as Error).message);
    }
  };
  return (
    <>
      <Button variant="outlined" color="warning" onClick={() => setConfirming(true)}>
        {translate('welkom.progress.close_round')}
      </Button>
      {error ? <Alert severity="error">{error}</Alert> : null}
      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        aria-labelledby="close-round-title"
        aria-describedby="close-round-text"
      >
        <DialogTitle id="close-round-title">{translate('welkom.progress.close_round')}</DialogTitle>
        <DialogContent>
          <DialogContentText id="close-round-text">{translate('welkom.progress.close_confirm')}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" color="warning" onClick={close}>
            {translate('welkom.progress.close_round')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
