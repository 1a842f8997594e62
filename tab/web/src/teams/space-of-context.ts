/** The parts of a Teams context that say where the tab runs. */
export interface ContextPlace {
  readonly teamInternalId?: string;
  readonly chatId?: string;
  readonly userId?: string;
}

/**
 * The space a tab shows: a channel tab shows its team's board (`team:<internalId>`, the id the bot sees as
 * `channelData.team.id`), a chat tab its chat's (`chat:<id>`), a personal tab the user's own space.
 */
export function spaceOfContext(place: ContextPlace): string | undefined {
  if (place.teamInternalId) return `team:${place.teamInternalId}`;
  if (place.chatId) return `chat:${place.chatId}`;
  if (place.userId) return `personal:${place.userId}`;
  return undefined;
}

/** Teams' theme names, and what anything else (a future theme) falls back to. */
export type TeamsThemeName = 'default' | 'dark' | 'contrast';

/** Maps a theme name from Teams (or `?theme=`) to one we style for; unknown names get the default theme. */
export function themeNameOf(name: string | null | undefined): TeamsThemeName {
  return name === 'dark' || name === 'contrast' ? name : 'default';
}
