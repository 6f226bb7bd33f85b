// Accounts, sessions and partner API tokens: login/logout/me for everyone, user and token
// management for administrators. No type here has a field for a password, session or token
// hash; a token's secret appears once, in the answer to issueApiToken.
import type { Role } from '@welkom/db';
import {
  createUserAccount,
  issuePartnerToken,
  resetUserPassword,
  revokePartnerToken,
  updateUserAccount,
} from '../accounts/administration.js';
import { TOKEN_SCOPES } from '../auth/api-tokens.js';
import { login } from '../auth/login.js';
import { manageApiTokens, manageUsers, ownSession } from '../auth/permissions.js';
import { clearSessionCookie, endSession } from '../auth/sessions.js';
import { builder } from '../builder.js';
import { guardedBy, typeAccess } from '../crud/entity.js';
import { enumRef } from '../crud/enums.js';
import { checkId } from '../crud/validation.js';
import { db } from '../db.js';

const RoleEnum = enumRef('Role');

interface MeShape {
  id: string;
  email: string;
  name: string;
  roles: Role[];
}

export const Me = builder.objectRef<MeShape>('Me').implement({
  description: 'De ingelogde gebruiker | The signed-in user',
  authScopes: guardedBy(ownSession),
  fields: (t) => ({
    id: t.exposeID('id'),
    email: t.exposeString('email', { description: 'E-mailadres | Email' }),
    name: t.exposeString('name', { description: 'Naam | Name' }),
    roles: t.expose('roles', { type: [RoleEnum], description: 'Rollen | Roles' }),
  }),
});

builder.prismaObject('User', {
  description: 'Gebruiker van de beheerconsole | Console user',
  authScopes: guardedBy(manageUsers),
  directives: typeAccess('User', { read: manageUsers, write: manageUsers }),
  fields: (t) => ({
    id: t.exposeID('id'),
    email: t.exposeString('email', { description: 'E-mailadres (kleine letters) | Email (lower case)' }),
    name: t.exposeString('name', { description: 'Naam | Name' }),
    roles: t.expose('roles', { type: [RoleEnum], description: 'Rollen | Roles' }),
    active: t.exposeBoolean('active', { description: 'Actief: mag inloggen | Active: may sign in' }),
    lastLoginAt: t.expose('lastLoginAt', {
      type: 'DateTime',
      nullable: true,
      description: 'Laatst ingelogd | Last login',
    }),
    version: t.exposeInt('version', { description: 'Versie | Version' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'Aangemaakt | Created' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'Gewijzigd | Updated' }),
  }),
});

builder.prismaObject('ApiToken', {
  description:
    'API-sleutel van een partnerorganisatie; het geheim wordt alleen bij uitgifte getoond | A partner API token; the secret is shown only when issued',
  authScopes: guardedBy(manageApiTokens),
  directives: typeAccess('ApiToken', { read: manageApiTokens, write: manageApiTokens }),
  fields: (t) => ({
    id: t.exposeID('id'),
    prefix: t.exposeString('prefix', { description: 'Zichtbaar begin van de sleutel | Visible start of the token' }),
    label: t.exposeString('label', { description: 'Omschrijving | Label' }),
    scopes: t.exposeStringList('scopes', { description: `Rechten (${TOKEN_SCOPES.join(', ')}) | Scopes` }),
    partnerId: t.exposeID('partnerId', { description: 'Organisatie (ID) | Partner (ID)' }),
    partner: t.relation('partner', { description: 'Organisatie | Partner' }),
    createdBy: t.relation('createdBy', { nullable: true, description: 'Uitgegeven door | Issued by' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', description: 'Verloopt | Expires' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true, description: 'Ingetrokken | Revoked' }),
    lastUsedAt: t.expose('lastUsedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'Laatst gebruikt (tot op een minuut) | Last used (to the minute)',
    }),
    active: t.boolean({
      description: 'Bruikbaar: niet ingetrokken en niet verlopen | Usable: neither revoked nor expired',
      select: { revokedAt: true, expiresAt: true },
      resolve: (token) => !token.revokedAt && token.expiresAt.getTime() > Date.now(),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'Uitgegeven | Issued' }),
  }),
});

const IssuedApiToken = builder.objectRef<{ id: string; secret: string }>('IssuedApiToken').implement({
  description: 'Een nieuwe API-sleutel met haar geheim | A new API token with its secret',
  authScopes: guardedBy(manageApiTokens),
  fields: (t) => ({
    token: t.prismaField({
      type: 'ApiToken',
      description: 'De sleutel | The token',
      resolve: (query, issued) => db().apiToken.findUniqueOrThrow({ ...query, where: { id: issued.id } }),
    }),
    secret: t.exposeString('secret', {
      description:
        'De volledige sleutel voor de Authorization-header; wordt hierna nergens meer getoond | The whole token for the Authorization header; never shown again',
    }),
  }),
});

const UserCreateInput = builder.inputType('UserCreateInput', {
  fields: (t) => ({
    email: t.string({ required: true, description: 'E-mailadres | Email' }),
    name: t.string({ required: true, description: 'Naam | Name' }),
    roles: t.field({ type: [RoleEnum], required: true, description: 'Rollen | Roles' }),
    password: t.string({
      required: true,
      description: 'Wachtwoord (minstens 12 tekens) | Password (at least 12 characters)',
    }),
  }),
});

const UserUpdateInput = builder.inputType('UserUpdateInput', {
  fields: (t) => ({
    name: t.string({ description: 'Naam | Name' }),
    roles: t.field({ type: [RoleEnum], description: 'Rollen | Roles' }),
    active: t.boolean({
      description: 'Actief; uitschakelen beëindigt alle sessies | Active; deactivating ends all sessions',
    }),
  }),
});

const ApiTokenIssueInput = builder.inputType('ApiTokenIssueInput', {
  fields: (t) => ({
    partnerId: t.id({ required: true, description: 'Organisatie | Partner' }),
    label: t.string({ required: true, description: 'Omschrijving, bijv. "koppeling website" | Label' }),
    scopes: t.stringList({ required: true, description: `Rechten: ${TOKEN_SCOPES.join(', ')} | Scopes` }),
    expiresAt: t.field({ type: 'DateTime', required: true, description: 'Verloopt | Expires' }),
  }),
});

// --- Session -----------------------------------------------------------------------------

builder.queryField('me', (t) =>
  t.field({
    type: Me,
    nullable: true,
    authScopes: guardedBy(ownSession),
    description:
      'Wie is ingelogd (null voor anonieme bezoekers en API-sleutels) | Who is signed in (null for anonymous callers and tokens)',
    resolve: (_root, _args, context) => {
      const { identity } = context;
      if (identity.kind !== 'user') return null;
      return { id: identity.userId, email: identity.email, name: identity.name, roles: identity.roles };
    },
  }),
);

builder.mutationField('login', (t) =>
  t.field({
    type: Me,
    authScopes: guardedBy(ownSession),
    description: 'Inloggen; zet het sessiecookie | Sign in; sets the session cookie',
    args: { email: t.arg.string({ required: true }), password: t.arg.string({ required: true }) },
    resolve: async (_root, args, context) => {
      const signedIn = await login(args.email, args.password, { ip: context.ip, userAgent: context.userAgent });
      // Signing in as someone (else) replaces the browser's previous session rather than leaving it behind.
      if (context.identity.kind === 'user') await endSession(context.identity.sessionId);
      context.cookies.push(signedIn.session.cookie);
      return signedIn.user as MeShape;
    },
  }),
);

builder.mutationField('logout', (t) =>
  t.boolean({
    authScopes: guardedBy(ownSession),
    description: 'Uitloggen: beëindigt de sessie en wist het cookie | Sign out: ends the session and clears the cookie',
    resolve: async (_root, _args, context) => {
      if (context.identity.kind === 'user') await endSession(context.identity.sessionId);
      context.cookies.push(clearSessionCookie());
      return true;
    },
  }),
);

// --- Users (administrators) -------------------------------------------------------------

builder.queryField('users', (t) =>
  t.prismaField({
    type: ['User'],
    authScopes: guardedBy(manageUsers),
    description: 'Alle gebruikers, op e-mailadres (beheerders) | All users, by email (administrators)',
    args: {
      active: t.arg.boolean({
        description: 'Alleen actieve (true) of alleen uitgeschakelde (false) | Only active or inactive',
      }),
    },
    resolve: (query, _root, args) => {
      return db().user.findMany({
        ...query,
        where: args.active == null ? {} : { active: args.active },
        orderBy: [{ email: 'asc' }],
      });
    },
  }),
);

builder.queryField('user', (t) =>
  t.prismaField({
    type: 'User',
    nullable: true,
    authScopes: guardedBy(manageUsers),
    description: 'Eén gebruiker (beheerders) | One user (administrators)',
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args) => {
      checkId(args.id);
      return db().user.findUnique({ ...query, where: { id: args.id } });
    },
  }),
);

builder.mutationField('createUser', (t) =>
  t.prismaField({
    type: 'User',
    authScopes: guardedBy(manageUsers),
    description: 'Een gebruiker aanmaken (beheerders) | Create a user (administrators)',
    args: { input: t.arg({ type: UserCreateInput, required: true }) },
    resolve: (query, _root, args, context) => createUserAccount(args, context, query) as never,
  }),
);

builder.mutationField('updateUser', (t) =>
  t.prismaField({
    type: 'User',
    authScopes: guardedBy(manageUsers),
    description:
      'Naam, rollen of actief wijzigen (beheerders); uitschakelen beëindigt de sessies | Change name, roles or active (administrators); deactivating ends the sessions',
    args: {
      id: t.arg.id({ required: true }),
      input: t.arg({ type: UserUpdateInput, required: true }),
      expectedVersion: t.arg.int({ required: true }),
    },
    resolve: (query, _root, args, context) => updateUserAccount(args, context, query) as never,
  }),
);

builder.mutationField('setUserPassword', (t) =>
  t.prismaField({
    type: 'User',
    authScopes: guardedBy(manageUsers),
    description:
      'Een nieuw wachtwoord instellen (beheerders); de gebruiker wordt overal uitgelogd | Set a new password (administrators); signs the user out everywhere',
    args: { id: t.arg.id({ required: true }), password: t.arg.string({ required: true }) },
    resolve: (query, _root, args, context) => resetUserPassword(args, context, query) as never,
  }),
);

// --- Partner API tokens (administrators) ----------------------------------------------------

builder.queryField('apiTokens', (t) =>
  t.prismaField({
    type: ['ApiToken'],
    authScopes: guardedBy(manageApiTokens),
    description: 'API-sleutels, nieuwste eerst (beheerders) | API tokens, newest first (administrators)',
    args: {
      partnerId: t.arg.id({ description: 'Alleen van deze organisatie | Only of this partner' }),
      includeRevoked: t.arg.boolean({
        defaultValue: false,
        description: 'Ook ingetrokken sleutels | Include revoked tokens',
      }),
    },
    resolve: (query, _root, args) => {
      if (args.partnerId) checkId(args.partnerId, 'partnerId');
      return db().apiToken.findMany({
        ...query,
        where: {
          ...(args.partnerId ? { partnerId: args.partnerId } : {}),
          ...(args.includeRevoked ? {} : { revokedAt: null }),
        },
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      });
    },
  }),
);

builder.mutationField('issueApiToken', (t) =>
  t.field({
    type: IssuedApiToken,
    authScopes: guardedBy(manageApiTokens),
    description:
      'Een API-sleutel uitgeven (beheerders); bewaar het geheim meteen, het wordt niet opnieuw getoond | Issue an API token (administrators); store the secret at once, it is not shown again',
    args: { input: t.arg({ type: ApiTokenIssueInput, required: true }) },
    resolve: (_root, args, context) => issuePartnerToken(args, context),
  }),
);

builder.mutationField('revokeApiToken', (t) =>
  t.prismaField({
    type: 'ApiToken',
    authScopes: guardedBy(manageApiTokens),
    description:
      'Een API-sleutel intrekken; werkt meteen (beheerders) | Revoke an API token; takes effect at once (administrators)',
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, context) => revokePartnerToken(args, context, query) as never,
  }),
);
