import { MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Loaded } from '../use-load';

/** Shows a spinner while loading, a message if loading failed, else the content. */
export function LoadState<T>(props: {
  loaded: Loaded<T>;
  label: string;
  children: (value: T) => ReactNode;
}): ReactNode {
  const { loaded, label, children } = props;
  if (loaded.error)
    return (
      <MessageBar intent="error">
        <MessageBarBody>
          <MessageBarTitle>Could not load {label}</MessageBarTitle>
          {loaded.error.message}
        </MessageBarBody>
      </MessageBar>
    );
  if (loaded.value === undefined) return <Spinner size="small" label={`Loading ${label}…`} />;
  return children(loaded.value);
}
