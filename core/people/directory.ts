/** What the organisation's directory says of a user. */
export interface DirectoryProfile {
  readonly email?: string;
  readonly jobTitle?: string;
}

/** The organisation's directory (Microsoft Graph): profiles of Teams users by Entra object id. */
export interface Directory {
  /** Profiles of the users it knows, by lower-case Entra object id; users it does not know are absent. */
  profiles(tenantId: string, aadObjectIds: readonly string[]): Promise<Map<string, DirectoryProfile>>;
}
