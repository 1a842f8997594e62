/**
 * Who belongs to a team's or a group chat's space, as Teams knows it. A port: the bot implements it with
 * the Bot Connector, the tab's API asks it before letting someone into a space.
 */
export interface SpaceRoster {
  /** Whether the person is a member of the space's team or chat; false when the bot has never been there. */
  isMember(tenantId: string, spaceId: string, aadObjectId: string): Promise<boolean>;
}
