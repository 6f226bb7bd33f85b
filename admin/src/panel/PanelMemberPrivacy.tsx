// The coordinator's part of a member's page: the diversity profile (special-category data,
// AVG art. 9), consent withdrawal, the export for an access request (art. 15) and erasure
// (art. 17). The profile is not part of the generated record: it is asked for here, by the
// one role that may read it, and changed only through the API's own mutations.
import DeleteForeverIcon from '@mui/icons-material/DeleteForever';
import DownloadIcon from '@mui/icons-material/Download';
import EditIcon from '@mui/icons-material/Edit';
import UndoIcon from '@mui/icons-material/Undo';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Divider,
  Grid,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { usePermissions, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useWelkomDataProvider } from '../data/dataProvider';
import type { MemberPrivacy } from './data';
import { enumKey } from '../i18n/messages';
import type { ConsoleModel } from '../schema/model';

const ENUMS = { ageBand: 'PanelAgeBand', educationLevel: 'PanelEducationLevel', lgbtiq: 'PanelLgbtiq' } as const;
export const COORDINATOR = 'PANEL_COORDINATOR';

function downloadFile(fileName: string, contentType: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type: contentType }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function ProfileDialog({
  model,
  member,
  onClose,
}: {
  model: ConsoleModel;
  member: MemberPrivacy;
  onClose: () => void;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [values, setValues] = useState({
    ageBand: member.profile?.ageBand ?? '',
    educationLevel: member.profile?.educationLevel ?? '',
    countryOfOrigin: member.profile?.countryOfOrigin ?? '',
    lgbtiq: member.profile?.lgbtiq ?? '',
  });
  const [error, setError] = useState<string>();
  const dataProvider = useWelkomDataProvider();
  const save = async () => {
    try {
      const profile = Object.fromEntries(
        Object.entries(values).map(([key, value]) => [
          key,
          value === '' ? null : key === 'countryOfOrigin' ? value.trim().toUpperCase() : value,
        ]),
      );
      await dataProvider.setPanelMemberProfile(member.id, member.version, profile);
      notify('welkom.panel.member.profile_saved', { type: 'success' });
      refresh();
      onClose();
    } catch (caught) {
      setError((caught as Error).message);
    }
  };
  const select = (source: keyof typeof ENUMS) => (
    <TextField
      select
      fullWidth
      margin="dense"
      label={translate(`welkom.panel.member.${source}`)}
      value={values[source]}
      onChange={(event) => setValues({ ...values, [source]: event.target.value })}
    >
      <MenuItem value="">{translate('welkom.panel.member.not_stated')}</MenuItem>
      {(model.enums[ENUMS[source]]?.values ?? []).map((value) => (
        <MenuItem key={value.value} value={value.value}>
          {translate(enumKey(ENUMS[source], value.value))}
        </MenuItem>
      ))}
    </TextField>
  );
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="profile-title">
      <DialogTitle id="profile-title">{translate('welkom.panel.member.profile_edit')}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 1 }}>{translate('welkom.panel.member.voluntary')}</DialogContentText>
        {error && <Alert severity="error">{error}</Alert>}
        {select('ageBand')}
        {select('educationLevel')}
        <TextField
          fullWidth
          margin="dense"
          label={translate('welkom.panel.member.countryOfOrigin')}
          helperText={translate('welkom.panel.member.country_help')}
          value={values.countryOfOrigin}
          onChange={(event) => setValues({ ...values, countryOfOrigin: event.target.value })}
          slotProps={{ htmlInput: { maxLength: 2, autoComplete: 'off' } }}
        />
        {select('lgbtiq')}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" onClick={save}>
          {translate('ra.action.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function ConfirmDialog(props: {
  title: string;
  text: string;
  confirm: string;
  danger?: boolean;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const translate = useTranslate();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await props.onConfirm();
      props.onClose();
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={props.onClose} aria-labelledby="confirm-title">
      <DialogTitle id="confirm-title">{props.title}</DialogTitle>
      <DialogContent>
        <DialogContentText>{props.text}</DialogContentText>
        {error && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" color={props.danger ? 'error' : 'primary'} onClick={run} disabled={busy}>
          {props.confirm}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

export function PanelMemberPrivacy({ model }: { model: ConsoleModel }) {
  const translate = useTranslate();
  const record = useRecordContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const { permissions } = usePermissions<string[]>();
  const coordinator = Array.isArray(permissions) && permissions.includes(COORDINATOR);
  const [dialog, setDialog] = useState<'profile' | 'withdraw' | 'erase'>();
  const dataProvider = useWelkomDataProvider();
  const { data: member, error } = useQuery({
    queryKey: ['panelMemberPrivacy', record?.id, record?.version],
    queryFn: () => dataProvider.getPanelMemberPrivacy(String(record!.id)),
    enabled: Boolean(coordinator && record?.id),
  });
  if (!coordinator || !record) return null;
  const exportMember = async () => {
    try {
      const file = await dataProvider.exportPanelMember(String(record.id));
      downloadFile(file.fileName, file.contentType, file.content);
      notify('welkom.panel.member.exported', { type: 'info', messageArgs: { file: file.fileName } });
    } catch (caught) {
      notify((caught as Error).message, { type: 'error' });
    }
  };
  const versioned = (step: 'withdrawPanelConsent' | 'erasePanelMember') => async () => {
    await dataProvider[step](String(record.id), member?.version ?? record.version);
    refresh();
  };
  const profileRow = (source: 'ageBand' | 'educationLevel' | 'lgbtiq' | 'countryOfOrigin') => {
    const profile = member?.profile;
    const value =
      source === 'countryOfOrigin'
        ? (profile?.countryOfOriginName ?? profile?.countryOfOrigin)
        : profile?.[source]
          ? translate(enumKey(ENUMS[source], profile[source]!))
          : null;
    return (
      <Grid
        key={source}
        size={{ xs: 12, sm: 6, lg: 3 }}
        role="group"
        aria-label={translate(`welkom.panel.member.${source}`)}
      >
        <Typography variant="caption" color="text.secondary" component="div">
          {translate(`welkom.panel.member.${source}`)}
        </Typography>
        <Typography variant="body2">{value ?? translate('welkom.panel.member.not_stated')}</Typography>
      </Grid>
    );
  };
  const erased = Boolean(member?.erasedAt);
  const withdrawn = Boolean(member?.consentWithdrawnOn);
  const consented = Boolean(member?.consentGivenOn) && !withdrawn;
  return (
    <Box component="section" aria-label={translate('welkom.panel.member.title')} sx={{ mt: 3 }}>
      <Divider sx={{ mb: 2 }} />
      <Typography variant="h6" component="h2" gutterBottom>
        {translate('welkom.panel.member.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {translate('welkom.panel.member.intro')}
      </Typography>
      {error && <Alert severity="error">{error.message}</Alert>}
      {member && erased && (
        <Alert severity="info">
          {translate('welkom.panel.member.erased', { date: new Date(member.erasedAt!).toLocaleDateString('nl-NL') })}
        </Alert>
      )}
      {member && !erased && withdrawn && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {translate('welkom.panel.member.withdrawn', {
            date: new Date(member.consentWithdrawnOn!).toLocaleDateString('nl-NL', { timeZone: 'UTC' }),
          })}
        </Alert>
      )}
      {member && !erased && !member.consentGivenOn && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('welkom.panel.member.no_consent')}
        </Alert>
      )}
      {member && !erased && consented && (
        <Grid container spacing={2} sx={{ mb: 2 }}>
          {(['ageBand', 'educationLevel', 'countryOfOrigin', 'lgbtiq'] as const).map(profileRow)}
        </Grid>
      )}
      {member && (
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {!erased && consented && (
            <Button variant="outlined" startIcon={<EditIcon />} onClick={() => setDialog('profile')}>
              {translate('welkom.panel.member.profile_edit')}
            </Button>
          )}
          {!erased && consented && (
            <Button variant="outlined" startIcon={<UndoIcon />} onClick={() => setDialog('withdraw')}>
              {translate('welkom.panel.member.withdraw')}
            </Button>
          )}
          <Button variant="outlined" startIcon={<DownloadIcon />} onClick={exportMember}>
            {translate('welkom.panel.member.export')}
          </Button>
          {!erased && (
            <Button
              variant="outlined"
              color="error"
              startIcon={<DeleteForeverIcon />}
              onClick={() => setDialog('erase')}
            >
              {translate('welkom.panel.member.erase')}
            </Button>
          )}
        </Stack>
      )}
      {member && dialog === 'profile' && (
        <ProfileDialog model={model} member={member} onClose={() => setDialog(undefined)} />
      )}
      {dialog === 'withdraw' && (
        <ConfirmDialog
          title={translate('welkom.panel.member.withdraw')}
          text={translate('welkom.panel.member.withdraw_confirm', { name: record.name })}
          confirm={translate('welkom.panel.member.withdraw')}
          onConfirm={versioned('withdrawPanelConsent')}
          onClose={() => setDialog(undefined)}
        />
      )}
      {dialog === 'erase' && (
        <ConfirmDialog
          danger
          title={translate('welkom.panel.member.erase')}
          text={translate('welkom.panel.member.erase_confirm', { name: record.name })}
          confirm={translate('welkom.panel.member.erase_button')}
          onConfirm={versioned('erasePanelMember')}
          onClose={() => setDialog(undefined)}
        />
      )}
    </Box>
  );
}
