import { createRoot } from 'react-dom/client';
import { ApiClient, ApiError } from './api/api-client';
import type { Me } from './api/api-types';
import { App } from './app';
import { detectTabContext } from './teams/tab-context';

/** Starts the tab: finds out where it runs, who the API takes the user to be, then renders the board. */
async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  const tab = await detectTabContext();
  try {
    const me = await new ApiClient(undefined, () => tab.authToken()).call<Me>('/me');
    root.render(<App tab={tab} me={me} />);
    document.documentElement.lang = tab.locale;
  } catch (err) {
    // The API refused us (no SSO in Entra mode, or a remote caller in local mode): say so instead of a blank page.
    const message = err instanceof ApiError ? err.message : String(err);
    root.render(
      <p role="alert" style={{ padding: '2rem' }}>
        The partner board cannot reach its API: {message}
      </p>,
    );
  }
}

void start();
