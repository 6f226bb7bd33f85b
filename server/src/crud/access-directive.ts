// The `@access` directive: who may read, change and read the history of a type, as data in
// schema.graphql. Audiences are `anyone`, `staff` (any signed-in user), a role name (ADMIN listed
// when it is implied) or `token:<scope>`; an empty list admits no one. The console reads it
// instead of the descriptions' prose; the server enforces the same rules (auth/registry.ts).
import { DirectiveLocation, GraphQLDirective, GraphQLList, GraphQLNonNull, GraphQLString } from 'graphql';

const audiences = (description: string) => ({
  type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(GraphQLString))),
  description,
});

export const AccessDirective = new GraphQLDirective({
  name: 'access',
  description:
    'Wie dit type mag lezen, wijzigen en de geschiedenis ervan mag lezen | Who may read, change and read the history of this type',
  locations: [DirectiveLocation.OBJECT],
  args: {
    read: audiences('Wie leest | Who reads'),
    write: audiences('Wie wijzigt | Who changes'),
    history: audiences('Wie de geschiedenis leest, naast ADMIN | Who reads the history, besides ADMIN'),
  },
});
