// Validation of create/update inputs at the API edge, derived from the model. Messages
// name the field (its path in the arguments) and the reason, in Dutch with English beside.
import { z } from 'zod';
import { type FieldError, badUserInput } from './errors.js';
import { type DmmfField, type ModelShape, SYSTEM_FIELDS, isDateOnly, labelOf } from './dmmf.js';
import { UUID, isUuid } from './uuid.js';

export interface FieldRule {
  maxLength?: number;
  pattern?: RegExp;
  /** What the pattern expects, e.g. `"1.2 1.A"`. */
  patternHint?: string;
}

/** Long enough for the document's longest paragraphs, short enough to refuse junk. */
export const DEFAULT_MAX_TEXT = 20_000;
export const MAX_LIST_ITEMS = 200;

/** Columns a client may set: not the system ones, not relation objects. */
export function editableFields(shape: ModelShape): DmmfField[] {
  return shape.scalars.filter((field) => !SYSTEM_FIELDS.has(field.name) && !field.isUpdatedAt);
}

export function isRequiredOnCreate(field: DmmfField): boolean {
  return field.isRequired && !field.hasDefaultValue && !field.isList;
}

function messageFor(field: DmmfField, issue: z.core.$ZodIssue, rule: FieldRule | undefined) {
  const label = labelOf(field);
  const labelEn = labelOf(field, 'en');
  switch (issue.code) {
    case 'too_big':
      return {
        reason: 'too_long',
        message: `${label} is te lang (maximaal ${String(issue.maximum)}).`,
        messageEn: `${labelEn} is too long (at most ${String(issue.maximum)}).`,
      };
    case 'too_small':
      return {
        reason: 'required',
        message: `${label} mag niet leeg zijn.`,
        messageEn: `${labelEn} must not be empty.`,
      };
    case 'invalid_format':
      return {
        reason: 'invalid_format',
        message: `${label} heeft niet de juiste vorm${rule?.patternHint ? ` (verwacht: ${rule.patternHint})` : ''}.`,
        messageEn: `${labelEn} is not in the right form${rule?.patternHint ? ` (expected: ${rule.patternHint})` : ''}.`,
      };
    default:
      return { reason: 'invalid', message: `${label} is ongeldig.`, messageEn: `${labelEn} is invalid.` };
  }
}

function stringSchema(field: DmmfField, rule: FieldRule | undefined, required: boolean) {
  let schema = z.string().trim();
  if (isUuid(field)) return schema.regex(UUID);
  if (required) schema = schema.min(1);
  schema = schema.max(rule?.maxLength ?? DEFAULT_MAX_TEXT);
  if (rule?.pattern) schema = schema.regex(rule.pattern);
  return schema;
}

function valueSchema(field: DmmfField, rule: FieldRule | undefined, required: boolean): z.ZodType {
  if (field.isList && field.type === 'String') {
    return z
      .array(
        z
          .string()
          .trim()
          .min(1)
          .max(rule?.maxLength ?? 1_000),
      )
      .max(MAX_LIST_ITEMS);
  }
  switch (field.type) {
    case 'String':
      return stringSchema(field, rule, required);
    case 'Int':
      return z.number().int().min(-2_147_483_648).max(2_147_483_647);
    case 'DateTime':
      return isDateOnly(field) ? z.date().min(new Date('1900-01-01')).max(new Date('2200-12-31')) : z.date();
    default:
      return z.any(); // enums, booleans and floats are checked by GraphQL's own coercion
  }
}

/**
 * Validates one input object. Returns the cleaned values (strings trimmed) or throws a
 * BAD_USER_INPUT error listing every offending field.
 */
export function validateInput(
  shape: ModelShape,
  rules: Record<string, FieldRule>,
  input: Record<string, unknown>,
  mode: 'create' | 'update',
  path = 'input',
): Record<string, unknown> {
  const errors: FieldError[] = [];
  const clean: Record<string, unknown> = {};
  for (const field of editableFields(shape)) {
    const present = Object.hasOwn(input, field.name) && input[field.name] !== undefined;
    const value = input[field.name];
    const fieldPath = `${path}.${field.name}`;
    if (!present) {
      if (mode === 'create' && isRequiredOnCreate(field)) {
        errors.push({
          field: fieldPath,
          reason: 'required',
          message: `${labelOf(field)} is verplicht.`,
          messageEn: `${labelOf(field, 'en')} is required.`,
        });
      }
      continue;
    }
    if (value === null) {
      if (field.isRequired) {
        errors.push({
          field: fieldPath,
          reason: 'required',
          message: `${labelOf(field)} mag niet leeg zijn.`,
          messageEn: `${labelOf(field, 'en')} must not be empty.`,
        });
      } else {
        clean[field.name] = null;
      }
      continue;
    }
    const rule = rules[field.name];
    const result = valueSchema(field, rule, field.isRequired).safeParse(value);
    if (result.success) {
      // An optional text cleared to "" means "no value".
      clean[field.name] = result.data === '' && !field.isRequired ? null : result.data;
    } else {
      const issue = result.error.issues[0]!;
      if (isUuid(field)) {
        errors.push({
          field: fieldPath,
          reason: 'invalid_id',
          message: `${labelOf(field)}: "${String(value).slice(0, 60)}" is geen geldig id.`,
          messageEn: `${labelOf(field, 'en')}: "${String(value).slice(0, 60)}" is not a valid id.`,
        });
      } else {
        errors.push({ field: fieldPath, ...messageFor(field, issue, rule) });
      }
    }
  }
  for (const link of shape.manyToMany) {
    const key = `${link.singular}Ids`;
    const value = input[key];
    if (value === undefined) continue;
    const ids = (value ?? []) as unknown[];
    const bad = ids.find((id) => typeof id !== 'string' || !UUID.test(id));
    if (bad !== undefined) {
      errors.push({
        field: `${path}.${key}`,
        reason: 'invalid_id',
        message: `"${String(bad).slice(0, 60)}" is geen geldig id.`,
        messageEn: `"${String(bad).slice(0, 60)}" is not a valid id.`,
      });
    } else if (ids.length > MAX_LIST_ITEMS) {
      errors.push({
        field: `${path}.${key}`,
        reason: 'too_long',
        message: `Te veel koppelingen (maximaal ${MAX_LIST_ITEMS}).`,
        messageEn: `Too many links (at most ${MAX_LIST_ITEMS}).`,
      });
    } else {
      clean[key] = [...new Set(ids as string[])];
    }
  }
  if (errors.length) throw badUserInput(errors);
  return clean;
}

export function checkId(id: string, path = 'id'): void {
  if (!UUID.test(id)) {
    throw badUserInput([
      {
        field: path,
        reason: 'invalid_id',
        message: `"${id.slice(0, 60)}" is geen geldig id.`,
        messageEn: `"${id.slice(0, 60)}" is not a valid id.`,
      },
    ]);
  }
}
