// One application: its money, its deadline, its timeline (every transition with actor, time and
// reason), its documents, and buttons for exactly the transitions the server allows now.
import {
  Alert, Box, Button, Card, CardContent, CardHeader, Chip, Dialog, DialogActions, DialogContent, DialogTitle, List, ListItem,
  ListItemText, MenuItem, Select, Table, TableBody, TableCell, TableRow, TextField, Typography,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useNotify } from 'react-admin';
import { Link, useParams } from 'react-router-dom';
import { DeadlineText } from './ApplicationsTable';
import {
  APPLICATION_QUERY, type Application, type ApiError, OPERATION_LABELS, STATE_LABELS, TRANSITIONS, dateText, dateTimeText, euro, graphql,
  parseEuros, uploadDocument,
} from './api';

const DOCUMENT_KINDS: Record<string, string> = {
  APPLICATION: 'Aanvraagformulier', BUDGET: 'Begroting', INFORMATION: 'Aanvullende informatie', ACCOUNTABILITY: 'Verantwoording', OTHER: 'Overig',
};
const PAYMENT_KINDS: Record<string, string> = { ADVANCE: 'Voorschot', SETTLEMENT: 'Nabetaling', RECLAIM: 'Terugvordering' };

function TransitionDialog({ application, transition, onClose, onDone, onStale }: { application: Application; transition: string; onClose: () => void; onDone: () => void; onStale: () => void }) {
  const spec = TRANSITIONS[transition]!;
  const [reason, setReason] = useState('');
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // One key per opened dialog: a double click or a retry after a lost answer acts once.
  const [key] = useState(() => `console-${crypto.randomUUID()}`);
  const submit = async () => {
    const cents = parseEuros(amount);
    if (!reason.trim()) return setError('Geef een reden.');
    if (spec.amount?.required && cents === null) return setError('Vul een bedrag in euro in, bijvoorbeeld 1.250,00.');
    setBusy(true);
    try {
      if (spec.approvesProposal) {
        // The approval names the proposal this page shows: a re-proposal since then is refused.
        await graphql(
          `mutation ($id: ID!, $reason: String!, $key: String, $amount: Int!, $version: Int!) { ${spec.mutation}(id: $id, reason: $reason, idempotencyKey: $key, amountCents: $amount, expectedVersion: $version) { id } }`,
          { id: application.id, reason, key, amount: application.proposedCents, version: application.version },
        );
        return onDone();
      }
      const withAmount = spec.amount ? `, $amount: Int${spec.amount.required ? '!' : ''}` : '';
      await graphql(
        `mutation ($id: ID!, $reason: String!, $key: String${withAmount}) { ${spec.mutation}(id: $id, reason: $reason, idempotencyKey: $key${spec.amount ? ', amountCents: $amount' : ''}) { id } }`,
        { id: application.id, reason, key, ...(spec.amount ? { amount: cents } : {}) },
      );
      onDone();
    } catch (caught) {
      const apiError = caught as ApiError;
      // The proposal changed since this page was read: show the current one, approve only that.
      if (spec.approvesProposal && apiError.extensions?.code === 'CONFLICT') onStale();
      const allowed = apiError.extensions?.allowed as string[] | undefined;
      setError(apiError.message + (allowed ? ` (nu toegestaan: ${allowed.map((a) => OPERATION_LABELS[a] ?? a).join(', ') || 'niets'})` : ''));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="transition-title">
      <DialogTitle id="transition-title">{spec.label}</DialogTitle>
      <DialogContent>
        {error ? <Alert severity="error" sx={{ mb: 2 }}>{error}</Alert> : null}
        {spec.approvesProposal ? (
          <Typography sx={{ mb: 1 }}>U keurt het voorstel van <strong>{euro(application.proposedCents)}</strong> goed (aangevraagd {euro(application.requestedCents)}). Is het intussen gewijzigd, dan weigert de server en laadt u de aanvraag opnieuw.</Typography>
        ) : null}
        {spec.amount ? (
          <TextField label={spec.amount.label} value={amount} onChange={(event) => setAmount(event.target.value)} fullWidth margin="dense"
            helperText={`Aangevraagd ${euro(application.requestedCents)}${application.grantedCents !== null ? `, verleend ${euro(application.grantedCents)}` : ''}`} />
        ) : null}
        <TextField label="Reden" value={reason} onChange={(event) => setReason(event.target.value)} fullWidth multiline minRows={3} margin="dense" required
          helperText="Komt in de tijdlijn en de audittrail; bij verlenen of afwijzen is dit de motivering van het besluit." />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Annuleren</Button>
        <Button variant="contained" color={spec.tone === 'error' ? 'error' : 'primary'} onClick={submit} disabled={busy}>{spec.label}</Button>
      </DialogActions>
    </Dialog>
  );
}

function Money({ application }: { application: Application }) {
  const rows: [string, number | null][] = [
    ['Aangevraagd', application.requestedCents],
    ['Voorgesteld (wacht op goedkeuring)', application.proposedCents],
    ['Verleend', application.grantedCents],
    ['Voorschot betaald', application.advancePaidCents],
    ['Werkelijke kosten', application.actualCostsCents],
    ['Vastgesteld', application.finalCents],
    ['Terug te vorderen', application.reclaimCents],
  ];
  return (
    <Table size="small" aria-label="Bedragen">
      <TableBody>
        {rows.map(([label, cents]) => (
          <TableRow key={label}><TableCell>{label}</TableCell><TableCell align="right">{euro(cents)}</TableCell></TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Documents({ application, onChange }: { application: Application; onChange: () => void }) {
  const notify = useNotify();
  const [kind, setKind] = useState('APPLICATION');
  const upload = async (file: File | undefined) => {
    if (!file) return;
    try {
      await uploadDocument(application.id, file, kind);
      notify(`${file.name} toegevoegd`, { type: 'success' });
      onChange();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
  return (
    <>
      <List dense aria-label="Documenten">
        {application.documents.map((document) => (
          <ListItem key={document.id}>
            <ListItemText
              primary={<a href={`/files/documents/${document.id}`}>{document.fileName}</a>}
              secondary={`${DOCUMENT_KINDS[document.kind] ?? document.kind} · ${Math.ceil(document.sizeBytes / 1024)} kB · ${dateTimeText(document.createdAt)} · sha-256 ${document.sha256.slice(0, 12)}…`}
            />
          </ListItem>
        ))}
        {application.documents.length === 0 ? <ListItem><ListItemText secondary="Nog geen documenten." /></ListItem> : null}
      </List>
      {application.allowedTransitions.length || application.state !== 'CLOSED' ? (
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
          <Select size="small" value={kind} onChange={(event) => setKind(event.target.value)} inputProps={{ 'aria-label': 'Soort document' }}>
            {Object.entries(DOCUMENT_KINDS).map(([value, label]) => <MenuItem key={value} value={value}>{label}</MenuItem>)}
          </Select>
          <Button component="label" variant="outlined" size="small">
            Document toevoegen
            <input hidden type="file" aria-label="Document kiezen" accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.odt,.ods" onChange={(event) => upload(event.target.files?.[0])} />
          </Button>
        </Box>
      ) : null}
    </>
  );
}

export function ApplicationPage() {
  const { id } = useParams<{ id: string }>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [transition, setTransition] = useState<string | null>(null);
  const { data, error, refetch } = useQuery({
    queryKey: ['subsidy-application', id],
    queryFn: () => graphql<{ subsidyApplication: Application | null }>(APPLICATION_QUERY, { id }),
  });
  const application = data?.subsidyApplication;
  if (error) return <Alert severity="error" sx={{ m: 2 }}>{(error as Error).message}</Alert>;
  if (!data) return <Typography sx={{ m: 2 }}>Laden…</Typography>;
  if (!application) return <Alert severity="warning" sx={{ m: 2 }}>Deze aanvraag bestaat niet.</Alert>;
  const decided = application.decidedOn !== null && application.transitions.some((t) => t.toState === 'GRANTED' || t.toState === 'REJECTED');
  const reload = () => {
    void refetch();
    void queryClient.invalidateQueries({ queryKey: ['subsidy-queue'] });
  };
  return (
    <Box sx={{ p: 2 }}>
      <Title title={`Aanvraag ${application.reference}`} />
      <Typography variant="body2"><Link to="/subsidies">Werkvoorraad</Link> › <Link to={`/subsidies/schemes/${application.scheme.id}`}>{application.scheme.name}</Link></Typography>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, my: 1 }}>
        <Typography variant="h5" component="h1">Aanvraag {application.reference}</Typography>
        <Chip label={STATE_LABELS[application.state] ?? application.state} color="primary" aria-label="Status" />
        <DeadlineText row={application} />
      </Box>
      <Typography variant="subtitle1">{application.activity} · {application.applicant.name}</Typography>
      {application.description ? <Typography variant="body2" color="text.secondary">{application.description}</Typography> : null}

      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', my: 2 }} role="group" aria-label="Toegestane overgangen">
        {application.allowedTransitions.map((name) => (
          <Button key={name} variant={TRANSITIONS[name]?.tone === 'error' ? 'outlined' : 'contained'} color={TRANSITIONS[name]?.tone === 'error' ? 'error' : 'primary'} onClick={() => setTransition(name)}>
            {TRANSITIONS[name]?.label ?? name}
          </Button>
        ))}
        {decided ? <Button variant="outlined" href={`/files/applications/${application.id}/decision-letter.pdf`}>Beschikking (PDF)</Button> : null}
      </Box>

      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, gap: 2 }}>
        <Card variant="outlined" component="section" aria-label="Geld">
          <CardHeader title="Geld" />
          <CardContent><Money application={application} /></CardContent>
          {application.payments.length ? (
            <CardContent>
              <Typography variant="subtitle2">Betalingen</Typography>
              {application.payments.map((payment) => <Typography key={payment.id} variant="body2">{dateText(payment.paidOn)} · {PAYMENT_KINDS[payment.kind]} {euro(payment.amountCents)}</Typography>)}
            </CardContent>
          ) : null}
        </Card>
        <Card variant="outlined" component="section" aria-label="Termijn en gegevens">
          <CardHeader title="Termijn en gegevens" />
          <CardContent>
            <Table size="small"><TableBody>
              <TableRow><TableCell>Ontvangen op</TableCell><TableCell>{dateText(application.receivedOn)}</TableCell></TableRow>
              <TableRow><TableCell>Uiterste beslisdatum</TableCell><TableCell>{dateText(application.decisionDueOn)}{application.pausedDays ? ` (${application.pausedDays} dagen stilgestaan)` : ''}</TableCell></TableRow>
              <TableRow><TableCell>Besloten op</TableCell><TableCell>{dateText(application.decidedOn)}</TableCell></TableRow>
              <TableRow><TableCell>Gepland</TableCell><TableCell>{dateText(application.plannedStartOn)} – {dateText(application.plannedEndOn)}</TableCell></TableRow>
              <TableRow><TableCell>Contactpersoon</TableCell><TableCell>{application.contactName ?? '–'} {application.contactEmail ? `(${application.contactEmail})` : ''}</TableCell></TableRow>
            </TableBody></Table>
          </CardContent>
        </Card>
        <Card variant="outlined" component="section" aria-label="Tijdlijn">
          <CardHeader title="Tijdlijn" />
          <CardContent>
            <List dense>
              {application.transitions.map((step) => (
                <ListItem key={step.id} alignItems="flex-start" divider>
                  <ListItemText
                    primary={`${OPERATION_LABELS[step.operation] ?? step.operation}: ${STATE_LABELS[step.fromState ?? ''] ?? '–'} → ${STATE_LABELS[step.toState]}${step.amountCents !== null ? ` · ${euro(step.amountCents)}` : ''}`}
                    secondary={`${dateTimeText(step.at)} · ${step.actorLabel ?? 'onbekend'} · ${step.reason}`}
                  />
                </ListItem>
              ))}
              {application.transitions.length === 0 ? <ListItem><ListItemText secondary="Nog niet ingediend." /></ListItem> : null}
            </List>
          </CardContent>
        </Card>
        <Card variant="outlined" component="section" aria-label="Documenten en begroting">
          <CardHeader title="Documenten" />
          <CardContent><Documents application={application} onChange={reload} /></CardContent>
          <CardHeader title="Begroting" />
          <CardContent>
            <BudgetTable lines={application.budgetLines} />
          </CardContent>
        </Card>
      </Box>
      {transition ? (
        <TransitionDialog application={application} transition={transition} onClose={() => setTransition(null)} onStale={reload}
          onDone={() => { setTransition(null); notify(`${TRANSITIONS[transition]!.label}: gelukt`, { type: 'success' }); reload(); }} />
      ) : null}
    </Box>
  );
}

// biome-ignore-start lint/suspicious/noArrayIndexKey: budget lines have no id, are read-only here and keep their order
function BudgetTable({ lines }: { lines: Application['budgetLines'] }) {
  return (
    <Table size="small" aria-label="Begroting"><TableBody>
      {lines.map((line, index) => <TableRow key={index}><TableCell>{line.description}</TableCell><TableCell align="right">{euro(line.amountCents)}</TableCell></TableRow>)}
    </TableBody></Table>
  );
}
// biome-ignore-end lint/suspicious/noArrayIndexKey: until here
