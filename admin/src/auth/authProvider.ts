// Signing in against the API's login/logout/me (the accounts issue). Who may read or change
// an entity is what schema.graphql's @access directive on its type says (model.access): the register
// is public and the secretary changes it; the panel's members are the coordinator's alone.
// The console only hides what would be refused; the API decides. Until the API offers login,
// the console does not ask for one and leaves every decision to the API.
import type { AuthProvider } from 'react-admin';
import { localizedMessage } from '../data/errors';
import { type ConsoleModel, inAudience } from '../schema/model';

export interface Me {
  id: string;
  email: string;
  name: string;
  roles: string[];
}

const READ_ACTIONS = new Set(['list', 'show', 'export', 'read']);

async function graphql<T>(uri: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(uri, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    data?: T;
    errors?: { message: string; extensions?: { messageEn?: unknown } }[];
  };
  if (body.errors?.length) throw new Error(localizedMessage(body.errors[0]!));
  return body.data as T;
}

export function createAuthProvider(model: ConsoleModel, uri = '/graphql'): AuthProvider {
  let me: Promise<Me | null> | undefined;
  const whoAmI = () => {
    if (!model.auth.me) return Promise.resolve(null);
    me ??= graphql<{ me: Me | null }>(uri, '{ me { id email name roles } }')
      .then((data) => data.me)
      .catch(() => null);
    return me;
  };
  return {
    login: async ({ username, password }: { username: string; password: string }) => {
      if (!model.auth.login) throw new Error('Inloggen is nog niet beschikbaar.');
      const data = await graphql<{ login: Me }>(
        uri,
        'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { id email name roles } }',
        {
          email: username,
          password,
        },
      );
      me = Promise.resolve(data.login);
    },
    logout: async () => {
      if (model.auth.logout && (await whoAmI())) await graphql(uri, 'mutation { logout }').catch(() => undefined);
      me = Promise.resolve(null);
      return false; // stay where you are: anonymous users may read
    },
    // Lists and record pages do not ask (disableAuthentication): anyone may read. Forms and
    // the login page do: a visitor who wants to edit is sent to sign in.
    checkAuth: async (params) => {
      if ((params as { route?: string })?.route === 'dashboard') return; // the home page is public too
      if (model.auth.me && !(await whoAmI())) throw new Error('ra.auth.auth_check_error');
    },
    checkError: async (error) => {
      const status = (error as { status?: number })?.status;
      if (status === 401) {
        me = undefined;
        throw new Error('ra.auth.auth_check_error');
      }
    },
    getIdentity: async () => {
      const user = await whoAmI();
      if (!user) return { id: '', fullName: '' };
      return { id: user.id, fullName: user.name || user.email, email: user.email, roles: user.roles };
    },
    getPermissions: async () => (await whoAmI())?.roles ?? [],
    canAccess: async ({ action, resource }) => {
      if (!model.auth.login) return true; // no accounts in the API yet: it decides
      const access = resource ? model.byName(resource)?.access : undefined;
      if (!access) return READ_ACTIONS.has(action);
      const roles = (await whoAmI())?.roles ?? null;
      return inAudience(READ_ACTIONS.has(action) ? access.read : access.change, roles);
    },
  };
}
