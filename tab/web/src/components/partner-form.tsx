import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent, type ReactNode } from 'react';
import { newIdempotencyKey } from '../api/api-client';
import type { Partner, PartnerView, People } from '../api/api-types';
import { words } from '../format';
import { useServices } from '../services';
import { ContactFields, type ContactDraft } from './contact-fields';
import { fieldProps, formLevelMessage } from './field-errors';

const KINDS = [
  'internal_department',
  'internal_customer',
  'external_supplier',
  'contractor',
  'third_party_agency',
  'outsourcer',
  'alliance_partner',
  'external_customer',
];

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, '> *': { flex: '1 1 160px' } },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, justifyContent: 'flex-end' },
});

/** Adds or edits a partner: the API's validation messages appear beside the fields they are about. */
export function PartnerForm(props: {
  existing?: PartnerView;
  onSaved(view: PartnerView): void;
  onCancel(): void;
}): ReactNode {
  const { api, me } = useServices();
  const styles = useStyles();
  const existing = props.existing?.partner;
  const [name, setName] = useState(existing?.name ?? '');
  const [kind, setKind] = useState<string>(existing?.kind ?? 'external_supplier');
  const [direction, setDirection] = useState(existing?.chain.direction ?? 'upstream');
  const [stage, setStage] = useState(String(existing?.chain.stage ?? 1));
  const [every, setEvery] = useState(
    String(props.existing?.checkIn?.active ? props.existing.checkIn.cadence.every : 2),
  );
  const [unit, setUnit] = useState(
    props.existing?.checkIn?.active ? props.existing.checkIn.cadence.unit : existing ? 'none' : 'week',
  );
  const [authorityNotes, setAuthorityNotes] = useState(existing?.authorityNotes ?? '');
  const [notes, setNotes] = useState(existing?.notes ?? '');
  const [contacts, setContacts] = useState<ContactDraft[]>(() =>
    draftsOf(existing, props.existing?.people ?? {}),
  );
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const [key] = useState(newIdempotencyKey);

  const setContact = (i: number, patch: Partial<ContactDraft>) =>
    setContacts((cs) => cs.map((c, j) => (j === i ? { ...c, ...patch } : c)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(undefined);
    const body = {
      name,
      kind,
      chain: { direction, stage: Number(stage) },
      contacts: contacts.map((c) => ({
        personId: c.personId,
        details: {
          displayName: c.displayName,
          email: c.email.trim() || undefined,
          phone: c.phone.trim() || undefined,
        },
        role: c.role,
        communicationStyle: c.communicationStyle,
        preferredChannel: c.preferredChannel,
        isDecisionMaker: c.isDecisionMaker,
        isEscalationContact: c.isEscalationContact,
      })),
      authorityNotes,
      notes,
      relationshipOwner: existing ? { personId: existing.relationshipOwnerId } : { user: me.user },
      checkInCadence: unit === 'none' ? undefined : { every: Number(every), unit },
    };
    try {
      const saved = existing
        ? await api.call<PartnerView>(`/partners/${existing.id}`, {
            method: 'PUT',
            body: { ...body, expectedVersion: existing.version },
          })
        : await api.call<PartnerView>('/partners', { method: 'POST', body, idempotencyKey: key });
      props.onSaved(saved);
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  }

  const formMessage = formLevelMessage(error, [
    'name',
    'kind',
    'chain',
    'contacts',
    'authorityNotes',
    'notes',
    'checkInCadence',
  ]);
  return (
    <form
      className={styles.form}
      onSubmit={submit}
      noValidate
      aria-label={existing ? 'Edit partner' : 'New partner'}
    >
      {formMessage && (
        <MessageBar intent="error">
          <MessageBarBody>{formMessage}</MessageBarBody>
        </MessageBar>
      )}
      <Field label="Partner name" required {...fieldProps(error, 'name')}>
        <Input value={name} onChange={(_, d) => setName(d.value)} maxLength={120} />
      </Field>
      <div className={styles.row}>
        <Field label="Kind" {...fieldProps(error, 'kind')}>
          <Select value={kind} onChange={(_, d) => setKind(d.value)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {words(k)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Place in the chain" {...fieldProps(error, 'chain.direction')}>
          <Select value={direction} onChange={(_, d) => setDirection(d.value as 'upstream' | 'downstream')}>
            <option value="upstream">Upstream (supplies us)</option>
            <option value="downstream">Downstream (towards the customer)</option>
          </Select>
        </Field>
        <Field label="Stage (1 = next to us)" {...fieldProps(error, 'chain.stage')}>
          <Input type="number" min={1} max={20} value={stage} onChange={(_, d) => setStage(d.value)} />
        </Field>
      </div>
      <div className={styles.row}>
        <Field label="Check in every" {...fieldProps(error, 'checkInCadence.every')}>
          <Input
            type="number"
            min={1}
            max={365}
            value={every}
            disabled={unit === 'none'}
            onChange={(_, d) => setEvery(d.value)}
          />
        </Field>
        <Field label="Cadence unit" {...fieldProps(error, 'checkInCadence.unit')}>
          <Select value={unit} onChange={(_, d) => setUnit(d.value as typeof unit)}>
            <option value="day">Days</option>
            <option value="week">Weeks</option>
            <option value="month">Months</option>
            <option value="none">No regular check-in</option>
          </Select>
        </Field>
      </div>
      <Field
        label="Where authority sits"
        hint="Who decides, who signs off"
        {...fieldProps(error, 'authorityNotes')}
      >
        <Textarea value={authorityNotes} onChange={(_, d) => setAuthorityNotes(d.value)} />
      </Field>
      <Field label="Notes" {...fieldProps(error, 'notes')}>
        <Textarea value={notes} onChange={(_, d) => setNotes(d.value)} />
      </Field>
      {contacts.map((c, i) => (
        <ContactFields
          key={i}
          index={i}
          contact={c}
          error={error}
          onChange={(patch) => setContact(i, patch)}
          onRemove={() => setContacts((cs) => cs.filter((_, j) => j !== i))}
        />
      ))}
      <div>
        <Button onClick={() => setContacts((cs) => [...cs, emptyContact()])}>Add a contact</Button>
      </div>
      <div className={styles.actions}>
        <Button onClick={props.onCancel}>Cancel</Button>
        <Button appearance="primary" type="submit" disabled={saving}>
          {saving ? 'Saving…' : existing ? 'Save changes' : 'Add partner'}
        </Button>
      </div>
    </form>
  );
}

function emptyContact(): ContactDraft {
  return {
    displayName: '',
    email: '',
    phone: '',
    role: '',
    communicationStyle: 'formal',
    preferredChannel: 'email',
    isDecisionMaker: false,
    isEscalationContact: false,
  };
}

function draftsOf(partner: Partner | undefined, people: People): ContactDraft[] {
  return (partner?.contacts ?? []).map((c) => ({
    personId: c.personId,
    displayName: people[c.personId]?.displayName ?? '',
    email: people[c.personId]?.email ?? '',
    phone: people[c.personId]?.phone ?? '',
    role: c.role,
    communicationStyle: c.communicationStyle,
    preferredChannel: c.preferredChannel,
    isDecisionMaker: c.isDecisionMaker,
    isEscalationContact: c.isEscalationContact,
  }));
}
