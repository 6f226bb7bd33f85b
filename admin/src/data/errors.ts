// API errors as react-admin understands them: field errors in `body.errors` (shown at the
// field), conflicts and missing records with their code, in the language the user chose.
import { HttpError } from 'react-admin';
import { currentLocale } from '../i18n/locale';

interface ApiError {
  message: string;
  extensions?: {
    code?: string;
    field?: string;
    reason?: string;
    currentVersion?: number;
    messageEn?: string;
    fieldErrors?: { field: string; message: string; messageEn?: string }[];
    [detail: string]: unknown;
  };
}

/** An API error's text in the user's language: `message` is Dutch, `extensions.messageEn` English (docs/api.md, Errors). */
export function localizedMessage(
  error: { message: string; extensions?: { messageEn?: unknown } },
  locale = currentLocale(),
): string {
  const english = error.extensions?.messageEn;
  return locale === 'en' && typeof english === 'string' ? english : error.message;
}

/** `input.code` -> `code`; `input.partnerIds.2` -> `partnerIds`. */
export const fieldOfPath = (path: string) => path.replace(/^input\./, '').split('.')[0]!;

/** The API's first error as an HttpError react-admin understands (`body.errors` sets field errors). */
export function translateError(error: unknown, locale = currentLocale()): unknown {
  const body = (error as { body?: { graphQLErrors?: ApiError[]; networkError?: unknown } })?.body;
  const apiError = body?.graphQLErrors?.[0];
  if (!apiError) return error;
  const extensions = apiError.extensions ?? {};
  const text = (item: { message: string; messageEn?: string }) =>
    locale === 'en' && item.messageEn ? item.messageEn : item.message;
  const withoutPath = (text: string) => text.replace(/^input\.\w+: /, '');
  const message = text({
    message: withoutPath(apiError.message),
    messageEn: extensions.messageEn && withoutPath(extensions.messageEn),
  });
  switch (extensions.code) {
    case 'BAD_USER_INPUT': {
      const errors: Record<string, unknown> = {};
      const fieldErrors = extensions.fieldErrors?.length
        ? extensions.fieldErrors
        : extensions.field
          ? [{ field: extensions.field, message }]
          : [];
      for (const fieldError of fieldErrors) errors[fieldOfPath(fieldError.field)] = text(fieldError);
      errors.root = {
        serverError: fieldErrors.length
          ? locale === 'en'
            ? 'The form has errors; see the fields.'
            : 'Het formulier bevat fouten; zie de velden.'
          : message,
      };
      return new HttpError(message, 400, { errors, code: extensions.code });
    }
    case 'CONFLICT':
      if (extensions.reason === 'unique' && extensions.field) {
        return new HttpError(message, 409, {
          errors: { [fieldOfPath(extensions.field)]: message, root: { serverError: message } },
          code: 'CONFLICT',
          reason: 'unique',
        });
      }
      return new HttpError(message, 409, {
        code: 'CONFLICT',
        reason: extensions.reason,
        currentVersion: extensions.currentVersion,
      });
    case 'NOT_FOUND':
      return new HttpError(message, 404, { code: 'NOT_FOUND' });
    case 'UNAUTHENTICATED':
      return new HttpError(message, 401, { code: 'UNAUTHENTICATED' });
    case 'FORBIDDEN':
      return new HttpError(message, 403, { code: 'FORBIDDEN' });
    default:
      // Domain codes (TRANSITION_NOT_ALLOWED, CEILING_EXCEEDED, ...) keep their details, e.g. what is allowed now.
      return new HttpError(message, 500, { ...extensions, code: extensions.code });
  }
}

export function isVersionConflict(error: unknown): boolean {
  const body = (error as { body?: { code?: string; reason?: string } })?.body;
  return body?.code === 'CONFLICT' && body.reason === 'stale_version';
}
