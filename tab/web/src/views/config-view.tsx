import {
  Body1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useServices } from '../services';

/** The views a channel or chat tab can open on. */
const START_VIEWS = [
  { view: 'partners', label: 'Partners and their health', name: 'Partner board' },
  { view: 'chain', label: 'Service chain map', name: 'Service chain' },
  { view: 'actions', label: 'Action board', name: 'Partner actions' },
  { view: 'agreements', label: 'Priority agreements', name: 'Priority agreements' },
  { view: 'evidence', label: 'Evidence and exports', name: 'Partner evidence' },
] as const;

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '560px' },
});

/**
 * The configuration page Teams shows when the tab is added to a channel or chat: choose the view it opens on
 * and its name. Saving hands Teams the content URL through `pages.config.setConfig`.
 */
export default function ConfigView(): ReactNode {
  const { tab } = useServices();
  const styles = useStyles();
  const [view, setView] = useState<string>('partners');
  const [name, setName] = useState<string>('Partner board');
  const [problem, setProblem] = useState<string>();

  // Teams may ask to save at any moment after a choice: the handler reads the latest one, never a stale copy.
  const latest = useRef({ view, name });
  latest.current = { view, name };

  useEffect(() => {
    if (!tab.inTeams) return;
    let cancelled = false;
    void import('@microsoft/teams-js').then(({ pages }) => {
      if (cancelled) return;
      pages.config.registerOnSaveHandler((save) => {
        const { view, name } = latest.current;
        const base = `${window.location.origin}/tab/`;
        pages.config
          .setConfig({
            entityId: `partner-crm-${view}`,
            contentUrl: `${base}#/${view}`,
            websiteUrl: `${base}#/${view}`,
            suggestedDisplayName: name.trim() || 'Partner board',
          })
          .then(
            () => save.notifySuccess(),
            (err: unknown) => {
              setProblem(String(err));
              save.notifyFailure(String(err));
            },
          );
      });
    });
    return () => {
      cancelled = true;
    };
  }, [tab]);

  useEffect(() => {
    if (!tab.inTeams) return;
    void import('@microsoft/teams-js').then(({ pages }) =>
      pages.config.setValidityState(name.trim().length > 0),
    );
  }, [tab, name]);

  return (
    <section className={styles.page}>
      <Title3 as="h1">Set up the partner board</Title3>
      {!tab.inTeams && (
        <MessageBar intent="info">
          <MessageBarBody>
            Teams shows this page when the tab is added to a channel or group chat.
          </MessageBarBody>
        </MessageBar>
      )}
      {problem && (
        <MessageBar intent="error">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      <Field label="Open the tab on">
        <RadioGroup
          value={view}
          onChange={(_, d) => {
            setView(d.value);
            setName(START_VIEWS.find((v) => v.view === d.value)?.name ?? name);
          }}
        >
          {START_VIEWS.map((v) => (
            <Radio key={v.view} value={v.view} label={v.label} />
          ))}
        </RadioGroup>
      </Field>
      <Field label="Tab name" required validationMessage={name.trim() ? undefined : 'Give the tab a name'}>
        <Input value={name} onChange={(_, d) => setName(d.value)} maxLength={50} />
      </Field>
      <Body1>
        Everyone in this {tab.spaceId?.startsWith('chat:') ? 'chat' : 'team'} sees the same board.
      </Body1>
    </section>
  );
}
