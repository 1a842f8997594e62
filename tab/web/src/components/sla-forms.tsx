import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent, type ReactNode } from 'react';
import { newIdempotencyKey } from '../api/api-client';
import { words } from '../format';
import { useServices } from '../services';
import { fieldProps, formLevelMessage } from './field-errors';

const METRICS = [
  'first_response_time',
  'resolution_time',
  'first_contact_resolution',
  'csat',
  'on_time_delivery',
  'other',
];
const UNITS = ['minutes', 'hours', 'days', 'percent', 'score'];

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
    '> *': { flex: '1 1 140px' },
  },
  full: { flex: '1 1 100%' },
});

/** Defines an SLA with a partner; refused fields are marked where they are. */
export function SlaForm(props: { partnerId: string; onSaved(): void }): ReactNode {
  const { api } = useServices();
  const styles = useStyles();
  const [metric, setMetric] = useState('first_response_time');
  const [label, setLabel] = useState('');
  const [comparator, setComparator] = useState('at_most');
  const [value, setValue] = useState('');
  const [unit, setUnit] = useState('hours');
  const [period, setPeriod] = useState('monthly');
  const [reviewDate, setReviewDate] = useState('');
  const [error, setError] = useState<unknown>();
  const [key] = useState(newIdempotencyKey);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    try {
      await api.call('/slas', {
        method: 'POST',
        idempotencyKey: key,
        body: {
          partnerId: props.partnerId,
          metric,
          label,
          target: { comparator, value: value === '' ? undefined : Number(value), unit },
          period,
          reviewDate,
        },
      });
      props.onSaved();
    } catch (err) {
      setError(err);
    }
  }
  const message = formLevelMessage(error, ['metric', 'label', 'target', 'period', 'reviewDate']);
  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label="New SLA">
      {message && (
        <MessageBar intent="error" className={styles.full}>
          <MessageBarBody>{message}</MessageBarBody>
        </MessageBar>
      )}
      <Field label="Metric" {...fieldProps(error, 'metric')}>
        <Select value={metric} onChange={(_, d) => setMetric(d.value)}>
          {METRICS.map((m) => (
            <option key={m} value={m}>
              {words(m)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Metric name" {...fieldProps(error, 'label')}>
        <Input value={label} onChange={(_, d) => setLabel(d.value)} />
      </Field>
      <Field label="Target" {...fieldProps(error, 'target.comparator')}>
        <Select value={comparator} onChange={(_, d) => setComparator(d.value)}>
          <option value="at_most">At most</option>
          <option value="at_least">At least</option>
        </Select>
      </Field>
      <Field label="Target value" required {...fieldProps(error, 'target.value')}>
        <Input type="number" value={value} onChange={(_, d) => setValue(d.value)} />
      </Field>
      <Field label="Unit" {...fieldProps(error, 'target.unit')}>
        <Select value={unit} onChange={(_, d) => setUnit(d.value)}>
          {UNITS.map((u) => (
            <option key={u}>{u}</option>
          ))}
        </Select>
      </Field>
      <Field label="Measured" {...fieldProps(error, 'period')}>
        <Select value={period} onChange={(_, d) => setPeriod(d.value)}>
          <option value="weekly">Weekly</option>
          <option value="monthly">Monthly</option>
          <option value="quarterly">Quarterly</option>
        </Select>
      </Field>
      <Field label="Review date" required {...fieldProps(error, 'reviewDate')}>
        <Input type="date" value={reviewDate} onChange={(_, d) => setReviewDate(d.value)} />
      </Field>
      <Button type="submit" appearance="primary">
        Add SLA
      </Button>
    </form>
  );
}

/** Records a measured value of an SLA for one period. */
export function ReadingForm(props: { slaId: string; onSaved(): void }): ReactNode {
  const { api } = useServices();
  const styles = useStyles();
  const [periodStart, setStart] = useState('');
  const [periodEnd, setEnd] = useState('');
  const [value, setValue] = useState('');
  const [error, setError] = useState<unknown>();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    try {
      await api.call(`/slas/${props.slaId}/readings`, {
        method: 'POST',
        body: { periodStart, periodEnd, value: value === '' ? undefined : Number(value) },
      });
      setValue('');
      props.onSaved();
    } catch (err) {
      setError(err);
    }
  }
  const message = formLevelMessage(error, ['periodStart', 'periodEnd', 'value']);
  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label="Record a reading">
      {message && (
        <MessageBar intent="error" className={styles.full}>
          <MessageBarBody>{message}</MessageBarBody>
        </MessageBar>
      )}
      <Field label="Period from" required {...fieldProps(error, 'periodStart')}>
        <Input type="date" value={periodStart} onChange={(_, d) => setStart(d.value)} />
      </Field>
      <Field label="Period to" required {...fieldProps(error, 'periodEnd')}>
        <Input type="date" value={periodEnd} onChange={(_, d) => setEnd(d.value)} />
      </Field>
      <Field label="Measured value" required {...fieldProps(error, 'value')}>
        <Input type="number" value={value} onChange={(_, d) => setValue(d.value)} />
      </Field>
      <Button type="submit">Record reading</Button>
    </form>
  );
}
