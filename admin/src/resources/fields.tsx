// The console generator's second half, per field: each field kind of the model becomes a
// real column/field and a real input. Nothing here names an entity.
import { Chip, InputAdornment } from '@mui/material';
import type { ReactElement } from 'react';
import {
  AutocompleteArrayInput,
  AutocompleteInput,
  BooleanField,
  BooleanInput,
  ChipField,
  DateField,
  DateInput,
  DateTimeInput,
  FunctionField,
  NullableBooleanInput,
  NumberField,
  NumberInput,
  ReferenceArrayField,
  ReferenceArrayInput,
  ReferenceField,
  ReferenceInput,
  SelectInput,
  SingleFieldList,
  TextArrayField,
  TextArrayInput,
  TextField,
  TextInput,
  required,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { enumKey, helpKey } from '../i18n/messages';
import type { ConsoleModel, EnumModel, FieldModel, ResourceModel } from '../schema/model';

const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });

/** Money in euros, Dutch notation (€ 1.234,56), whether stored as cents or as a decimal string. */
export function formatMoney(value: unknown, unit: FieldModel['money']): string {
  if (value === null || value === undefined || value === '') return '';
  const euros = unit === 'cents' ? Number(value) / 100 : Number(value);
  return Number.isFinite(euros) ? euro.format(euros) : String(value);
}

export const enumChoices = (model: EnumModel) =>
  model.values.map((value) => ({ id: value.value, name: enumKey(model.name, value.value) }));

const STATUS_COLORS: Record<string, 'default' | 'primary' | 'success' | 'warning' | 'error' | 'info'> = {
  RUNNING: 'primary',
  DONE: 'success',
  RESOLVED: 'success',
  ACCEPTED: 'info',
  POSTPONED: 'warning',
  REVISED: 'info',
  CANCELLED: 'default',
  OPEN: 'warning',
  ERROR: 'error',
  WARNING: 'warning',
};

function EnumChip({ field }: { field: FieldModel }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const value = record?.[field.source];
  if (!value || !field.enum) return null;
  return (
    <Chip
      size="small"
      label={translate(enumKey(field.enum.name, value))}
      color={STATUS_COLORS[value] ?? 'default'}
      variant="outlined"
    />
  );
}

/** A column or a read-only field for one model field. */
export function renderField(
  model: ConsoleModel,
  field: FieldModel,
  options: { inList?: boolean } = {},
): ReactElement | null {
  const { source } = field;
  switch (field.kind) {
    case 'text':
    case 'id':
      return <TextField source={source} emptyText="—" />;
    case 'longText':
      return options.inList ? (
        <TextField
          source={source}
          sx={{
            display: '-webkit-box',
            WebkitLineClamp: 3,
            WebkitBoxOrient: 'vertical',
            overflow: 'hidden',
            maxWidth: '48ch',
          }}
        />
      ) : (
        <TextField source={source} sx={{ whiteSpace: 'pre-line' }} emptyText="—" />
      );
    case 'integer':
    case 'count':
      // Years, codes and counts: "2026", not "2.026" (a thousands separator reads as an amount).
      return <NumberField source={source} locales="nl-NL" options={{ useGrouping: false }} />;
    case 'float':
      return <NumberField source={source} locales="nl-NL" />;
    case 'money':
      return (
        <FunctionField
          source={source}
          render={(record) => formatMoney(record[source], field.money)}
          textAlign="right"
        />
      );
    case 'date':
      return <DateField source={source} locales="nl-NL" emptyText="—" />;
    case 'dateTime':
      return <DateField source={source} locales="nl-NL" showTime emptyText="—" />;
    case 'boolean':
      return <BooleanField source={source} />;
    case 'enum':
      return <FunctionField source={source} render={() => <EnumChip field={field} />} />;
    case 'stringList':
      return <TextArrayField source={source} emptyText="—" />;
    case 'reference': {
      const target = model.byName(field.reference!);
      return (
        <ReferenceField source={source} reference={field.reference!} link="show" emptyText="—">
          <TextField source={target?.representation ?? 'id'} />
        </ReferenceField>
      );
    }
    case 'referenceArray': {
      const target = model.byName(field.reference!);
      return (
        <ReferenceArrayField
          source={source}
          reference={field.reference!}
          sort={target?.defaultSort ? { field: target.defaultSort, order: 'ASC' } : undefined}
        >
          <SingleFieldList linkType="show" empty={<span>—</span>}>
            <ChipField source={target?.representation ?? 'id'} size="small" />
          </SingleFieldList>
        </ReferenceArrayField>
      );
    }
    default:
      return null;
  }
}

/** Help text under an input, from the description's later lines. */
function useHelper(resource: ResourceModel, field: FieldModel) {
  const translate = useTranslate();
  return field.help ? translate(helpKey(resource.name, field.source)) : undefined;
}

function GeneratedInput({
  model,
  resource,
  field,
}: {
  model: ConsoleModel;
  resource: ResourceModel;
  field: FieldModel;
}) {
  const helperText = useHelper(resource, field);
  const common = {
    source: field.source,
    helperText: helperText ?? false,
    validate: field.required ? required() : undefined,
  };
  switch (field.kind) {
    case 'text':
      return <TextInput {...common} sx={{ minWidth: '20rem' }} />;
    case 'longText':
      return <TextInput {...common} multiline minRows={3} maxRows={16} fullWidth />;
    case 'integer':
      return <NumberInput {...common} step={1} />;
    case 'float':
      return <NumberInput {...common} />;
    case 'money':
      return (
        <NumberInput
          {...common}
          step={0.01}
          format={(value) =>
            value == null || value === '' ? '' : field.money === 'cents' ? Number(value) / 100 : Number(value)
          }
          parse={(value) =>
            value === '' || value == null
              ? null
              : field.money === 'cents'
                ? Math.round(Number(value) * 100)
                : String(value)
          }
          slotProps={{ input: { startAdornment: <InputAdornment position="start">€</InputAdornment> } }}
        />
      );
    case 'date':
      return <DateInput {...common} />;
    case 'dateTime':
      return <DateTimeInput {...common} />;
    case 'boolean':
      return field.required ? <BooleanInput {...common} /> : <NullableBooleanInput {...common} />;
    case 'enum':
      return <SelectInput {...common} choices={enumChoices(field.enum!)} emptyText="—" sx={{ minWidth: '14rem' }} />;
    case 'stringList':
      return <TextArrayInput {...common} fullWidth />;
    case 'reference': {
      const target = model.byName(field.reference!)!;
      return (
        <ReferenceInput
          source={field.source}
          reference={field.reference!}
          sort={target.defaultSort ? { field: target.defaultSort, order: 'ASC' } : undefined}
        >
          <AutocompleteInput
            optionText={target.representation}
            filterToQuery={(q) => ({ q })}
            helperText={helperText ?? false}
            validate={common.validate}
            sx={{ minWidth: '20rem' }}
          />
        </ReferenceInput>
      );
    }
    case 'referenceArray': {
      const target = model.byName(field.reference!)!;
      return (
        <ReferenceArrayInput
          source={field.source}
          reference={field.reference!}
          perPage={50}
          sort={target.defaultSort ? { field: target.defaultSort, order: 'ASC' } : undefined}
        >
          <AutocompleteArrayInput
            optionText={target.representation}
            filterToQuery={(q) => ({ q })}
            helperText={helperText ?? false}
            fullWidth
          />
        </ReferenceArrayInput>
      );
    }
    default:
      return null;
  }
}

export function renderInput(model: ConsoleModel, resource: ResourceModel, field: FieldModel): ReactElement {
  return <GeneratedInput key={field.source} model={model} resource={resource} field={field} />;
}
