// Bulk status change for the selected records: pick a status, confirm, one request.
import {
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  TextField,
} from '@mui/material';
import SyncAltIcon from '@mui/icons-material/SyncAlt';
import { useState } from 'react';
import {
  Button,
  useListContext,
  useNotify,
  useRefresh,
  useResourceContext,
  useTranslate,
  useUpdateMany,
} from 'react-admin';
import { enumKey } from '../i18n/messages';
import type { FieldModel } from '../schema/model';

export function BulkStatusButton({ field }: { field: FieldModel }) {
  const translate = useTranslate();
  const resource = useResourceContext()!;
  const { selectedIds, onUnselectItems } = useListContext();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  const notify = useNotify();
  const refresh = useRefresh();
  const [updateMany, { isPending }] = useUpdateMany();

  const save = () =>
    updateMany(
      resource,
      { ids: selectedIds, data: { [field.source]: value } },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          notify('ra.notification.updated', { messageArgs: { smart_count: selectedIds.length } });
          setOpen(false);
          onUnselectItems();
          refresh();
        },
        onError: (error: any) => notify(error?.message ?? 'ra.notification.http_error', { type: 'error' }),
      },
    );

  return (
    <>
      <Button label="welkom.bulk_status.button" onClick={() => setOpen(true)}>
        <SyncAltIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="bulk-status-title">
        <DialogTitle id="bulk-status-title">
          {translate('welkom.bulk_status.title', { smart_count: selectedIds.length })}
        </DialogTitle>
        <DialogContent>
          <TextField
            select
            fullWidth
            margin="dense"
            label={translate('welkom.bulk_status.label')}
            value={value}
            onChange={(event) => setValue(event.target.value)}
          >
            {field.enum!.values.map((option) => (
              <MenuItem key={option.value} value={option.value}>
                {translate(enumKey(field.enum!.name, option.value))}
              </MenuItem>
            ))}
          </TextField>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton variant="contained" disabled={!value || isPending} onClick={save}>
            {translate('ra.action.confirm')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}
