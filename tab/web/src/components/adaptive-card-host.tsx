import { makeStyles, tokens } from '@fluentui/react-components';
import { AdaptiveCard, ExecuteAction, HostConfig, SubmitAction, type Action } from 'adaptivecards';
import { useEffect, useRef, type ReactNode } from 'react';
import type { CardJson } from '../api/api-types';
import { mendCardAccessibility } from '../cards/card-accessibility';
import { hostConfigFor } from '../cards/host-config';
import { useServices } from '../services';
import { cardMarkdownToHtml } from './card-markdown';

// Teams reads TextBlocks and facts as Markdown; the tab shows them the same way (see cardMarkdownToHtml).
AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = cardMarkdownToHtml(text);
  result.didProcess = true;
};

const useStyles = makeStyles({
  host: {
    // The SDK renders plain inputs and buttons; these rules give them the Teams theme's look.
    '& .ac-input': {
      backgroundColor: tokens.colorNeutralBackground1,
      color: tokens.colorNeutralForeground1,
      border: `1px solid ${tokens.colorNeutralStroke1}`,
      borderRadius: tokens.borderRadiusMedium,
      padding: '5px 8px',
      font: 'inherit',
      boxSizing: 'border-box',
      minHeight: '32px',
    },
    '& .ac-input:focus': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
    '& .ac-pushButton': {
      backgroundColor: tokens.colorBrandBackground,
      color: tokens.colorNeutralForegroundOnBrand,
      border: 'none',
      borderRadius: tokens.borderRadiusMedium,
      padding: '6px 16px',
      font: 'inherit',
      fontWeight: tokens.fontWeightSemibold,
      cursor: 'pointer',
      minHeight: '32px',
    },
    '& .ac-pushButton:focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
    '& .ac-pushButton:disabled': { opacity: 0.6, cursor: 'default' },
  },
});

/**
 * Renders an Adaptive Card with the `adaptivecards` SDK, themed as Teams is. When one of its Execute (or Submit)
 * actions fires, `onExecute` gets the verb and the data (the action's data merged with the inputs), as a bot
 * receives them in an invoke.
 */
export function AdaptiveCardHost(props: {
  card: CardJson;
  onExecute?: (verb: string, data: Record<string, unknown>) => void;
  label: string;
}): ReactNode {
  const { theme } = useServices();
  const styles = useStyles();
  const container = useRef<HTMLDivElement>(null);
  const onExecute = useRef(props.onExecute);
  onExecute.current = props.onExecute;

  useEffect(() => {
    const card = new AdaptiveCard();
    card.hostConfig = new HostConfig(hostConfigFor(theme));
    card.onExecuteAction = (action: Action) => {
      if (action instanceof ExecuteAction || action instanceof SubmitAction) {
        const verb = action instanceof ExecuteAction ? action.verb : '';
        onExecute.current?.(verb, { ...((action.data as Record<string, unknown>) ?? {}) });
      }
    };
    card.parse(props.card);
    const rendered = card.render();
    if (!rendered) return;
    const stopMending = mendCardAccessibility(rendered);
    container.current?.replaceChildren(rendered);
    return stopMending;
  }, [props.card, theme]);

  return <div ref={container} className={styles.host} role="group" aria-label={props.label} />;
}
