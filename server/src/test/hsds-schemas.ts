// HSDS 3.0 response shapes as zod schemas, written from the specification's schema/*.json and
// its API reference (openreferral/specification, branch 3.0): required fields, types, formats
// and enums. Strict objects, so a misspelt or invented field name fails too.
import { z } from 'zod';

const uuid = z.uuid();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const text = z.string();

export const Phone = z.strictObject({
  id: uuid,
  number: text,
  location_id: uuid.optional(),
  service_id: uuid.optional(),
  organization_id: uuid.optional(),
  contact_id: uuid.optional(),
  service_at_location_id: uuid.optional(),
  extension: z.number().optional(),
  type: text.optional(),
  description: text.optional(),
  languages: z.array(z.unknown()).optional(),
});

export const Schedule = z.strictObject({
  id: uuid,
  service_id: uuid.optional(),
  location_id: uuid.optional(),
  service_at_location_id: uuid.optional(),
  valid_from: date.optional(),
  valid_to: date.optional(),
  dtstart: date.optional(),
  timezone: z.number().optional(),
  until: date.optional(),
  count: z.number().optional(),
  wkst: z.enum(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU']).optional(),
  freq: z.enum(['WEEKLY', 'MONTHLY']).optional(),
  interval: z.number().optional(),
  byday: text.optional(),
  byweekno: text.optional(),
  bymonthday: text.optional(),
  byyearday: text.optional(),
  description: text.optional(),
  opens_at: text.regex(/^\d{2}:\d{2}/).optional(),
  closes_at: text.regex(/^\d{2}:\d{2}/).optional(),
  schedule_link: z.url().optional(),
  attending_type: text.optional(),
  notes: text.optional(),
});

export const Address = z.strictObject({
  id: uuid,
  location_id: uuid.optional(),
  attention: text.optional(),
  address_1: text,
  address_2: text.optional(),
  city: text,
  region: text.optional(),
  state_province: text,
  postal_code: text,
  country: text.regex(/^[A-Z]{2}$/),
  address_type: z.enum(['physical', 'postal', 'virtual']),
});

export const Accessibility = z.strictObject({
  id: uuid,
  location_id: uuid.optional(),
  description: text.optional(),
  details: text.optional(),
  url: z.url().optional(),
});

export const Location = z.strictObject({
  id: uuid,
  location_type: z.enum(['physical', 'postal', 'virtual']),
  url: z.url().optional(),
  organization_id: uuid.optional(),
  name: text.optional(),
  alternate_name: text.optional(),
  description: text.optional(),
  transportation: text.optional(),
  latitude: z.number().optional(),
  longitude: z.number().optional(),
  external_identifier: text.optional(),
  external_identifier_type: text.optional(),
  languages: z.array(z.unknown()).optional(),
  addresses: z.array(Address).optional(),
  contacts: z.array(z.unknown()).optional(),
  accessibility: z.array(Accessibility).optional(),
  phones: z.array(Phone).optional(),
  schedules: z.array(Schedule).optional(),
});

export const Taxonomy = z.strictObject({
  id: uuid,
  name: text,
  description: text,
  uri: z.url().optional(),
  version: text.optional(),
});

export const TaxonomyTerm = z.strictObject({
  id: uuid,
  code: text.optional(),
  name: text,
  description: text,
  parent_id: uuid.optional(),
  taxonomy: text.optional(),
  taxonomy_detail: Taxonomy.optional(),
  language: text.optional(),
  taxonomy_id: uuid.optional(),
  term_uri: z.url().optional(),
});

export const Attribute = z.strictObject({
  id: uuid,
  link_id: uuid.optional(),
  taxonomy_term_id: uuid.optional(),
  link_type: text.optional(),
  link_entity: text.optional(),
  value: text.optional(),
  taxonomy_term: TaxonomyTerm.optional(),
});

export const Language = z.strictObject({
  id: uuid,
  service_id: uuid.optional(),
  location_id: uuid.optional(),
  phone_id: uuid.optional(),
  name: text.optional(),
  code: text.optional(),
  note: text.optional(),
});

export const Contact = z.strictObject({
  id: uuid,
  organization_id: uuid.optional(),
  service_id: uuid.optional(),
  service_at_location_id: uuid.optional(),
  location_id: uuid.optional(),
  name: text.optional(),
  title: text.optional(),
  department: text.optional(),
  email: z.email().optional(),
  phones: z.array(Phone).optional(),
});

export const Organization = z.strictObject({
  id: uuid,
  name: text,
  alternate_name: text.optional(),
  description: text,
  email: z.email().optional(),
  website: z.url().optional(),
  tax_status: text.optional(),
  tax_id: text.optional(),
  year_incorporated: z.number().optional(),
  legal_status: text.optional(),
  logo: text.optional(),
  uri: z.url().optional(),
  parent_organization_id: uuid.optional(),
  funding: z.array(z.unknown()).optional(),
  contacts: z.array(Contact).optional(),
  phones: z.array(Phone).optional(),
  locations: z.array(Location).optional(),
  programs: z.array(z.unknown()).optional(),
  organization_identifiers: z.array(z.unknown()).optional(),
  attributes: z.array(Attribute).optional(),
});

const ServiceAtLocationBase = {
  id: uuid,
  service_id: uuid.optional(),
  location_id: uuid.optional(),
  description: text.optional(),
  contacts: z.array(Contact).optional(),
  phones: z.array(Phone).optional(),
  schedules: z.array(Schedule).optional(),
  location: Location.optional(),
  attributes: z.array(Attribute).optional(),
};

export const Service = z.strictObject({
  id: uuid,
  organization_id: uuid.optional(),
  program_id: uuid.optional(),
  name: text,
  alternate_name: text.optional(),
  description: text.optional(),
  url: z.url().optional(),
  email: z.email().optional(),
  status: z.enum(['active', 'inactive', 'defunct', 'temporarily closed']),
  interpretation_services: text.optional(),
  application_process: text.optional(),
  fees_description: text.optional(),
  wait_time: text.optional(),
  fees: text.optional(),
  accreditations: text.optional(),
  eligibility_description: text.optional(),
  minimum_age: z.number().optional(),
  maximum_age: z.number().optional(),
  assured_date: date.optional(),
  assurer_email: z.email().optional(),
  licenses: text.optional(),
  alert: text.optional(),
  last_modified: z.iso.datetime().optional(),
  phones: z.array(Phone).optional(),
  schedules: z.array(Schedule).optional(),
  service_areas: z.array(z.unknown()).optional(),
  service_at_locations: z.array(z.strictObject(ServiceAtLocationBase)).optional(),
  languages: z.array(Language).optional(),
  organization: Organization.optional(),
  funding: z.array(z.unknown()).optional(),
  cost_options: z.array(z.unknown()).optional(),
  program: z.unknown().optional(),
  required_documents: z.array(z.unknown()).optional(),
  contacts: z.array(Contact).optional(),
  attributes: z.array(Attribute).optional(),
});

// The compiled service_at_location schema nests the service.
export const ServiceAtLocation = z.strictObject({ ...ServiceAtLocationBase, service: Service.optional() });

/** The API reference's Page schema plus `contents`. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.strictObject({
    total_items: z.number().int(),
    total_pages: z.number().int(),
    page_number: z.number().int(),
    size: z.number().int(),
    first_page: z.boolean(),
    last_page: z.boolean(),
    empty: z.boolean(),
    contents: z.array(item),
  });
}

export const ApiInfo = z.strictObject({ version: text, profile: z.url(), openapi_url: z.url() });
