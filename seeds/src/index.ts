export { extractProgramme } from './extract/programme.js';
export type * from './extract/records.js';
export { loadProgramme, type LoadCounts, type EntityCounts } from './load.js';
export { readSourceDocument, SOURCE_DOCUMENT_PATH, SHARED_SOURCE_DOCUMENT_PATH } from './source.js';
export { loadProgrammeFromDocument } from './programme.js';
export { loadSocialMap, KAART_LANGUAGES, type KaartCounts } from './kaart.js';
export { KAART_SERVICES, KAART_ORGANIZATIONS, KAART_TERMS } from './kaart-data.js';
