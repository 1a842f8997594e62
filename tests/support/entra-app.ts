/** The bot's Entra app in tests that run with a real identity (not local mode). */
export const ENTRA_APP = {
  appId: '0d3b5c9e-8f1a-4b2c-9d3e-4f5a6b7c8d9e',
  tenantId: '11111111-1111-4111-8111-111111111111',
} as const;

/** Environment for the server with that identity; secrets are placeholders (Entra itself is never called). */
export function entraEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    MicrosoftAppId: ENTRA_APP.appId,
    MicrosoftAppPassword: 'not-used-by-these-tests',
    MicrosoftAppTenantId: ENTRA_APP.tenantId,
    LINK_SIGNING_SECRET: 'x'.repeat(40),
    ...extra,
  };
}
