// What the current request's caller may see, readable where Apollo gives no context: formatError
// runs for every error, including those raised before a context exists or by a plugin, so the
// decision "development detail or not" must reach it without the context.
import { AsyncLocalStorage } from 'node:async_hooks';

const scope = new AsyncLocalStorage<{ developmentDetail: boolean }>();

export function runForCaller<T>(developmentDetail: boolean, work: () => Promise<T>): Promise<T> {
  return scope.run({ developmentDetail }, work);
}

/** True only inside a request whose caller is on this machine while the server runs in development. */
export function callerMaySeeDevelopmentDetail(): boolean {
  return scope.getStore()?.developmentDetail ?? false;
}
