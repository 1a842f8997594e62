import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Combobox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  Switch,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { ReminderFamily, ReminderPreferences } from '../api/api-types';
import { useServices } from '../services';
import { fieldProps, formLevelMessage } from './field-errors';

const DAYS = [
  [1, 'Mon'],
  [2, 'Tue'],
  [3, 'Wed'],
  [4, 'Thu'],
  [5, 'Fri'],
  [6, 'Sat'],
  [7, 'Sun'],
] as const;

const FAMILIES: readonly [ReminderFamily, string][] = [
  ['checkin', 'Partner check-ins'],
  ['action', 'Agreed actions'],
  ['review', 'Agreement and SLA reviews'],
  ['assignment', 'Actions someone assigns me'],
];

/** Time zones the browser knows; the server checks the chosen one again. */
const TIME_ZONES: readonly string[] =
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, '> *': { flex: '1 1 110px' } },
  days: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  group: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/**
 * When and how I am reminded: my time zone (Teams tells the bot; here I can correct it), the daily window,
 * the days, days off, a daily digest instead of single cards, and which families of reminders I have stopped.
 */
export function ReminderPreferencesForm(props: {
  initial: ReminderPreferences;
  onSaved(saved: ReminderPreferences): void;
}): ReactNode {
  const { api } = useServices();
  const styles = useStyles();
  const [prefs, setPrefs] = useState(props.initial);
  const [zoneText, setZoneText] = useState(props.initial.timeZone);
  const [quietText, setQuietText] = useState(props.initial.quietDates.join(', '));
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const change = (patch: Partial<ReminderPreferences>) => {
    setSaved(false);
    setPrefs((p) => ({ ...p, ...patch }));
  };
  const toggle = <T,>(list: readonly T[], item: T, on: boolean): T[] =>
    on ? [...list, item] : list.filter((x) => x !== item);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    try {
      const answer = await api.call<ReminderPreferences>('/me/reminder-preferences', {
        method: 'PUT',
        body: { ...prefs, timeZone: zoneText, quietDates: quietText.split(/[\s,]+/).filter(Boolean) },
      });
      setPrefs(answer);
      setZoneText(answer.timeZone);
      setQuietText(answer.quietDates.join(', '));
      setSaved(true);
      props.onSaved(answer);
    } catch (err) {
      setError(err);
    }
  }
  const message = formLevelMessage(error, ['timeZone', 'windowStart', 'windowEnd', 'weekdays', 'quietDates']);
  const zones = TIME_ZONES.filter((z) => z.toLowerCase().includes(zoneText.toLowerCase())).slice(0, 50);
  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label="Reminder settings">
      {message && (
        <MessageBar intent="error">
          <MessageBarBody>{message}</MessageBarBody>
        </MessageBar>
      )}
      {saved && (
        <MessageBar intent="success">
          <MessageBarBody>Saved. Waiting reminders moved to your new window.</MessageBarBody>
        </MessageBar>
      )}
      <Field label="Time zone" {...fieldProps(error, 'timeZone')}>
        <Combobox
          freeform
          value={zoneText}
          selectedOptions={[prefs.timeZone]}
          onChange={(e) => setZoneText(e.target.value)}
          onOptionSelect={(_, d) => {
            setZoneText(d.optionValue ?? zoneText);
            change({ timeZone: d.optionValue ?? zoneText });
          }}
        >
          {zones.map((z) => (
            <Option key={z}>{z}</Option>
          ))}
        </Combobox>
      </Field>
      <div className={styles.row}>
        <Field label="Reminders from" {...fieldProps(error, 'windowStart')}>
          <Input
            type="time"
            value={prefs.windowStart}
            onChange={(_, d) => change({ windowStart: d.value })}
          />
        </Field>
        <Field label="Until" {...fieldProps(error, 'windowEnd')}>
          <Input type="time" value={prefs.windowEnd} onChange={(_, d) => change({ windowEnd: d.value })} />
        </Field>
      </div>
      {/* Checkbox groups are fieldsets: a Fluent Field gives every control inside it the same id. */}
      <fieldset className={styles.group}>
        <legend>
          <Body1>On these days</Body1>
        </legend>
        <div className={styles.days}>
          {DAYS.map(([n, label]) => (
            <Checkbox
              key={n}
              label={label}
              checked={prefs.weekdays.includes(n)}
              onChange={(_, d) => change({ weekdays: toggle(prefs.weekdays, n, d.checked === true) })}
            />
          ))}
        </div>
        {fieldProps(error, 'weekdays').validationMessage && (
          <Caption1 className={styles.error}>{fieldProps(error, 'weekdays').validationMessage}</Caption1>
        )}
      </fieldset>
      <Field
        label="Days off"
        hint="Dates with no reminders, like 2026-12-24, 2026-12-31; they wait for your next day"
        {...fieldProps(error, 'quietDates')}
      >
        <Input value={quietText} onChange={(_, d) => setQuietText(d.value)} />
      </Field>
      <Switch
        label="One daily digest instead of a message per reminder"
        checked={prefs.digest}
        onChange={(_, d) => change({ digest: d.checked })}
      />
      <fieldset className={styles.group}>
        <legend>
          <Body1>Remind me about</Body1>
        </legend>
        {FAMILIES.map(([family, label]) => (
          <Checkbox
            key={family}
            label={label}
            checked={!prefs.stopped.includes(family)}
            onChange={(_, d) => change({ stopped: toggle(prefs.stopped, family, d.checked !== true) })}
          />
        ))}
      </fieldset>
      <Button type="submit" appearance="primary">
        Save reminder settings
      </Button>
    </form>
  );
}
