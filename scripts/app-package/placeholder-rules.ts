import { z } from 'zod';

/** What a manifest placeholder's value must look like, and who fills it in when a committed file leaves it empty. */
export interface PlaceholderRule {
  readonly format: z.ZodType<string>;
  /** How to fill it, for messages: "a GUID", "a host name such as …". */
  readonly expects: string;
  /** Set for values provisioning or your dev tunnel write later: an empty value is then packaged as `standIn`. */
  readonly later?: { readonly filledBy: string; readonly standIn: string };
  /** Values that are valid but only examples, which the deploying organisation must replace before release. */
  readonly example?: RegExp;
}

/** The nil GUID: stands in for ids that provisioning has not created yet. */
export const NIL_GUID = '00000000-0000-0000-0000-000000000000';

const guid = z.string().regex(/^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/);
const host = z
  .string()
  .regex(/^(?=.{1,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i);
const httpsUrl = z.url({ protocol: /^https$/ });
/** Domains reserved for documentation (RFC 2606): a link to one is a value nobody has filled in yet. */
const EXAMPLE_LINK = /^https:\/\/([^/]*\.)?example\.(com|org|net)([/:?#]|$)/;
const httpsOrigin = z.string().regex(/^https:\/\/[^/?#\s]+$/);

/**
 * Every `${{NAME}}` the manifest template may use. A placeholder without a rule is refused, so a new one
 * cannot reach a package unchecked.
 */
export const PLACEHOLDER_RULES: Readonly<Record<string, PlaceholderRule>> = {
  TEAMS_APP_ID: {
    format: guid,
    expects: 'the Teams app id, a GUID',
    later: { filledBy: 'provisioning (teamsApp/create)', standIn: NIL_GUID },
  },
  BOT_ID: {
    format: guid,
    expects: "the bot's Entra app (client) id, a GUID",
    later: { filledBy: 'provisioning (aadApp/create)', standIn: NIL_GUID },
  },
  BOT_DOMAIN: {
    format: host,
    expects: 'the host name Teams reaches the app at, such as partner-crm.azurewebsites.net',
    later: { filledBy: 'provisioning (arm/deploy) or your dev tunnel', standIn: 'localhost' },
  },
  PUBLIC_URL: {
    format: httpsOrigin,
    expects: 'https:// and BOT_DOMAIN, with no path',
    later: { filledBy: 'provisioning (arm/deploy) or your dev tunnel', standIn: 'https://localhost' },
  },
  APP_NAME_SUFFIX: {
    // "Partner CRM" plus the suffix must fit Teams' 30-character short name.
    format: z.string().max(19),
    expects: 'at most 19 characters added to the app name, such as " (dev)", or empty',
  },
  DEVELOPER_NAME: {
    format: z.string().min(1).max(32),
    expects: 'the publishing organisation, 1 to 32 characters',
  },
  DEVELOPER_WEBSITE_URL: {
    format: httpsUrl,
    expects: "an https:// URL of the app's support page",
    example: EXAMPLE_LINK,
  },
  DEVELOPER_PRIVACY_URL: {
    format: httpsUrl,
    expects: 'an https:// URL of your privacy notice',
    example: EXAMPLE_LINK,
  },
  DEVELOPER_TERMS_URL: {
    format: httpsUrl,
    expects: 'an https:// URL of your terms of use',
    example: EXAMPLE_LINK,
  },
};
