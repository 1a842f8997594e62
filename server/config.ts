import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { parseRateWindows, type RateWindow } from '../core/common/rate-window';

const PORT_MESSAGE = 'a whole number from 0 to 65535 (0 picks a free port)';

/** Send limits like "7/1s,8/2s,60/30s,1800/1h". */
const RateText = z.string().refine((text) => {
  try {
    parseRateWindows(text);
    return true;
  } catch {
    // The parser says why; here the variable's own message says what is expected.
    return false;
  }
}, 'send limits like 7/1s,8/2s,60/30s,1800/1h (count/period, period in ms, s, m or h)');

/** The environment variables the server reads, each parsed and explained. */
const Environment = z
  .object({
    PORT: z.coerce
      .number({ error: PORT_MESSAGE })
      .int(PORT_MESSAGE)
      .min(0, PORT_MESSAGE)
      .max(65535, PORT_MESSAGE)
      .default(3978),
    HOST: z.string().min(1, 'a host name or IP address to listen on').optional(),
    DATA_DIR: z.string().min(1, 'a directory for the SQLite file').default('./data'),
    DATABASE_URL: z
      .string()
      .regex(
        /^postgres(ql)?:\/\/.+/,
        'a PostgreSQL URL like postgres://user@host:5432/db, or unset for SQLite',
      )
      .optional(),
    MicrosoftAppId: z
      .string()
      .regex(/^$|^[0-9a-fA-F-]{36}$/, "the bot's Entra app (client) id, a GUID, or empty for local mode")
      .default(''),
    MicrosoftAppPassword: z.string().default(''),
    MicrosoftAppType: z
      .enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI'], {
        error: 'SingleTenant, MultiTenant or UserAssignedMSI',
      })
      .default('SingleTenant'),
    MicrosoftAppTenantId: z
      .string()
      .regex(/^$|^[0-9a-fA-F-]{36}$/, "the bot's home Entra tenant id, a GUID")
      .default(''),
    ToBotFromChannelOpenIdMetadataUrl: z
      .url({ protocol: /^https?$/, error: "the OpenID metadata address of Bot Framework's token keys" })
      .optional(),
    ToBotFromEmulatorOpenIdMetadataUrl: z
      .url({ protocol: /^https?$/, error: "the OpenID metadata address of the Emulator's token keys" })
      .optional(),
    ToBotFromChannelTokenIssuer: z.string().min(1, 'the issuer of Bot Framework tokens').optional(),
    UNINSTALL_GRACE_DAYS: z.coerce
      .number({ error: 'days, a whole number from 0' })
      .int('days, a whole number')
      .min(0, 'days, 0 or more')
      .default(30),
    ARCHIVED_CONTACT_RETENTION_DAYS: z.coerce
      .number({ error: 'days, a whole number (0 keeps contacts)' })
      .int('days, a whole number')
      .min(0, 'days, 0 or more')
      .default(0),
    RETENTION_INTERVAL_MS: z.coerce
      .number({ error: 'milliseconds between retention runs, or 0 to run none in this process' })
      .int('milliseconds, a whole number')
      .min(0, 'milliseconds, 0 or more')
      .default(3_600_000),
    GRAPH_CALENDAR: z
      .enum(['on', 'off'], {
        error: "on to put check-ins in owners' Outlook calendars through Microsoft Graph, or off",
      })
      .default('off'),
    GRAPH_PEOPLE: z
      .enum(['on', 'off'], { error: "on to read colleagues' job titles from Microsoft Graph, or off" })
      .default('off'),
    GRAPH_INSTALL_APP: z
      .enum(['on', 'off'], {
        error:
          'on to install the app through Microsoft Graph for people who never did, so reminders reach them in their own chat, or off',
      })
      .default('off'),
    TEAMS_APP_CATALOG_ID: z
      .guid({ error: "the app's id in the organisation's Teams app catalog (a GUID)" })
      .optional(),
    GRAPH_ATTENDANCE: z
      .enum(['on', 'off'], {
        error: "on to record Teams meetings' attendance reports from Microsoft Graph as evidence, or off",
      })
      .default('off'),
    GRAPH_MEETING_INSIGHTS: z
      .enum(['on', 'off'], {
        error:
          "on to offer Microsoft 365 Copilot's action items of ended Teams meetings for review from Microsoft Graph, or off",
      })
      .default('off'),
    GRAPH_BASE_URL: z
      .url({
        protocol: /^https?$/,
        error: "Microsoft Graph's address, like https://graph.microsoft.com/v1.0",
      })
      .default('https://graph.microsoft.com/v1.0'),
    GRAPH_AUTHORITY_URL: z
      .url({ protocol: /^https?$/, error: "Entra's sign-in address, like https://login.microsoftonline.com" })
      .default('https://login.microsoftonline.com'),
    CALENDAR_SYNC_INTERVAL_MS: z.coerce
      .number({ error: 'milliseconds between calendar syncs' })
      .int('milliseconds, a whole number')
      .min(1000, 'milliseconds, at least 1000')
      .default(60_000),
    API_RATE_LIMIT: RateText.default('1200/1m,100/1s'),
    TAB_SSO_JWKS_URL: z
      .url({ protocol: /^https?$/, error: "the address of Entra's token signing keys (a JWKS)" })
      .default('https://login.microsoftonline.com/common/discovery/v2.0/keys'),
    PUBLIC_URL: z
      .url({ protocol: /^https?$/, error: 'the https:// address Teams and browsers reach this server at' })
      .transform((u) => u.replace(/\/+$/, ''))
      .optional(),
    REMINDER_TICK_MS: z.coerce
      .number({ error: 'milliseconds between scheduler rounds, or 0 to turn reminders off' })
      .int('milliseconds, a whole number')
      .min(0, 'milliseconds, 0 or more')
      .default(5000),
    REMINDER_BATCH: z.coerce
      .number({ error: 'a whole number from 1 to 1000' })
      .int('a whole number from 1 to 1000')
      .min(1, 'a whole number from 1 to 1000')
      .max(1000, 'a whole number from 1 to 1000')
      .default(200),
    REMINDER_CONCURRENCY: z.coerce
      .number({ error: 'a whole number from 1 to 1000' })
      .int('a whole number from 1 to 1000')
      .min(1, 'a whole number from 1 to 1000')
      .max(1000, 'a whole number from 1 to 1000')
      .default(200),
    REMINDER_LEASE_MS: z.coerce
      .number({ error: 'milliseconds, at least 10000' })
      .int('milliseconds, a whole number')
      .min(10_000, 'milliseconds, at least 10000')
      .default(120_000),
    REMINDER_SEND_TIMEOUT_MS: z.coerce
      .number({ error: 'milliseconds, at least 1000' })
      .int('milliseconds, a whole number')
      .min(1000, 'milliseconds, at least 1000')
      .default(15_000),
    TEAMS_RATE_CONVERSATION: RateText.default('7/1s,8/2s,60/30s,1800/1h'),
    TEAMS_RATE_TENANT: RateText.default('30/1s'),
    LINK_SIGNING_SECRET: z
      .string()
      .min(32, 'a random secret of at least 32 characters that signs download links')
      .optional(),
    LOG_LEVEL: z
      .enum(['debug', 'info', 'warn', 'error'], { error: 'debug, info, warn or error' })
      .default('info'),
    SHUTDOWN_GRACE_MS: z.coerce
      .number({ error: 'milliseconds, a whole number' })
      .int('milliseconds, a whole number')
      .min(0, 'milliseconds, 0 or more')
      .default(10_000),
  })
  .superRefine((env, ctx) => {
    if (env.REMINDER_LEASE_MS < 2 * env.REMINDER_SEND_TIMEOUT_MS)
      ctx.addIssue({
        code: 'custom',
        path: ['REMINDER_LEASE_MS'],
        message:
          'milliseconds, at least twice REMINDER_SEND_TIMEOUT_MS (a claim must leave time to wait for a turn and then send)',
      });
    if (env.GRAPH_INSTALL_APP === 'on' && !env.TEAMS_APP_CATALOG_ID)
      ctx.addIssue({
        code: 'custom',
        path: ['TEAMS_APP_CATALOG_ID'],
        message:
          "the app's id in the organisation's Teams app catalog (a GUID; required when GRAPH_INSTALL_APP is on)",
      });
    for (const name of [
      'GRAPH_CALENDAR',
      'GRAPH_PEOPLE',
      'GRAPH_INSTALL_APP',
      'GRAPH_ATTENDANCE',
      'GRAPH_MEETING_INSIGHTS',
    ] as const)
      if (env[name] === 'on' && (!env.MicrosoftAppId || env.MicrosoftAppType !== 'SingleTenant'))
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message:
            'off unless the bot is a SingleTenant app with a password (Graph is signed in to as that app, in its tenant)',
        });
    if (!env.MicrosoftAppId) return;
    if (env.MicrosoftAppType !== 'UserAssignedMSI' && !env.MicrosoftAppPassword)
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppPassword'],
        message: 'the client secret of MicrosoftAppId (required when MicrosoftAppId is set)',
      });
    if (!env.LINK_SIGNING_SECRET)
      ctx.addIssue({
        code: 'custom',
        path: ['LINK_SIGNING_SECRET'],
        message:
          'a random secret of at least 32 characters that signs download links (required when MicrosoftAppId is set, so every server process signs alike)',
      });
    if (env.MicrosoftAppType !== 'MultiTenant' && !env.MicrosoftAppTenantId)
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppTenantId'],
        message: `the bot's home tenant id (required for ${env.MicrosoftAppType} bots)`,
      });
  });

/** The server's configuration, parsed from the environment. */
export interface Config {
  readonly port: number;
  /** Where to listen; local mode listens on loopback only. */
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl?: string;
  /** Base address links in cards point at (export downloads, tab deep links). */
  readonly publicUrl: string;
  /** Signs expiring download links; random per process in local mode. */
  readonly linkSecret: string;
  /** Bot identity; empty app id means local mode (no authentication, loopback only). */
  readonly bot: {
    readonly appId: string;
    readonly appPassword: string;
    readonly appType: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
    readonly appTenantId: string;
    /** Overrides of where incoming tokens' keys and issuer come from (default: Bot Framework's public cloud). */
    readonly openIdMetadataUrl?: string;
    readonly emulatorOpenIdMetadataUrl?: string;
    readonly tokenIssuer?: string;
  };
  readonly localMode: boolean;
  /** How long data outlives its use (see DataRetention), and how often this process applies it (0: never). */
  readonly retention: {
    readonly uninstallGraceDays: number;
    readonly archivedContactDays: number;
    readonly intervalMs: number;
  };
  /** Microsoft Graph, when anything uses it (app-only, as the bot's own Entra app). */
  readonly graph?: {
    /** Check-ins go to owners' Outlook calendars. */
    readonly calendar: boolean;
    /** Colleagues' job titles come from the directory. */
    readonly people: boolean;
    /** Ended meetings' attendance reports are recorded as evidence. */
    readonly attendance: boolean;
    /** Ended meetings' Copilot action items are offered for review (the meeting form prefilled). */
    readonly meetingInsights: boolean;
    /**
     * The app is installed through Graph for reminders' owners who never installed it (the application permission
     * TeamsAppInstallation.ReadWriteSelfForUser.All): its id in the organisation's app catalog, when on.
     */
    readonly installApp?: { readonly catalogAppId: string };
    readonly baseUrl: string;
    readonly authorityUrl: string;
    readonly syncIntervalMs: number;
  };
  /** Requests one API caller may make, per window. */
  readonly apiRateLimit: RateWindow[];
  /** Where the keys of the tab's Teams SSO tokens are published. */
  readonly ssoJwksUrl: string;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** The reminder scheduler (tickMs 0: off) and Teams' send limits. */
  readonly reminders: {
    readonly tickMs: number;
    readonly batch: number;
    readonly concurrency: number;
    readonly leaseMs: number;
    readonly sendTimeoutMs: number;
    readonly conversationLimits: RateWindow[];
    readonly tenantLimits: RateWindow[];
  };
  readonly shutdownGraceMs: number;
}

/** Configuration that cannot be used; `message` is one line naming the variable and what is expected. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Reads the configuration from environment variables, or throws one clear {@link ConfigError}. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  // Empty strings mean "not set", as they do in .env files.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Environment.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    const got =
      present[name] === undefined
        ? 'it is not set'
        : `got ${JSON.stringify(/password|secret/i.test(name) ? '***' : present[name])}`;
    throw new ConfigError(`Configuration error: ${name} must be ${issue.message} (${got}).`);
  }
  const e = parsed.data;
  const localMode = e.MicrosoftAppId === '';
  if (localMode && e.HOST !== undefined && !isLoopback(e.HOST))
    throw new ConfigError(
      `Configuration error: HOST must be a loopback address in local mode, because local mode accepts unauthenticated requests (got ${JSON.stringify(e.HOST)}); set MicrosoftAppId to listen elsewhere.`,
    );
  return {
    port: e.PORT,
    host: e.HOST ?? (localMode ? '127.0.0.1' : '0.0.0.0'),
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    linkSecret: e.LINK_SIGNING_SECRET ?? randomBytes(32).toString('base64url'),
    bot: {
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      appType: e.MicrosoftAppType,
      appTenantId: e.MicrosoftAppTenantId,
      openIdMetadataUrl: e.ToBotFromChannelOpenIdMetadataUrl,
      emulatorOpenIdMetadataUrl: e.ToBotFromEmulatorOpenIdMetadataUrl,
      tokenIssuer: e.ToBotFromChannelTokenIssuer,
    },
    localMode,
    ssoJwksUrl: e.TAB_SSO_JWKS_URL,
    apiRateLimit: parseRateWindows(e.API_RATE_LIMIT),
    graph:
      e.GRAPH_CALENDAR === 'on' ||
      e.GRAPH_PEOPLE === 'on' ||
      e.GRAPH_INSTALL_APP === 'on' ||
      e.GRAPH_ATTENDANCE === 'on' ||
      e.GRAPH_MEETING_INSIGHTS === 'on'
        ? {
            calendar: e.GRAPH_CALENDAR === 'on',
            people: e.GRAPH_PEOPLE === 'on',
            attendance: e.GRAPH_ATTENDANCE === 'on',
            meetingInsights: e.GRAPH_MEETING_INSIGHTS === 'on',
            ...(e.GRAPH_INSTALL_APP === 'on' && e.TEAMS_APP_CATALOG_ID
              ? { installApp: { catalogAppId: e.TEAMS_APP_CATALOG_ID } }
              : {}),
            baseUrl: e.GRAPH_BASE_URL,
            authorityUrl: e.GRAPH_AUTHORITY_URL,
            syncIntervalMs: e.CALENDAR_SYNC_INTERVAL_MS,
          }
        : undefined,
    retention: {
      uninstallGraceDays: e.UNINSTALL_GRACE_DAYS,
      archivedContactDays: e.ARCHIVED_CONTACT_RETENTION_DAYS,
      intervalMs: e.RETENTION_INTERVAL_MS,
    },
    logLevel: e.LOG_LEVEL,
    reminders: {
      tickMs: e.REMINDER_TICK_MS,
      batch: e.REMINDER_BATCH,
      concurrency: e.REMINDER_CONCURRENCY,
      leaseMs: e.REMINDER_LEASE_MS,
      sendTimeoutMs: e.REMINDER_SEND_TIMEOUT_MS,
      conversationLimits: parseRateWindows(e.TEAMS_RATE_CONVERSATION),
      tenantLimits: parseRateWindows(e.TEAMS_RATE_TENANT),
    },
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
  };
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
