import type { Activity } from 'botbuilder';
import type { Person } from '../../core/people/person';

/**
 * The words and mention entity that @mention a reminder's owner where it falls back to the team or chat the
 * partner is managed in: there it is everyone's message, and the mention is what makes it reach the owner
 * (Teams notifies them, whether or not they ever installed the app). Teams takes the Teams user id, or the
 * Entra object id, as the mentioned id; someone known by neither cannot be mentioned.
 */
export function ownerMention(owner: Person): Pick<Activity, 'text' | 'entities'> | undefined {
  const id = owner.teamsUserId?.startsWith('29:') ? owner.teamsUserId : owner.aadObjectId;
  if (!id) return undefined;
  const name = owner.displayName.replace(/[<>]/g, '');
  const mention = `<at>${name}</at>`;
  return {
    text: `${mention}, this is for you.`,
    entities: [{ type: 'mention', text: mention, mentioned: { id, name } }],
  };
}
