// All messages per language: react-admin's own, the console's, and the schema's labels,
// help texts and enum values (resources.<name>.fields.<field>, as react-admin expects).
import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';
import type { ConsoleModel, Locale } from '../schema/model';
import { appMessages } from './app-messages';
import { progressMessages } from '../progress/messages';
import { subsidyMessages } from '../subsidies/messages';
import { raDutch } from './ra-dutch';

export const helpKey = (resource: string, source: string) => `welkom.help.${resource}.${source}`;
export const enumKey = (enumName: string, value: string) => `welkom.enum.${enumName}.${value}`;

export function schemaMessages(model: ConsoleModel, locale: Locale) {
  const resources: Record<string, unknown> = {};
  const help: Record<string, Record<string, string>> = {};
  for (const resource of model.resources) {
    const fields: Record<string, string> = {};
    help[resource.name] = {};
    for (const field of resource.fields) {
      fields[field.source] = field.label[locale];
      if (field.help) help[resource.name]![field.source] = field.help[locale];
    }
    for (const filter of resource.filters) fields[filter.source] ??= filter.label[locale];
    resources[resource.name] = {
      name: `${resource.label[locale]} |||| ${resource.pluralLabel[locale]}`,
      fields,
    };
  }
  const enums: Record<string, Record<string, string>> = {};
  for (const model_ of Object.values(model.enums)) {
    enums[model_.name] = Object.fromEntries(model_.values.map((value) => [value.value, value.label[locale]]));
  }
  return { resources, welkom: { help, enum: enums } };
}

function merge(target: Record<string, any>, source: Record<string, any>): Record<string, any> {
  const result = { ...target };
  for (const [key, value] of Object.entries(source)) {
    result[key] = value && typeof value === 'object' && !Array.isArray(value) ? merge(result[key] ?? {}, value) : value;
  }
  return result;
}

export function buildMessages(model: ConsoleModel): Record<Locale, TranslationMessages> {
  return {
    nl: [appMessages.nl, progressMessages.nl, subsidyMessages.nl, schemaMessages(model, 'nl')].reduce(
      merge,
      raDutch,
    ) as TranslationMessages,
    en: [appMessages.en, progressMessages.en, subsidyMessages.en, schemaMessages(model, 'en')].reduce(
      merge,
      englishMessages,
    ) as TranslationMessages,
  };
}
