#!/usr/bin/env node
// A tiny Prisma generator that writes the schema's full DMMF (models with native types,
// enums with their `///` documentation) as JSON. The API and the console read their
// labels, help texts and field kinds from it; the Pothos datamodel lacks enums and
// native types (a @db.Date column is a date, not a timestamp).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import pkg from '@prisma/generator-helper';

const { generatorHandler } = pkg;

generatorHandler({
  onManifest: () => ({ prettyName: 'Welkom DMMF (JSON)', defaultOutput: './src/generated/dmmf.json' }),
  onGenerate: async ({ dmmf, generator }) => {
    const output = generator.output?.value;
    if (!output) throw new Error('dmmf generator needs an output path');
    const { models, enums } = dmmf.datamodel;
    mkdirSync(dirname(output), { recursive: true });
    writeFileSync(output, `${JSON.stringify({ models, enums }, null, 1)}\n`);
  },
});
