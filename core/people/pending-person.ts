import { AadObjectId, LocalDirectoryId, TeamsUserId } from './person';

/** Which kind of id a picker submitted: an Entra object id, a Teams user id, or a local client's own id. */
export type PickedIdKind = 'entra' | 'teams' | 'local';

/** The kind of a picked id, or undefined when it is none of them. */
export function pickedIdKind(id: string): PickedIdKind | undefined {
  if (AadObjectId.safeParse(id).success) return 'entra';
  if (TeamsUserId.safeParse(id).success) return 'teams';
  if (LocalDirectoryId.safeParse(id).success) return 'local';
  return undefined;
}

/** Longest part of a picked id a stand-in name shows. */
const SHOWN_ID = 12;

/**
 * What a pending person is called until something names them: the product never invents a name, so cards, the
 * tab and exports show that this person is pending and which id was picked.
 */
export function pendingName(pickedId: string): string {
  const shown = pickedId.length > SHOWN_ID ? `${pickedId.slice(0, SHOWN_ID)}…` : pickedId;
  return `Pending person (${shown})`;
}
