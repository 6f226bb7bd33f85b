// A record's audit trail on its page: when, who, what, and each changed field before → after.
// Asked for in a query of its own, so that a refusal (the history is for ADMIN and the
// domain's owner) never hides the record; anonymous visitors are not asked at all.
import { Box, Button, List, ListItem, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useGetIdentity, useGetOne, useLocale, useRecordContext, useTranslate } from 'react-admin';
import { requestGraphQL } from '../data/graphql';
import { enumKey } from '../i18n/messages';
import { type ConsoleModel, type FieldModel, type ResourceModel, humanize } from '../schema/model';
import { formatMoney } from './fields';

export interface AuditEventView {
  id: string;
  at: string;
  actorLabel: string | null;
  operation: string;
  changedFields: string[];
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const FIRST_EVENTS = 10;
const LONGEST_VALUE = 140;

export function historyQuery(resource: ResourceModel): string {
  return `query ${resource.type}History($id: ID!) { ${resource.operations.one}(id: $id) { id history { id at actorLabel operation changedFields before after } } }`;
}

/** Loads the history; `null` when the API refuses it to this user. */
export async function fetchHistory(resource: ResourceModel, id: string): Promise<AuditEventView[] | null> {
  const answer = await requestGraphQL<Record<string, { history: AuditEventView[] | null } | null>>(
    historyQuery(resource),
    { id },
  );
  const history = answer.data?.[resource.operations.one]?.history;
  if (history) return history;
  if (
    answer.errors.some(
      (error) => error.extensions?.code === 'FORBIDDEN' || error.extensions?.code === 'UNAUTHENTICATED',
    )
  )
    return null;
  if (answer.errors.length) throw new Error(answer.errors[0]!.message);
  return null;
}

function ReferenceName({ model, field, id }: { model: ConsoleModel; field: FieldModel; id: string }) {
  const target = model.byName(field.reference!);
  const { data } = useGetOne(field.reference!, { id }, { enabled: Boolean(target) });
  return <>{(target && data?.[target.representation]) ?? id}</>;
}

function Value({ model, field, value }: { model: ConsoleModel; field: FieldModel | undefined; value: unknown }) {
  const translate = useTranslate();
  const locale = useLocale() === 'en' ? 'en-GB' : 'nl-NL';
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
    return <>—</>;
  if (field?.kind === 'reference' && typeof value === 'string')
    return <ReferenceName model={model} field={field} id={value} />;
  let text: string;
  if (field?.kind === 'enum' && field.enum) text = translate(enumKey(field.enum.name, String(value)));
  else if (field?.kind === 'money') text = formatMoney(value, field.money);
  else if (typeof value === 'boolean') text = translate(value ? 'ra.boolean.true' : 'ra.boolean.false');
  else if (field?.kind === 'date' && typeof value === 'string')
    text = new Date(value).toLocaleDateString(locale, { timeZone: 'UTC' });
  else if (field?.kind === 'dateTime' && typeof value === 'string') text = new Date(value).toLocaleString(locale);
  else if (Array.isArray(value)) text = value.map(String).join(', ');
  else if (typeof value === 'object') text = JSON.stringify(value);
  else text = String(value);
  return <>{text.length > LONGEST_VALUE ? `${text.slice(0, LONGEST_VALUE - 1)}…` : text}</>;
}

const OPERATIONS: Record<string, string> = { CREATE: 'created', UPDATE: 'updated', DELETE: 'deleted' };

function Event({ model, resource, event }: { model: ConsoleModel; resource: ResourceModel; event: AuditEventView }) {
  const translate = useTranslate();
  const locale = useLocale() === 'en' ? 'en-GB' : 'nl-NL';
  const operation = OPERATIONS[event.operation]
    ? translate(`welkom.history.${OPERATIONS[event.operation]}`)
    : humanize(event.operation);
  const field = (source: string) => resource.fields.find((candidate) => candidate.source === source);
  return (
    <ListItem disableGutters divider sx={{ display: 'block' }}>
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {operation}
        <Typography component="span" variant="body2" color="text.secondary">
          {' · '}
          <time dateTime={event.at}>
            {new Date(event.at).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' })}
          </time>
          {' · '}
          {event.actorLabel ?? translate('welkom.history.system')}
        </Typography>
      </Typography>
      {event.changedFields.length > 0 && (
        <Box
          component="dl"
          sx={{
            m: 0,
            mt: 0.5,
            display: 'grid',
            gridTemplateColumns: { xs: '1fr', sm: 'minmax(8rem, max-content) 1fr' },
            columnGap: 2,
            rowGap: 0.25,
          }}
        >
          {event.changedFields.map((source) => (
            <Box key={source} sx={{ display: 'contents' }}>
              <Typography component="dt" variant="body2" color="text.secondary">
                {translate(`resources.${resource.name}.fields.${source}`, { _: humanize(source) })}
              </Typography>
              <Typography component="dd" variant="body2" sx={{ m: 0, overflowWrap: 'anywhere' }}>
                {event.operation !== 'CREATE' && (
                  <>
                    <Box component="span" sx={{ color: 'text.secondary', textDecoration: 'line-through' }}>
                      <Value model={model} field={field(source)} value={event.before?.[source]} />
                    </Box>
                    {' → '}
                  </>
                )}
                <Value
                  model={model}
                  field={field(source)}
                  value={event.operation === 'DELETE' ? null : event.after?.[source]}
                />
              </Typography>
            </Box>
          ))}
        </Box>
      )}
    </ListItem>
  );
}

export function RecordHistory({ model, resource }: { model: ConsoleModel; resource: ResourceModel }) {
  const translate = useTranslate();
  const record = useRecordContext();
  const { identity, isPending: identityPending } = useGetIdentity();
  const signedIn = Boolean(identity?.id);
  const [showAll, setShowAll] = useState(false);
  const { data, isPending, error } = useQuery({
    queryKey: ['history', resource.name, record?.id, record?.version],
    queryFn: () => fetchHistory(resource, String(record!.id)),
    enabled: Boolean(resource.hasHistory && record?.id && signedIn),
  });
  let body: ReactNode;
  if (!resource.hasHistory) body = <Typography color="text.secondary">{translate('welkom.related.none')}</Typography>;
  else if (identityPending) body = null;
  else if (!signedIn) body = <Typography color="text.secondary">{translate('welkom.history.sign_in')}</Typography>;
  else if (error) body = <Typography color="error">{translate('welkom.history.unavailable')}</Typography>;
  else if (isPending) body = null;
  else if (data === null)
    body = <Typography color="text.secondary">{translate('welkom.history.forbidden')}</Typography>;
  else if (data!.length === 0)
    body = <Typography color="text.secondary">{translate('welkom.history.empty')}</Typography>;
  else {
    const events = showAll ? data! : data!.slice(0, FIRST_EVENTS);
    body = (
      <Stack sx={{ alignItems: 'flex-start' }}>
        <List dense disablePadding sx={{ width: '100%' }}>
          {events.map((event) => (
            <Event key={event.id} model={model} resource={resource} event={event} />
          ))}
        </List>
        {!showAll && data!.length > FIRST_EVENTS && (
          <Button size="small" onClick={() => setShowAll(true)}>
            {translate('welkom.history.more', { count: data!.length })}
          </Button>
        )}
      </Stack>
    );
  }
  return (
    <Box component="section" aria-label={translate('welkom.related.history')} sx={{ mt: 3 }}>
      <Typography variant="h6" component="h2" gutterBottom>
        {translate('welkom.related.history')}
      </Typography>
      {body}
    </Box>
  );
}
