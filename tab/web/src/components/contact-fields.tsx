import { Button, Checkbox, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { words } from '../format';
import { fieldProps } from './field-errors';

const STYLES = ['formal', 'informal', 'concise', 'detailed', 'data_driven', 'relationship_first'];
const CHANNELS = ['teams_chat', 'teams_meeting', 'email', 'phone', 'in_person'];

/** A contact as the partner form edits it: a new person, or an existing contact (with its person id). */
export interface ContactDraft {
  personId?: string;
  displayName: string;
  email: string;
  phone: string;
  role: string;
  communicationStyle: string;
  preferredChannel: string;
  isDecisionMaker: boolean;
  isEscalationContact: boolean;
}

const useStyles = makeStyles({
  contact: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, '> *': { flex: '1 1 160px' } },
});

/** One contact's fields in the partner form: reach, role, communication style and channel, authority. */
export function ContactFields(props: {
  index: number;
  contact: ContactDraft;
  /** The refused save, whose issues for `contacts.<index>.…` show beside these fields. */
  error: unknown;
  onChange(patch: Partial<ContactDraft>): void;
  onRemove(): void;
}): ReactNode {
  const { index, contact: c, error, onChange, onRemove } = props;
  const styles = useStyles();
  return (
    <fieldset className={styles.contact}>
      <legend>Contact {index + 1}</legend>
      <div className={styles.row}>
        <Field label="Name" required {...fieldProps(error, `contacts.${index}.details.displayName`)}>
          <Input value={c.displayName} onChange={(_, d) => onChange({ displayName: d.value })} />
        </Field>
        <Field label="Role" required {...fieldProps(error, `contacts.${index}.role`)}>
          <Input value={c.role} onChange={(_, d) => onChange({ role: d.value })} />
        </Field>
      </div>
      <div className={styles.row}>
        <Field label="E-mail" {...fieldProps(error, `contacts.${index}.details.email`)}>
          <Input type="email" value={c.email} onChange={(_, d) => onChange({ email: d.value })} />
        </Field>
        <Field label="Phone" {...fieldProps(error, `contacts.${index}.details.phone`)}>
          <Input type="tel" value={c.phone} onChange={(_, d) => onChange({ phone: d.value })} />
        </Field>
      </div>
      <div className={styles.row}>
        <Field label="Communication style">
          <Select value={c.communicationStyle} onChange={(_, d) => onChange({ communicationStyle: d.value })}>
            {STYLES.map((s) => (
              <option key={s} value={s}>
                {words(s)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Preferred channel">
          <Select value={c.preferredChannel} onChange={(_, d) => onChange({ preferredChannel: d.value })}>
            {CHANNELS.map((s) => (
              <option key={s} value={s}>
                {words(s)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className={styles.row}>
        <Checkbox
          label="Makes decisions"
          checked={c.isDecisionMaker}
          onChange={(_, d) => onChange({ isDecisionMaker: d.checked === true })}
        />
        <Checkbox
          label="Escalation contact"
          checked={c.isEscalationContact}
          onChange={(_, d) => onChange({ isEscalationContact: d.checked === true })}
        />
      </div>
      {!c.personId && (
        <Button appearance="subtle" onClick={onRemove}>
          Remove contact {index + 1}
        </Button>
      )}
    </fieldset>
  );
}
