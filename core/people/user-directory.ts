/** A user as the organisation's directory names them. */
export interface DirectoryUser {
  readonly aadObjectId: string;
  readonly displayName: string;
  readonly email?: string;
  readonly jobTitle?: string;
}

/** The organisation's directory (Microsoft Graph), for naming colleagues a people picker found anywhere in it. */
export interface UserDirectory {
  /**
   * The users it can name, by lower-case Entra object id. Users it cannot name (unknown, the permission not
   * granted, the directory unavailable after retries) are absent: a pick is never refused for want of a name.
   */
  users(tenantId: string, aadObjectIds: readonly string[]): Promise<Map<string, DirectoryUser>>;
}
