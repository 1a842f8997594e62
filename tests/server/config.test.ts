import { ConfigError, loadConfig } from '../../server/config';

describe(loadConfig.name, () => {
  it('runs in local mode on SQLite with nothing set', () => {
    expect(loadConfig({})).toMatchObject({
      port: 3978,
      host: '127.0.0.1',
      dataDir: './data',
      localMode: true,
      databaseUrl: undefined,
    });
  });

  it('treats empty values as unset, as .env files write them', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '', MicrosoftAppId: '' })).toMatchObject({
      port: 3978,
      localMode: true,
    });
  });

  it('turns on attendance reports from Graph only for a single-tenant app with a password', () => {
    expect(() => loadConfig({ GRAPH_ATTENDANCE: 'on' })).toThrow(
      /GRAPH_ATTENDANCE must be off unless the bot is a SingleTenant app/,
    );
    const config = loadConfig({
      GRAPH_ATTENDANCE: 'on',
      MicrosoftAppId: '0d3b5c9e-8f1a-4b2c-9d3e-4f5a6b7c8d9e',
      MicrosoftAppPassword: 'app-secret',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: '11111111-1111-4111-8111-111111111111',
      LINK_SIGNING_SECRET: 'x'.repeat(32),
    });
    expect(config.graph).toMatchObject({ attendance: true, calendar: false, people: false });
  });

  it('turns on Copilot meeting insights from Graph only for a single-tenant app with a password', () => {
    expect(() => loadConfig({ GRAPH_MEETING_INSIGHTS: 'on' })).toThrow(
      /GRAPH_MEETING_INSIGHTS must be off unless the bot is a SingleTenant app/,
    );
    const config = loadConfig({
      GRAPH_MEETING_INSIGHTS: 'on',
      MicrosoftAppId: '0d3b5c9e-8f1a-4b2c-9d3e-4f5a6b7c8d9e',
      MicrosoftAppPassword: 'app-secret',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: '11111111-1111-4111-8111-111111111111',
      LINK_SIGNING_SECRET: 'x'.repeat(32),
    });
    expect(config.graph).toMatchObject({ meetingInsights: true, attendance: false, calendar: false });
    expect(loadConfig({}).graph).toBeUndefined();
  });

  it('selects PostgreSQL from DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://app@db:5432/crm' }).databaseUrl).toBe(
      'postgres://app@db:5432/crm',
    );
  });

  it.each([
    [
      { PORT: 'eighty' },
      'Configuration error: PORT must be a whole number from 0 to 65535 (0 picks a free port) (got "eighty").',
    ],
    [
      { PORT: '70000' },
      'Configuration error: PORT must be a whole number from 0 to 65535 (0 picks a free port) (got "70000").',
    ],
    [
      { DATABASE_URL: 'mysql://db/crm' },
      'Configuration error: DATABASE_URL must be a PostgreSQL URL like postgres://user@host:5432/db, or unset for SQLite (got "mysql://db/crm").',
    ],
    [
      { MicrosoftAppId: 'my-bot' },
      'Configuration error: MicrosoftAppId must be the bot\'s Entra app (client) id, a GUID, or empty for local mode (got "my-bot").',
    ],
    [
      { LOG_LEVEL: 'loud' },
      'Configuration error: LOG_LEVEL must be debug, info, warn or error (got "loud").',
    ],
    [
      { MicrosoftAppId: 'a0b1c2d3-0000-4000-8000-000000000001' },
      'Configuration error: MicrosoftAppPassword must be the client secret of MicrosoftAppId (required when MicrosoftAppId is set) (it is not set).',
    ],
    [
      {
        MicrosoftAppId: 'a0b1c2d3-0000-4000-8000-000000000001',
        MicrosoftAppPassword: 'secret-value',
        LINK_SIGNING_SECRET: 'x'.repeat(32),
      },
      "Configuration error: MicrosoftAppTenantId must be the bot's home tenant id (required for SingleTenant bots) (it is not set).",
    ],
    [
      { REMINDER_LEASE_MS: '20000', REMINDER_SEND_TIMEOUT_MS: '15000' },
      'Configuration error: REMINDER_LEASE_MS must be milliseconds, at least twice REMINDER_SEND_TIMEOUT_MS (a claim must leave time to wait for a turn and then send) (got "20000").',
    ],
    [
      { REMINDER_CONCURRENCY: '0' },
      'Configuration error: REMINDER_CONCURRENCY must be a whole number from 1 to 1000 (got "0").',
    ],
    [
      { HOST: '0.0.0.0' },
      'Configuration error: HOST must be a loopback address in local mode, because local mode accepts unauthenticated requests (got "0.0.0.0"); set MicrosoftAppId to listen elsewhere.',
    ],
  ])('refuses %j with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(new ConfigError(message));
  });

  it('is in local mode only without an app id, and then listens on loopback only', () => {
    const local = loadConfig({});
    expect(local).toMatchObject({ localMode: true, host: '127.0.0.1' });
    const entra = loadConfig({
      MicrosoftAppId: 'a0b1c2d3-0000-4000-8000-000000000001',
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppTenantId: '11111111-1111-4111-8111-111111111111',
      LINK_SIGNING_SECRET: 'x'.repeat(32),
    });
    // A managed identity needs no password; with any app id there is no local mode to fall back to.
    expect(entra).toMatchObject({ localMode: false, host: '0.0.0.0', bot: { appType: 'UserAssignedMSI' } });
  });

  it('never repeats a secret in its message', () => {
    expect(() =>
      loadConfig({
        MicrosoftAppId: 'a0b1c2d3-0000-4000-8000-000000000001',
        MicrosoftAppPassword: 'hunter2',
        MicrosoftAppType: 'Weird',
      }),
    ).toThrow(/MicrosoftAppType/);
    try {
      loadConfig({
        MicrosoftAppId: 'a0b1c2d3-0000-4000-8000-000000000001',
        MicrosoftAppPassword: 'hunter2',
        MicrosoftAppType: 'Weird',
      });
    } catch (err) {
      expect(String(err)).not.toContain('hunter2');
    }
  });

  it('listens on all interfaces in Entra mode', () => {
    const config = loadConfig({
      MicrosoftAppId: 'a0b1c2d3-0000-4000-8000-000000000001',
      MicrosoftAppPassword: 'secret-value',
      MicrosoftAppTenantId: 'b0b1c2d3-0000-4000-8000-000000000002',
      LINK_SIGNING_SECRET: 'x'.repeat(32),
    });
    expect(config).toMatchObject({ localMode: false, host: '0.0.0.0', linkSecret: 'x'.repeat(32) });
  });
});

describe('PUBLIC_URL', () => {
  it('defaults to this machine and drops a trailing slash when given', () => {
    expect(loadConfig({ PORT: '4000' }).publicUrl).toBe('http://localhost:4000');
    expect(loadConfig({ PUBLIC_URL: 'https://crm.contoso.example/' }).publicUrl).toBe(
      'https://crm.contoso.example',
    );
  });

  it('refuses something that is not a web address', () => {
    expect(() => loadConfig({ PUBLIC_URL: 'crm.contoso' })).toThrow(
      /PUBLIC_URL must be the https:\/\/ address/,
    );
  });
});

describe('LINK_SIGNING_SECRET', () => {
  const entra = {
    MicrosoftAppId: 'a0b1c2d3-0000-4000-8000-000000000001',
    MicrosoftAppPassword: 'secret-value',
    MicrosoftAppTenantId: 'b0b1c2d3-0000-4000-8000-000000000002',
  };

  it('is required in Entra mode, where every server process must sign links alike', () => {
    expect(() => loadConfig(entra)).toThrow(
      /LINK_SIGNING_SECRET must be a random secret of at least 32 characters/,
    );
    expect(() => loadConfig({ ...entra, LINK_SIGNING_SECRET: 'short-secret' })).toThrow(
      /LINK_SIGNING_SECRET .*\(got "\*\*\*"\)/,
    );
  });

  it('is a fresh random secret per process in local mode', () => {
    expect(loadConfig({}).linkSecret).toHaveLength(43);
    expect(loadConfig({}).linkSecret).not.toBe(loadConfig({}).linkSecret);
  });
});

describe('GRAPH_INSTALL_APP', () => {
  const singleTenant = {
    MicrosoftAppId: 'a0b1c2d3-0000-4000-8000-000000000001',
    MicrosoftAppPassword: 'secret-value',
    MicrosoftAppType: 'SingleTenant',
    MicrosoftAppTenantId: 'b0b1c2d3-0000-4000-8000-000000000002',
    LINK_SIGNING_SECRET: 'x'.repeat(32),
  };

  it('is off unless asked for: owners who never installed the app are @mentioned instead', () => {
    expect(loadConfig(singleTenant).graph).toBeUndefined();
  });

  it('needs the app’s id in the organisation’s app catalog', () => {
    expect(() => loadConfig({ ...singleTenant, GRAPH_INSTALL_APP: 'on' })).toThrow(
      /TEAMS_APP_CATALOG_ID must be the app's id in the organisation's Teams app catalog/,
    );
    expect(() =>
      loadConfig({ ...singleTenant, GRAPH_INSTALL_APP: 'on', TEAMS_APP_CATALOG_ID: 'partner-crm' }),
    ).toThrow(/TEAMS_APP_CATALOG_ID must be .*\(got "partner-crm"\)/);
    const config = loadConfig({
      ...singleTenant,
      GRAPH_INSTALL_APP: 'on',
      TEAMS_APP_CATALOG_ID: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
    });
    expect(config.graph).toMatchObject({
      calendar: false,
      people: false,
      installApp: { catalogAppId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f' },
    });
  });

  it('is off in local mode, where Graph is not signed in to', () => {
    expect(() =>
      loadConfig({ GRAPH_INSTALL_APP: 'on', TEAMS_APP_CATALOG_ID: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f' }),
    ).toThrow(/GRAPH_INSTALL_APP must be off unless the bot is a SingleTenant app/);
  });
});
