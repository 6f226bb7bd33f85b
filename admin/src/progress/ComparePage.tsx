// Two rounds side by side: per action, status and assessment before and after.
import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Title, useTranslate } from 'react-admin';
import { useParams } from 'react-router-dom';
import { enumKey } from '../i18n/messages';
import { useWelkomDataProvider } from '../data/dataProvider';

export function ComparePage() {
  const { from = '', to = '' } = useParams();
  const translate = useTranslate();
  const dataProvider = useWelkomDataProvider();
  const { data: before } = useQuery({
    queryKey: ['progress-round', from],
    queryFn: () => dataProvider.getProgressRound(from),
  });
  const { data: after } = useQuery({
    queryKey: ['progress-round', to],
    queryFn: () => dataProvider.getProgressRound(to),
  });
  const label = (enumName: string, value: string | null | undefined) =>
    value ? translate(enumKey(enumName, value)) : '–';
  const beforeByAction = new Map((before?.progressUpdates.nodes ?? []).map((u) => [u.action.code, u]));
  const codes = [
    ...new Set(
      [...(before?.progressUpdates.nodes ?? []), ...(after?.progressUpdates.nodes ?? [])].map((u) => u.action.code),
    ),
  ].sort();
  const afterByAction = new Map((after?.progressUpdates.nodes ?? []).map((u) => [u.action.code, u]));
  // An accepted update is what the round says; otherwise the status the round opened with.
  const statusOf = (u: { state: string; status: string | null; statusBefore: string } | undefined) =>
    u ? (u.state === 'ACCEPTED' ? u.status : u.statusBefore) : null;
  return (
    <Box sx={{ p: 2 }}>
      <Title title={translate('welkom.progress.compare_title')} />
      <Typography variant="h5" component="h1" gutterBottom>
        {translate('welkom.progress.compare_title')}: {before?.progressRound?.title} → {after?.progressRound?.title}
      </Typography>
      <Table size="small" aria-label={translate('welkom.progress.compare_title')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('welkom.progress.action')}</TableCell>
            <TableCell>{translate('welkom.progress.before')}</TableCell>
            <TableCell>{translate('welkom.progress.after')}</TableCell>
            <TableCell>
              {translate('welkom.progress.assessment')} ({translate('welkom.progress.before')})
            </TableCell>
            <TableCell>
              {translate('welkom.progress.assessment')} ({translate('welkom.progress.after')})
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {codes.map((code) => {
            const a = beforeByAction.get(code);
            const b = afterByAction.get(code);
            const changed = statusOf(a) !== statusOf(b);
            return (
              <TableRow key={code} selected={changed}>
                <TableCell>{code}</TableCell>
                <TableCell>{label('ActionStatus', statusOf(a))}</TableCell>
                <TableCell>{label('ActionStatus', statusOf(b))}</TableCell>
                <TableCell>{label('ProgressAssessment', a?.state === 'ACCEPTED' ? a.assessment : null)}</TableCell>
                <TableCell>{label('ProgressAssessment', b?.state === 'ACCEPTED' ? b.assessment : null)}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Box>
  );
}
