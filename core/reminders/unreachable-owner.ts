/**
 * Someone nothing could reach about work another person gave them (no personal chat with the app, no way to
 * install it for them, no team or chat to @mention them in). The person who assigned the work is told once per
 * piece of work and owner: in their chat when the app can reach them, and always in their "My work".
 */
export interface UnreachableOwner {
  readonly tenantId: string;
  readonly spaceId: string;
  /** The action, check-in, agreement or SLA the reminder was about (ids are unique in the tenant). */
  readonly subjectId: string;
  /** The reminder whose delivery found nobody to reach. */
  readonly reminderId: string;
  readonly ownerId: string;
  /** Who assigned the work: the one told. */
  readonly assignerId: string;
  /** What the reminder was about, in words ("Share the revised rota"). */
  readonly title: string;
  /** The date it is about (due date, review date). */
  readonly date: string;
  readonly partnerId?: string;
  /** When the assigner was told. */
  readonly at: string;
}
