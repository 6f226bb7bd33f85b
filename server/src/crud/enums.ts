// GraphQL enums made from the Prisma enums, with each value's `///` description.
import { builder } from '../builder.js';
import { getEnum } from './dmmf.js';

const refs = new Map<string, ReturnType<typeof makeEnum>>();

function makeEnum(name: string) {
  const source = getEnum(name);
  const values = Object.fromEntries(
    source.values.map((value) => [value.name, { value: value.name, description: value.documentation }]),
  );
  return builder.enumType(name, { description: source.documentation, values });
}

export function enumRef(name: string) {
  let ref = refs.get(name);
  if (!ref) {
    ref = makeEnum(name);
    refs.set(name, ref);
  }
  return ref;
}
