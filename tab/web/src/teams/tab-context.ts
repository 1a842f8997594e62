import { spaceOfContext, themeNameOf, type TeamsThemeName } from './space-of-context';

/** Where and as whom the tab runs: inside Teams (from its context) or standalone in a browser (local mode). */
export interface TabContext {
  readonly inTeams: boolean;
  /** Why the tab runs standalone, for the banner. */
  readonly standaloneReason?: string;
  /** The space to show; undefined means the API's default, the caller's own space. */
  readonly spaceId?: string;
  readonly tenantId?: string;
  readonly userName?: string;
  readonly locale: string;
  readonly theme: TeamsThemeName;
  /** `settings` on the configuration page, `content` in a tab. */
  readonly frameContext?: string;
  /** Subscribes to Teams' theme changes; standalone, to the page's `?theme=`/colour-scheme changes. */
  onThemeChange(handler: (theme: TeamsThemeName) => void): void;
  /** A Teams SSO token for the API, or undefined standalone. */
  authToken(): Promise<string | undefined>;
}

/**
 * How long a framed page waits for Teams to answer before running standalone. Teams answers in well under a
 * second; the margin is for slow mobile clients. (A top-level page never waits: see detectTabContext.)
 */
const TEAMS_HANDSHAKE_MS = 4000;
/** How long a call waits for an SSO token before going on without one (the API then says who it wants). */
const SSO_TOKEN_MS = 5000;

/**
 * Finds out whether the page runs inside Teams. A top-level window that is not a Teams mobile web view cannot
 * be, so it is told at once without loading teams-js; a framed page tries the handshake for a moment.
 */
export async function detectTabContext(): Promise<TabContext> {
  const params = new URLSearchParams(window.location.search);
  const framed = window.parent !== window || 'nativeInterface' in window;
  if (!framed) return standalone('This page is not running inside Microsoft Teams.', params);
  const teams = await import('@microsoft/teams-js');
  try {
    await withTimeout(teams.app.initialize(), TEAMS_HANDSHAKE_MS);
    const context = await teams.app.getContext();
    void teams.app.notifySuccess();
    return {
      inTeams: true,
      spaceId: spaceOfContext({
        teamInternalId: context.team?.internalId,
        chatId: context.chat?.id,
        userId: context.user?.id,
      }),
      tenantId: context.user?.tenant?.id,
      userName: context.user?.displayName ?? context.user?.userPrincipalName,
      locale: context.app.locale || navigator.language,
      theme: themeNameOf(context.app.theme),
      frameContext: context.page.frameContext,
      onThemeChange: (handler) => teams.app.registerOnThemeChangeHandler((t) => handler(themeNameOf(t))),
      authToken: () =>
        withTimeout(teams.authentication.getAuthToken(), SSO_TOKEN_MS).catch((err: unknown) => {
          // Without SSO configured (local mode in Teams) the API takes the local identity: nothing to send.
          console.warn('Teams SSO token unavailable', err);
          return undefined;
        }),
    };
  } catch (err) {
    return standalone(
      `Microsoft Teams did not answer (${err instanceof Error ? err.message : String(err)}).`,
      params,
    );
  }
}

function standalone(reason: string, params: URLSearchParams): TabContext {
  const dark = window.matchMedia?.('(prefers-color-scheme: dark)');
  const chosen = params.get('theme');
  return {
    inTeams: false,
    standaloneReason: reason,
    spaceId: params.get('spaceId') ?? undefined,
    locale: params.get('locale') ?? navigator.language ?? 'en-GB',
    theme: chosen ? themeNameOf(chosen) : dark?.matches ? 'dark' : 'default',
    onThemeChange: (handler) => {
      if (!chosen) dark?.addEventListener('change', (e) => handler(e.matches ? 'dark' : 'default'));
    },
    authToken: async () => undefined,
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e: unknown) => (clearTimeout(timer), reject(e)),
    );
  });
}
