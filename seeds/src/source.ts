// Where the programme document lives. The original is in `shared/source/` beside the repo
// (`<repo>/../shared/source/…`, also on CI); a copy is committed in `seeds/data/` so the repo is
// self-contained, and that copy is what the seeds read. A test fails when the two differ.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SOURCE_DOCUMENT_NAME = 'uitvoeringsprogramma-asiel-integratie-2025-2028.txt';

/** The committed copy, read by default. */
export const SOURCE_DOCUMENT_PATH = fileURLToPath(new URL(`../data/${SOURCE_DOCUMENT_NAME}`, import.meta.url));

/** The shared original beside the clone: `<repo>/../shared/source/…`. */
export const SHARED_SOURCE_DOCUMENT_PATH = fileURLToPath(
  new URL(`../../../shared/source/${SOURCE_DOCUMENT_NAME}`, import.meta.url),
);

export function readSourceDocument(path: string = SOURCE_DOCUMENT_PATH): string {
  if (!existsSync(path)) {
    throw new Error(`Programme document not found at ${path}; copy it from ${SHARED_SOURCE_DOCUMENT_PATH}.`);
  }
  return readFileSync(path, 'utf8');
}
