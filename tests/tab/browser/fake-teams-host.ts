/** The legacy (v1) context a Teams host sends for `getContext`; teams-js turns it into the v2 shape. */
export interface HostContext {
  readonly locale: string;
  readonly theme: 'default' | 'dark' | 'contrast';
  readonly frameContext: 'content' | 'settings' | 'sidePanel' | 'meetingStage';
  readonly tid: string;
  readonly userObjectId: string;
  readonly userPrincipalName: string;
  readonly teamId?: string;
  readonly chatId?: string;
  readonly channelId?: string;
  /** The meeting the tab is in (its side panel or stage). */
  readonly meetingId?: string;
}

/**
 * A page that stands in for the Teams client around the tab's iframe, speaking teams-js's postMessage protocol
 * as Teams does: it answers `initialize` (frame context, client type, runtime config), `getContext`, refuses an
 * SSO token (as Teams does without SSO configured), records every call in `window.hostLog`, and can send the tab
 * a theme change (`window.sendTheme`) or a save of the configuration page (`window.sendSave`). Served by the test
 * at a teams.microsoft.com address (routed, never fetched), one of the origins teams-js accepts.
 */
export function fakeTeamsHostPage(
  tabUrl: string,
  context: HostContext,
  frame: { width: number; height: number } = { width: 1200, height: 800 },
): string {
  const runtime = {
    apiVersion: 4,
    isLegacyTeams: false,
    supports: {
      appInitialization: {},
      authentication: {},
      pages: { appButton: {}, tabs: {}, config: {}, backStack: {}, fullTrust: {} },
      teamsCore: {},
    },
  };
  return `<!doctype html><html><head><title>Teams</title></head><body style="margin:0">
<iframe id="tab" title="Partner CRM" src="${tabUrl}" style="width:${frame.width}px;height:${frame.height}px;border:0"></iframe>
<script>
  const context = ${JSON.stringify(context)};
  const runtime = ${JSON.stringify(JSON.stringify(runtime))};
  window.hostLog = [];
  let tabOrigin = '*';
  window.addEventListener('message', (event) => {
    const m = event.data;
    if (!m || typeof m.func !== 'string') return;
    tabOrigin = event.origin;
    window.hostLog.push({ func: m.func, args: m.args });
    const reply = (args) => event.source.postMessage({ id: m.id, uuid: m.uuid, args }, event.origin);
    switch (m.func) {
      case 'initialize': return reply([context.frameContext, 'web', runtime, '2.0.0']);
      case 'getContext': return reply([context]);
      case 'authentication.getAuthToken': return reply([false, 'SSO is not configured for this app']);
      case 'settings.setSettings': return reply([true]);
      default: return reply([]);
    }
  });
  const tab = () => document.getElementById('tab').contentWindow;
  window.sendTheme = (theme) => tab().postMessage({ func: 'themeChange', args: [theme] }, tabOrigin);
  window.sendSave = () => tab().postMessage({ func: 'settings.save', args: [{ webhookUrl: '' }] }, tabOrigin);
</script></body></html>`;
}
