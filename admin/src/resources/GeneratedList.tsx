// A resource's list, generated: sortable columns, server pagination, search and filters
// (kept in the URL by react-admin), a column chooser, CSV export of the whole filtered list,
// bulk delete with confirmation, and a bulk status change when the entity has a status.
import { InputAdornment, useMediaQuery, type Theme } from '@mui/material';
import {
  AutocompleteInput,
  BooleanInput,
  BulkDeleteWithConfirmButton,
  BulkExportButton,
  ColumnsButton,
  CreateButton,
  DataTable,
  DateInput,
  ExportButton,
  FilterButton,
  Link,
  List,
  NumberInput,
  ReferenceInput,
  SearchInput,
  SelectArrayInput,
  SimpleList,
  TextInput,
  TopToolbar,
  downloadCSV,
  useCanAccess,
  useCreatePath,
  useRecordContext,
  useTranslate,
  type Exporter,
} from 'react-admin';
import type { MouseEvent, ReactElement } from 'react';
import { enumKey } from '../i18n/messages';
import { toCsv } from '../lib/csv';
import type { ConsoleModel, FieldModel, FilterModel, ResourceModel } from '../schema/model';
import { BulkStatusButton } from './BulkStatusButton';
import { enumChoices, formatMoney, renderField } from './fields';
import { menuOrder } from './menu';
import { QUICK_FILTERS } from './overrides';

const VISIBLE_COLUMNS = 7;
/** On a tablet (below MUI's lg, 1200 px) fewer columns fit beside the menu. */
const VISIBLE_COLUMNS_TABLET = 5;

/** Columns shown until the user chooses otherwise; the rest are one click away in "Kolommen". */
export function defaultColumns(resource: ResourceModel, count = VISIBLE_COLUMNS): string[] {
  const eligible = resource.fields.filter((field) => {
    if (field.source === resource.representation) return true;
    if (['id', 'related', 'referenceArray', 'stringList'].includes(field.kind)) return false;
    if (field.readOnly && field.kind !== 'count') return false;
    if (field.kind === 'text' || field.kind === 'longText') return field.required;
    return true;
  });
  return eligible.slice(0, count).map((field) => field.source);
}

function filterInput(model: ConsoleModel, filter: FilterModel, alwaysOn: boolean): ReactElement | null {
  const key = filter.source;
  switch (filter.kind) {
    case 'search':
      return <SearchInput key={key} source={key} alwaysOn />;
    case 'reference': {
      const target = model.byName(filter.reference!);
      if (!target) return null;
      return (
        <ReferenceInput
          key={key}
          source={key}
          reference={target.name}
          alwaysOn={alwaysOn}
          sort={target.defaultSort ? { field: target.defaultSort, order: 'ASC' } : undefined}
        >
          <AutocompleteInput
            optionText={target.representation}
            filterToQuery={(q) => ({ q })}
            sx={{ width: '13rem' }}
          />
        </ReferenceInput>
      );
    }
    case 'enum':
      return (
        <SelectArrayInput
          key={key}
          source={key}
          choices={enumChoices(filter.enum!)}
          alwaysOn={alwaysOn}
          sx={{ minWidth: '11rem' }}
        />
      );
    case 'text':
    case 'stringList':
      return <TextInput key={key} source={key} alwaysOn={alwaysOn} />;
    case 'number':
      if (filter.money === 'cents') {
        // Typed in euros, like the money inputs of the forms; the API filters on cents.
        return (
          <NumberInput
            key={key}
            source={key}
            alwaysOn={alwaysOn}
            step={0.01}
            format={(value) => (value == null || value === '' ? '' : Number(value) / 100)}
            parse={(value) => (value === '' || value == null ? null : Math.round(Number(value) * 100))}
            slotProps={{ input: { startAdornment: <InputAdornment position="start">€</InputAdornment> } }}
          />
        );
      }
      return <NumberInput key={key} source={key} alwaysOn={alwaysOn} />;
    case 'boolean':
      return <BooleanInput key={key} source={key} alwaysOn={alwaysOn} />;
    case 'dateRange':
      return <DateInput key={key} source={key} alwaysOn={alwaysOn} />;
  }
}

const ALWAYS_ON_REFERENCES = 2;

/** Search, enums and the first relations (in menu order) are always shown; the rest are under "Filter toevoegen". */
export function generatedFilters(model: ConsoleModel, resource: ResourceModel): ReactElement[] {
  const order = menuOrder(model.resources).map((candidate) => candidate.name);
  const rank = (filter: FilterModel) =>
    filter.kind === 'search'
      ? 0
      : filter.kind === 'enum'
        ? 1
        : filter.kind === 'reference'
          ? 2 + order.indexOf(filter.reference!) / 100
          : 3;
  const sorted = [...resource.filters].sort((a, b) => rank(a) - rank(b));
  const references = sorted.filter((filter) => filter.kind === 'reference').slice(0, ALWAYS_ON_REFERENCES);
  return [
    ...sorted
      .map((filter) =>
        filterInput(model, filter, filter.kind === 'search' || filter.kind === 'enum' || references.includes(filter)),
      )
      .filter((input): input is ReactElement => input !== null),
    ...(QUICK_FILTERS[resource.type] ?? []),
  ];
}

/** CSV of what the user sees: labels as headers, Dutch values, relations by name. */
function csvExporter(model: ConsoleModel, resource: ResourceModel, translate: (key: string) => string): Exporter {
  return async (records, fetchRelatedRecords) => {
    const columns = resource.fields.filter((field) => field.kind !== 'related');
    const related: Record<string, Record<string, any>> = {};
    for (const field of columns) {
      if (field.kind === 'reference' || field.kind === 'referenceArray') {
        related[field.source] = await fetchRelatedRecords(records, field.source, field.reference!);
      }
    }
    const rows = records.map((record) => {
      const row: Record<string, unknown> = {};
      for (const field of columns)
        row[translate(`resources.${resource.name}.fields.${field.source}`)] = csvValue(
          model,
          field,
          record,
          related,
          translate,
        );
      return row;
    });
    // The byte-order mark makes spreadsheet programs read the file as UTF-8.
    downloadCSV(`\ufeff${toCsv(rows)}`, resource.name);
  };
}

function csvValue(
  model: ConsoleModel,
  field: FieldModel,
  record: Record<string, any>,
  related: Record<string, Record<string, any>>,
  translate: (key: string) => string,
) {
  const value = record[field.source];
  if (value === null || value === undefined) return '';
  const name = (id: string) => {
    const target = model.byName(field.reference!);
    return related[field.source]?.[id]?.[target?.representation ?? 'id'] ?? id;
  };
  switch (field.kind) {
    case 'enum':
      return translate(enumKey(field.enum!.name, value));
    case 'reference':
      return name(value);
    case 'referenceArray':
      return (value as string[]).map(name).join(', ');
    case 'stringList':
      return (value as string[]).join(', ');
    case 'money':
      return formatMoney(value, field.money);
    case 'boolean':
      return translate(value ? 'ra.boolean.true' : 'ra.boolean.false');
    default:
      return value;
  }
}

function ListActions({ resource }: { resource: ResourceModel }) {
  const { canAccess: canCreate } = useCanAccess({ action: 'create', resource: resource.name });
  return (
    <TopToolbar>
      <FilterButton />
      <ColumnsButton />
      {resource.operations.create && canCreate && <CreateButton />}
      <ExportButton maxResults={10_000} />
    </TopToolbar>
  );
}

function BulkActions({ resource }: { resource: ResourceModel }) {
  const { canAccess: canEdit } = useCanAccess({ action: 'edit', resource: resource.name });
  const { canAccess: canDelete } = useCanAccess({ action: 'delete', resource: resource.name });
  const status = resource.fields.find((field) => field.source === 'status' && field.kind === 'enum' && field.updatable);
  return (
    <>
      {status && canEdit && <BulkStatusButton field={status} />}
      <BulkExportButton />
      {resource.operations.delete && canDelete && <BulkDeleteWithConfirmButton mutationMode="pessimistic" />}
    </>
  );
}

/**
 * The record's name in a row is a link to its page: a keyboard user tabs to it and opens the
 * record (the row's click is for the mouse only), and its name says where it goes.
 */
function OpenRecordLink({ resource, children }: { resource: ResourceModel; children: ReactElement | null }) {
  const record = useRecordContext();
  const createPath = useCreatePath();
  const translate = useTranslate();
  if (!record) return children;
  const name = String(record[resource.representation] ?? record.id);
  return (
    <Link
      to={createPath({ resource: resource.name, type: 'show', id: record.id })}
      onClick={(event: MouseEvent) => event.stopPropagation()}
      aria-label={translate('welkom.open_record', {
        name,
        resource: translate(`resources.${resource.name}.name`, { smart_count: 1 }),
      })}
    >
      {children}
    </Link>
  );
}

export function GeneratedList({ model, resource }: { model: ConsoleModel; resource: ResourceModel }) {
  const translate = useTranslate();
  const small = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const tablet = useMediaQuery<Theme>((theme) => theme.breakpoints.down('lg'));
  // Only the default: a choice made in "Kolommen" is kept whatever the width.
  const visible = defaultColumns(resource, tablet ? VISIBLE_COLUMNS_TABLET : VISIBLE_COLUMNS);
  const columns = resource.fields.filter((field) => field.kind !== 'related');
  return (
    <List
      resource={resource.name}
      disableAuthentication
      filters={generatedFilters(model, resource)}
      sort={resource.defaultSort ? { field: resource.defaultSort, order: 'ASC' } : undefined}
      perPage={25}
      actions={<ListActions resource={resource} />}
      exporter={csvExporter(model, resource, translate)}
    >
      {small ? (
        <SimpleList primaryText={(record) => record[resource.representation]} linkType="show" />
      ) : (
        <DataTable
          rowClick="show"
          hiddenColumns={columns.map((field) => field.source).filter((source) => !visible.includes(source))}
          bulkActionButtons={<BulkActions resource={resource} />}
        >
          {columns.map((field) => (
            <DataTable.Col
              key={field.source}
              source={field.source}
              disableSort={!field.sortable}
              align={['integer', 'float', 'count', 'money'].includes(field.kind) ? 'right' : undefined}
            >
              {field.source === resource.representation ? (
                <OpenRecordLink resource={resource}>{renderField(model, field, { inList: true })}</OpenRecordLink>
              ) : (
                renderField(model, field, { inList: true })
              )}
            </DataTable.Col>
          ))}
        </DataTable>
      )}
    </List>
  );
}
