/** How installing the app for someone went. */
export type PersonalInstallOutcome =
  /** The app is installed for them (now, or it was already): its personal chat with them is `chatId`. */
  | { readonly kind: 'installed'; readonly chatId: string }
  /** The tenant has not granted the permission to install it (or did not, when last asked a short while ago). */
  | { readonly kind: 'not-permitted' }
  /** The directory does not know them (a mock or deleted user, or another tenant's). */
  | { readonly kind: 'unknown-user' }
  /** The service was throttled or failing: worth trying again later. */
  | { readonly kind: 'unavailable'; readonly retryAfterMs?: number; readonly detail: string };

/**
 * Installs the app for someone who never did, so it can write to them in its own personal chat with them (as a
 * tenant allows with Microsoft Graph's TeamsAppInstallation.ReadWriteSelfForUser.All application permission).
 */
export interface PersonalAppInstaller {
  install(tenantId: string, aadObjectId: string): Promise<PersonalInstallOutcome>;
}
