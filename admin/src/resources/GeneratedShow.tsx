// A record's page, generated: its fields, its links (many-to-many as chips), the records that
// point to it (one-to-many, paginated tables), and its history.
import { Box, CardContent, Divider, Grid, Typography } from '@mui/material';
import {
  DataTable,
  DeleteWithConfirmButton,
  EditButton,
  Labeled,
  ListButton,
  Pagination,
  PrevNextButtons,
  ReferenceManyField,
  Show,
  TopToolbar,
  useCanAccess,
  useResourceContext,
  useTranslate,
} from 'react-admin';
import type { ConsoleModel, FieldModel, ResourceModel } from '../schema/model';
import { defaultColumns } from './GeneratedList';
import { RecordHistory } from './RecordHistory';
import { SHOW_SECTIONS } from './overrides';
import { renderField } from './fields';

function ShowActions({ resource }: { resource: ResourceModel }) {
  const { canAccess: canEdit } = useCanAccess({ action: 'edit', resource: resource.name });
  const { canAccess: canDelete } = useCanAccess({ action: 'delete', resource: resource.name });
  return (
    <TopToolbar>
      <PrevNextButtons linkType="show" />
      <ListButton />
      {resource.operations.update && canEdit && <EditButton variant="contained" />}
      {resource.operations.delete && canDelete && <DeleteWithConfirmButton mutationMode="pessimistic" />}
    </TopToolbar>
  );
}

function FieldBlock({ model, field }: { model: ConsoleModel; field: FieldModel }) {
  const translate = useTranslate();
  const resource = useResourceContext();
  // A named group, so a field is found by its label (screen readers, browser tests).
  return (
    <Box role="group" aria-label={translate(`resources.${resource}.fields.${field.source}`)}>
      <Labeled source={field.source} fullWidth>
        {renderField(model, field)!}
      </Labeled>
    </Box>
  );
}

// biome-ignore-start lint/suspicious/noArrayIndexKey: a fixed list of sections per entity type, never reordered
export function GeneratedShow({ model, resource }: { model: ConsoleModel; resource: ResourceModel }) {
  const main = resource.fields.filter(
    (field) =>
      !['related', 'referenceArray', 'count', 'id'].includes(field.kind) &&
      !['version', 'createdAt', 'updatedAt'].includes(field.source),
  );
  const wide = (field: FieldModel) => field.kind === 'longText' || field.kind === 'stringList';
  const links = resource.fields.filter((field) => field.kind === 'referenceArray');
  const related = resource.fields.filter((field) => field.kind === 'related');
  const meta = resource.fields.filter((field) => ['version', 'createdAt', 'updatedAt'].includes(field.source));
  return (
    <Show resource={resource.name} disableAuthentication actions={<ShowActions resource={resource} />}>
      <CardContent>
        <Grid container spacing={2}>
          {main.map((field) => (
            <Grid key={field.source} size={{ xs: 12, md: wide(field) ? 12 : 6, lg: wide(field) ? 12 : 4 }}>
              <FieldBlock model={model} field={field} />
            </Grid>
          ))}
        </Grid>
        {links.map((field) => (
          <Box key={field.source} sx={{ mt: 2 }}>
            <FieldBlock model={model} field={field} />
          </Box>
        ))}
        {related.map((field) => (
          <RelatedSection key={field.source} model={model} resource={resource} field={field} />
        ))}
        {(SHOW_SECTIONS[resource.type] ?? []).map((Section, index) => (
          <Section key={index} model={model} />
        ))}
        <Divider sx={{ mt: 3 }} />
        <RecordHistory model={model} resource={resource} />
        <Grid container spacing={2} sx={{ mt: 2 }}>
          {meta.map((field) => (
            <Grid key={field.source} size={{ xs: 12, sm: 4, lg: 3 }}>
              <FieldBlock model={model} field={field} />
            </Grid>
          ))}
        </Grid>
      </CardContent>
    </Show>
  );
}
// biome-ignore-end lint/suspicious/noArrayIndexKey: until here

/** Records pointing here, when the user may read them (the panel's advice is for staff only). */
function RelatedSection({
  model,
  resource,
  field,
}: {
  model: ConsoleModel;
  resource: ResourceModel;
  field: FieldModel;
}) {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ action: 'list', resource: field.reference! });
  if (!canAccess) return null;
  return (
    <Box component="section" sx={{ mt: 3 }} aria-label={translate(`resources.${resource.name}.fields.${field.source}`)}>
      <Divider sx={{ mb: 2 }} />
      <Typography variant="h6" component="h2" gutterBottom>
        {translate(`resources.${resource.name}.fields.${field.source}`)}
      </Typography>
      <RelatedTable model={model} field={field} />
    </Box>
  );
}

function RelatedTable({ model, field }: { model: ConsoleModel; field: FieldModel }) {
  const translate = useTranslate();
  const target = model.byName(field.reference!);
  if (!target) return null;
  const columns = defaultColumns(target).filter((source) => source !== field.target);
  return (
    <ReferenceManyField
      reference={target.name}
      target={field.target!}
      perPage={10}
      pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
      sort={target.defaultSort ? { field: target.defaultSort, order: 'ASC' } : undefined}
    >
      <DataTable
        rowClick="show"
        bulkActionButtons={false}
        empty={<Typography color="text.secondary">{translate('welkom.related.none')}</Typography>}
      >
        {columns.slice(0, 5).map((source) => {
          const column = target.fields.find((candidate) => candidate.source === source)!;
          return (
            <DataTable.Col key={source} source={source} label={`resources.${target.name}.fields.${source}`}>
              {renderField(model, column, { inList: true })}
            </DataTable.Col>
          );
        })}
      </DataTable>
    </ReferenceManyField>
  );
}
