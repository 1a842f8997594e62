import { answeredCard, submitData } from './card-reading';
import type { TeamsTestClient, Where } from './bot-client';
import { PEOPLE, type TeamsPerson } from './teams-activities';

/** Adds a partner the way a user does: type "add partner", fill the form, press Add partner. */
export async function addPartnerViaBot(
  t: TeamsTestClient,
  name: string,
  who: TeamsPerson = PEOPLE.alex,
  where: Where = 'personal',
): Promise<string> {
  await t.say('add partner', who, where);
  const form = t.lastPostedCard();
  const answer = await t.execute(
    'partner.add',
    submitData(form, 'partner.add', {
      name,
      kind: 'external_supplier',
      direction: 'upstream',
      stage: '1',
      ownerId: who.aadObjectId,
      cadenceEvery: '2',
      cadenceUnit: 'week',
      contactName: 'Priya Shah',
      contactRole: 'Account manager',
      contactEmail: 'priya.shah@northwind.example',
      contactStyle: 'data_driven',
      contactChannel: 'teams_meeting',
      contactDecisionMaker: 'true',
      contactEscalation: 'false',
    }),
    { who, where },
  );
  const card = answeredCard(answer.body);
  const id = JSON.stringify(card).match(/"partnerId":"(ptn_[^"]+)"/)?.[1];
  if (!id) throw new Error(`partner was not added: ${JSON.stringify(answer.body).slice(0, 500)}`);
  return id;
}

/** Tables a refused request must leave alone. */
const TABLES = [
  'evidence_events',
  'people',
  'partners',
  'meetings',
  'actions',
  'agreements',
  'agreement_acknowledgements',
  'idempotency_keys',
] as const;

/** Row counts of the tables a refused request must leave alone. */
export async function storedCounts(t: TeamsTestClient): Promise<Record<(typeof TABLES)[number], number>> {
  const counts = {} as Record<(typeof TABLES)[number], number>;
  for (const table of TABLES) {
    const [row] = (await t.app.store.raw(`SELECT COUNT(*) AS n FROM ${table}`)) as { n: number }[];
    counts[table] = Number(row!.n);
  }
  return counts;
}

/** The four form verbs and the command that opens each form. */
const FORMS = [
  ['add partner', 'partner.add'],
  ['log meeting', 'meeting.log'],
  ['new action', 'action.create'],
  ['new agreement', 'agreement.propose'],
] as const;

/** Opens each form by its command, as `who` in `where`, and returns what its submit button would send. */
export async function formSubmitsViaBot(
  t: TeamsTestClient,
  who: TeamsPerson,
  where: Where,
): Promise<Record<(typeof FORMS)[number][1], Record<string, any>>> {
  const forms = {} as Record<(typeof FORMS)[number][1], Record<string, any>>;
  for (const [command, verb] of FORMS) {
    await t.say(command, who, where);
    forms[verb] = submitData(t.lastPostedCard(), verb);
  }
  return forms;
}
