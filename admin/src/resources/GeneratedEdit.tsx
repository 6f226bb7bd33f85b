// Create and edit forms, generated from the create/update inputs. Saves are pessimistic
// (the API's verdict comes first: field errors in Dutch, version conflicts, status changes).
import { Alert, Button as MuiButton } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import {
  Create,
  DeleteWithConfirmButton,
  Edit,
  ListButton,
  SaveButton,
  ShowButton,
  SimpleForm,
  Toolbar,
  TopToolbar,
  useCanAccess,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { isVersionConflict } from '../data/errors';
import type { ConsoleModel, ResourceModel } from '../schema/model';
import { renderInput } from './fields';

function ConflictMessage({ onReload }: { onReload: () => void }) {
  const translate = useTranslate();
  return (
    <Alert
      severity="warning"
      variant="filled"
      role="alert"
      action={
        <MuiButton color="inherit" size="small" onClick={onReload}>
          {translate('welkom.conflict.reload')}
        </MuiButton>
      }
    >
      {translate('welkom.conflict.message')}
    </Alert>
  );
}

/** On a stale version: say so and offer the latest version; other errors as react-admin does. */
function useSaveErrorHandler(resource: ResourceModel) {
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  return (error: any) => {
    if (isVersionConflict(error)) {
      const reload = () => {
        void queryClient.invalidateQueries({ queryKey: [resource.name] });
        refresh();
      };
      notify(<ConflictMessage onReload={reload} />, { type: 'warning', autoHideDuration: null });
      return;
    }
    if (error?.body?.errors && Object.keys(error.body.errors).length > 0) return; // shown at the fields
    notify(error?.message ?? 'ra.notification.http_error', { type: 'error' });
  };
}

function EditActions() {
  return (
    <TopToolbar>
      <ListButton />
      <ShowButton />
    </TopToolbar>
  );
}

function EditToolbar({ resource }: { resource: ResourceModel }) {
  const record = useRecordContext();
  const { canAccess: canDelete } = useCanAccess({ action: 'delete', resource: resource.name, record });
  return (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
      <SaveButton />
      {resource.operations.delete && canDelete && <DeleteWithConfirmButton mutationMode="pessimistic" />}
    </Toolbar>
  );
}

export function GeneratedEdit({ model, resource }: { model: ConsoleModel; resource: ResourceModel }) {
  const onError = useSaveErrorHandler(resource);
  return (
    <Edit
      resource={resource.name}
      mutationMode="pessimistic"
      mutationOptions={{ onError }}
      actions={<EditActions />}
      redirect="show"
    >
      <SimpleForm toolbar={<EditToolbar resource={resource} />} warnWhenUnsavedChanges>
        {resource.fields.filter((field) => field.updatable).map((field) => renderInput(model, resource, field))}
      </SimpleForm>
    </Edit>
  );
}

export function GeneratedCreate({ model, resource }: { model: ConsoleModel; resource: ResourceModel }) {
  const onError = useSaveErrorHandler(resource);
  return (
    <Create resource={resource.name} mutationOptions={{ onError }} redirect="show">
      <SimpleForm>
        {resource.fields.filter((field) => field.creatable).map((field) => renderInput(model, resource, field))}
      </SimpleForm>
    </Create>
  );
}
