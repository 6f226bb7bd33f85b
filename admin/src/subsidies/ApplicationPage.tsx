// One application: its money, its deadline, its timeline (every transition with actor, time and
// reason), its documents, and buttons for exactly the transitions the server allows now. The
// record comes through useGetOne; a transition is the data provider's transitionSubsidy, built
// from the server's workflow table; every word is the user's language (steps and states are the
// schema's enum labels).
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  InputAdornment,
  List,
  ListItem,
  ListItemText,
  MenuItem,
  Select,
  Table,
  TableBody,
  TableCell,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useGetOne, useLocale, useNotify, usePermissions, useTranslate } from 'react-admin';
import { Link, useParams } from 'react-router-dom';
import { useWelkomDataProvider } from '../data/dataProvider';
import { errorBody } from '../data/request';
import { enumKey } from '../i18n/messages';
import { day, euros, moment, parseEuros } from '../lib/format';
import { DeadlineText } from './ApplicationsTable';
import { APPLICATIONS, APPLICATION_SELECT, type Application, type TransitionRule } from './data';

const DOCUMENT_KINDS = ['APPLICATION', 'BUDGET', 'INFORMATION', 'ACCOUNTABILITY', 'OTHER'];
/** A step that ends the application without a grant is shown as a warning. */
const ENDS_WITHOUT_GRANT = ['REJECTED', 'WITHDRAWN'];

function useStepLabel() {
  const translate = useTranslate();
  return (operation: string) => translate(enumKey('SubsidyTransitionOperation', operation));
}

function TransitionDialog({
  application,
  rule,
  onClose,
  onDone,
  onStale,
}: {
  application: Application;
  rule: TransitionRule;
  onClose: () => void;
  onDone: () => void;
  onStale: () => void;
}) {
  const translate = useTranslate();
  const locale = useLocale();
  const stepLabel = useStepLabel();
  const dataProvider = useWelkomDataProvider();
  const label = stepLabel(rule.operation);
  const [reason, setReason] = useState('');
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<string | null>(null);
  // One key per opened dialog: a double click or a retry after a lost answer acts once.
  const [key] = useState(() => `console-${crypto.randomUUID()}`);
  const asksAmount = rule.takesAmount && !rule.expectsVersion;
  const { mutate, isPending } = useMutation({
    mutationFn: (amountCents: number | null) =>
      dataProvider.transitionSubsidy(application.id, rule.operation, {
        reason,
        idempotencyKey: key,
        // An approval names the proposal this page shows: a re-proposal since then is refused.
        ...(rule.expectsVersion
          ? { amountCents: application.proposedCents, expectedVersion: application.version }
          : { amountCents }),
      }),
    onSuccess: onDone,
    onError: (caught) => {
      const body = errorBody(caught);
      // The proposal changed since this page was read: show the current one, approve only that.
      if (rule.expectsVersion && body.code === 'CONFLICT') onStale();
      // The server's message says what is refused and what is allowed now, in the user's language.
      setError(caught.message);
    },
  });
  const submit = () => {
    const cents = parseEuros(amount, locale);
    if (!reason.trim()) return setError(translate('welkom.subsidies.dialog.reason_required'));
    if (asksAmount && rule.amountRequired && cents === null)
      return setError(translate('welkom.subsidies.dialog.amount_invalid'));
    setError(null);
    mutate(cents);
  };
  const amountHelp =
    application.grantedCents !== null
      ? translate('welkom.subsidies.dialog.amount_help_granted', {
          requested: euros(application.requestedCents, locale),
          granted: euros(application.grantedCents, locale),
        })
      : translate('welkom.subsidies.dialog.amount_help', { requested: euros(application.requestedCents, locale) });
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="transition-title">
      <DialogTitle id="transition-title">{label}</DialogTitle>
      <DialogContent>
        {error ? (
          <Alert severity="error" sx={{ mb: 2 }}>
            {error}
          </Alert>
        ) : null}
        {rule.expectsVersion ? (
          <Typography sx={{ mb: 1 }}>
            {translate('welkom.subsidies.dialog.approve', {
              proposed: euros(application.proposedCents, locale),
              requested: euros(application.requestedCents, locale),
            })}
          </Typography>
        ) : null}
        {asksAmount ? (
          <TextField
            label={translate(`welkom.subsidies.amount.${rule.operation}`, {
              _: translate('welkom.subsidies.dialog.amount'),
            })}
            value={amount}
            onChange={(event) => setAmount(event.target.value)}
            fullWidth
            margin="dense"
            required={rule.amountRequired}
            inputMode="decimal"
            helperText={amountHelp}
            slotProps={{ input: { startAdornment: <InputAdornment position="start">€</InputAdornment> } }}
          />
        ) : null}
        <TextField
          label={translate('welkom.subsidies.dialog.reason')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          fullWidth
          multiline
          minRows={3}
          margin="dense"
          required
          helperText={translate('welkom.subsidies.dialog.reason_help')}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('welkom.subsidies.dialog.cancel')}</Button>
        <Button
          variant="contained"
          color={ENDS_WITHOUT_GRANT.includes(rule.to) ? 'error' : 'primary'}
          onClick={submit}
          disabled={isPending}
        >
          {label}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function Money({ application }: { application: Application }) {
  const translate = useTranslate();
  const locale = useLocale();
  const rows: [string, number | null][] = [
    ['requested', application.requestedCents],
    ['proposed', application.proposedCents],
    ['granted', application.grantedCents],
    ['advance', application.advancePaidCents],
    ['costs', application.actualCostsCents],
    ['final', application.finalCents],
    ['reclaim', application.reclaimCents],
  ];
  return (
    <Table size="small" aria-label={translate('welkom.subsidies.money.title')}>
      <TableBody>
        {rows.map(([name, cents]) => (
          <TableRow key={name}>
            <TableCell>{translate(`welkom.subsidies.money.${name}`)}</TableCell>
            <TableCell align="right">{euros(cents, locale)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Documents({
  application,
  canAdd,
  onChange,
}: {
  application: Application;
  canAdd: boolean;
  onChange: () => void;
}) {
  const translate = useTranslate();
  const locale = useLocale();
  const notify = useNotify();
  const dataProvider = useWelkomDataProvider();
  const [kind, setKind] = useState('APPLICATION');
  const kindLabel = (value: string) => translate(enumKey('SubsidyDocumentKind', value));
  const upload = useMutation({
    mutationFn: (file: File) => dataProvider.uploadSubsidyDocument(application.id, file, kind),
    onSuccess: (_result, file) => {
      notify(translate('welkom.subsidies.documents.added', { name: file.name }), { type: 'success' });
      onChange();
    },
    onError: (error) => notify(error.message, { type: 'error' }),
  });
  return (
    <>
      <List dense aria-label={translate('welkom.subsidies.documents.title')}>
        {application.documents.map((document) => (
          <ListItem key={document.id}>
            <ListItemText
              primary={<a href={`/files/documents/${document.id}`}>{document.fileName}</a>}
              secondary={`${kindLabel(document.kind)} · ${Math.ceil(document.sizeBytes / 1024)} kB · ${moment(document.createdAt, locale)} · sha-256 ${document.sha256.slice(0, 12)}…`}
            />
          </ListItem>
        ))}
        {application.documents.length === 0 ? (
          <ListItem>
            <ListItemText secondary={translate('welkom.subsidies.documents.empty')} />
          </ListItem>
        ) : null}
      </List>
      {canAdd && application.state !== 'CLOSED' ? (
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
          <Select
            size="small"
            value={kind}
            onChange={(event) => setKind(event.target.value)}
            inputProps={{ 'aria-label': translate('welkom.subsidies.documents.kind') }}
          >
            {DOCUMENT_KINDS.map((value) => (
              <MenuItem key={value} value={value}>
                {kindLabel(value)}
              </MenuItem>
            ))}
          </Select>
          <Button component="label" variant="outlined" size="small" disabled={upload.isPending}>
            {translate('welkom.subsidies.documents.add')}
            <input
              hidden
              type="file"
              aria-label={translate('welkom.subsidies.documents.choose')}
              accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.odt,.ods"
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) upload.mutate(file);
              }}
            />
          </Button>
        </Box>
      ) : null}
    </>
  );
}

export function ApplicationPage() {
  const { id = '' } = useParams<{ id: string }>();
  const translate = useTranslate();
  const locale = useLocale();
  const stepLabel = useStepLabel();
  const stateLabel = (state: string | null) => (state ? translate(enumKey('SubsidyApplicationState', state)) : '–');
  const queryClient = useQueryClient();
  const notify = useNotify();
  const dataProvider = useWelkomDataProvider();
  const { permissions } = usePermissions<string[]>();
  const [operation, setOperation] = useState<string | null>(null);
  const {
    data: application,
    error,
    isPending,
    refetch,
  } = useGetOne<Application>(APPLICATIONS, { id, meta: { select: APPLICATION_SELECT } });
  const { data: rules } = useQuery({
    queryKey: ['subsidyTransitions'],
    queryFn: () => dataProvider.getSubsidyTransitions(),
    staleTime: Infinity,
  });
  if (isPending) return <Typography sx={{ m: 2 }}>{translate('welkom.subsidies.loading')}</Typography>;
  if (errorBody(error).code === 'NOT_FOUND' || (!error && !application))
    return (
      <Alert severity="warning" sx={{ m: 2 }}>
        {translate('welkom.subsidies.not_found')}
      </Alert>
    );
  if (error || !application)
    return (
      <Alert severity="error" sx={{ m: 2 }}>
        {(error as Error).message}
      </Alert>
    );
  const decided =
    application.decidedOn !== null &&
    application.transitions.some((t) => t.toState === 'GRANTED' || t.toState === 'REJECTED');
  const reload = () => {
    void refetch();
    void queryClient.invalidateQueries({ queryKey: [APPLICATIONS] });
  };
  // Buttons in the workflow's order, for exactly the steps the server allows now.
  const allowed = (rules ?? []).filter((rule) => application.allowedTransitions.includes(rule.operation));
  const rule = allowed.find((candidate) => candidate.operation === operation);
  const canAddDocuments = Boolean(permissions?.some((role) => role === 'GRANT_OFFICER' || role === 'ADMIN'));
  const title = translate('welkom.subsidies.application', { reference: application.reference });
  return (
    <Box sx={{ p: 2 }}>
      <Title title={title} />
      <Typography variant="body2" component="nav" aria-label={translate('welkom.subsidies.breadcrumb')}>
        <Link to="/subsidies">{translate('welkom.subsidies.queue_link')}</Link> ›{' '}
        <Link to={`/subsidies/schemes/${application.scheme.id}`}>{application.scheme.name}</Link>
      </Typography>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, my: 1 }}>
        <Typography variant="h5" component="h1">
          {title}
        </Typography>
        <Chip
          label={stateLabel(application.state)}
          color="primary"
          aria-label={translate('welkom.subsidies.status_label')}
        />
        <DeadlineText row={application} />
      </Box>
      <Typography variant="subtitle1">
        {application.activity} · {application.applicant.name}
      </Typography>
      {application.description ? (
        <Typography variant="body2" color="text.secondary">
          {application.description}
        </Typography>
      ) : null}

      <Box
        sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', my: 2 }}
        role="group"
        aria-label={translate('welkom.subsidies.allowed')}
      >
        {allowed.map((candidate) => {
          const warn = ENDS_WITHOUT_GRANT.includes(candidate.to);
          return (
            <Button
              key={candidate.operation}
              variant={warn ? 'outlined' : 'contained'}
              color={warn ? 'error' : 'primary'}
              onClick={() => setOperation(candidate.operation)}
            >
              {stepLabel(candidate.operation)}
            </Button>
          );
        })}
        {decided ? (
          <Button variant="outlined" href={`/files/applications/${application.id}/decision-letter.pdf`}>
            {translate('welkom.subsidies.letter')}
          </Button>
        ) : null}
      </Box>

      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, gap: 2 }}>
        <Card variant="outlined" component="section" aria-label={translate('welkom.subsidies.money.title')}>
          <CardHeader title={translate('welkom.subsidies.money.title')} />
          <CardContent>
            <Money application={application} />
          </CardContent>
          {application.payments.length ? (
            <CardContent>
              <Typography variant="subtitle2">{translate('welkom.subsidies.money.payments')}</Typography>
              {application.payments.map((payment) => (
                <Typography key={payment.id} variant="body2">
                  {day(payment.paidOn, locale)} · {translate(enumKey('SubsidyPaymentKind', payment.kind))}{' '}
                  {euros(payment.amountCents, locale)}
                </Typography>
              ))}
            </CardContent>
          ) : null}
        </Card>
        <Card variant="outlined" component="section" aria-label={translate('welkom.subsidies.terms.title')}>
          <CardHeader title={translate('welkom.subsidies.terms.title')} />
          <CardContent>
            <Table size="small">
              <TableBody>
                <TableRow>
                  <TableCell>{translate('welkom.subsidies.terms.received')}</TableCell>
                  <TableCell>{day(application.receivedOn, locale)}</TableCell>
                </TableRow>
                <TableRow>
                  <TableCell>{translate('welkom.subsidies.terms.due')}</TableCell>
                  <TableCell>
                    {day(application.decisionDueOn, locale)}
                    {application.pausedDays
                      ? ` ${translate('welkom.subsidies.terms.paused', { smart_count: application.pausedDays })}`
                      : ''}
                  </TableCell>
                </TableRow>
                <TableRow>
                  <TableCell>{translate('welkom.subsidies.terms.decided')}</TableCell>
                  <TableCell>{day(application.decidedOn, locale)}</TableCell>
                </TableRow>
                <TableRow>
                  <TableCell>{translate('welkom.subsidies.terms.planned')}</TableCell>
                  <TableCell>
                    {day(application.plannedStartOn, locale)} – {day(application.plannedEndOn, locale)}
                  </TableCell>
                </TableRow>
                <TableRow>
                  <TableCell>{translate('welkom.subsidies.terms.contact')}</TableCell>
                  <TableCell>
                    {application.contactName ?? '–'} {application.contactEmail ? `(${application.contactEmail})` : ''}
                  </TableCell>
                </TableRow>
              </TableBody>
            </Table>
          </CardContent>
        </Card>
        <Card variant="outlined" component="section" aria-label={translate('welkom.subsidies.timeline.title')}>
          <CardHeader title={translate('welkom.subsidies.timeline.title')} />
          <CardContent>
            <List dense>
              {application.transitions.map((step) => (
                <ListItem key={step.id} alignItems="flex-start" divider>
                  <ListItemText
                    primary={`${stepLabel(step.operation)}: ${stateLabel(step.fromState)} → ${stateLabel(step.toState)}${step.amountCents !== null ? ` · ${euros(step.amountCents, locale)}` : ''}`}
                    secondary={`${moment(step.at, locale)} · ${step.actorLabel ?? translate('welkom.subsidies.timeline.unknown_actor')} · ${step.reason}`}
                  />
                </ListItem>
              ))}
              {application.transitions.length === 0 ? (
                <ListItem>
                  <ListItemText secondary={translate('welkom.subsidies.timeline.empty')} />
                </ListItem>
              ) : null}
            </List>
          </CardContent>
        </Card>
        <Card variant="outlined" component="section" aria-label={translate('welkom.subsidies.documents.section')}>
          <CardHeader title={translate('welkom.subsidies.documents.title')} />
          <CardContent>
            <Documents application={application} canAdd={canAddDocuments} onChange={reload} />
          </CardContent>
          <CardHeader title={translate('welkom.subsidies.budget')} />
          <CardContent>
            <BudgetTable lines={application.budgetLines} label={translate('welkom.subsidies.budget')} locale={locale} />
          </CardContent>
        </Card>
      </Box>
      {rule ? (
        <TransitionDialog
          application={application}
          rule={rule}
          onClose={() => setOperation(null)}
          onStale={reload}
          onDone={() => {
            setOperation(null);
            notify(translate('welkom.subsidies.dialog.done', { step: stepLabel(rule.operation) }), { type: 'success' });
            reload();
          }}
        />
      ) : null}
    </Box>
  );
}

// biome-ignore-start lint/suspicious/noArrayIndexKey: budget lines have no id, are read-only here and keep their order
function BudgetTable({ lines, label, locale }: { lines: Application['budgetLines']; label: string; locale: string }) {
  return (
    <Table size="small" aria-label={label}>
      <TableBody>
        {lines.map((line, index) => (
          <TableRow key={index}>
            <TableCell>{line.description}</TableCell>
            <TableCell align="right">{euros(line.amountCents, locale)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
// biome-ignore-end lint/suspicious/noArrayIndexKey: until here
