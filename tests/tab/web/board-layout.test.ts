import type { AgreedAction, Partner } from '../../../tab/web/src/api/api-types';
import { groupActions } from '../../../tab/web/src/views/action-groups';
import { chainColumns } from '../../../tab/web/src/views/chain-layout';

const partner = (name: string, direction: 'upstream' | 'downstream', stage: number): Partner => ({
  id: name,
  spaceId: 'team:t',
  name,
  kind: 'contractor',
  side: 'external',
  chain: { direction, stage },
  contacts: [],
  relationshipOwnerId: 'per_1',
  informationSources: [],
  status: 'active',
  version: 1,
});

const action = (
  id: string,
  status: AgreedAction['status'],
  dueDate: string,
  ownerId = 'per_1',
): AgreedAction => ({
  id,
  spaceId: 'team:t',
  title: id,
  ownerId,
  dueDate,
  status,
  version: 1,
  createdBy: ownerId,
});

describe(chainColumns.name, () => {
  it('runs from the furthest upstream stage through our team and downstream to the customer', () => {
    const columns = chainColumns([
      partner('Parts', 'upstream', 2),
      partner('Depot', 'upstream', 1),
      partner('Carrier', 'upstream', 1),
      partner('Surveys', 'downstream', 3),
    ]);
    expect(columns.map((c) => `${c.title}: ${c.partners.map((p) => p.name).join(',')}`)).toEqual([
      'Upstream 2: Parts',
      'Upstream 1: Carrier,Depot',
      'Our team: ',
      'Downstream 3: Surveys',
      'End-user customer: ',
    ]);
  });
});

describe(groupActions.name, () => {
  const actions = [
    action('late', 'open', '2026-03-01', 'per_2'),
    action('soon', 'in_progress', '2026-03-05'),
    action('later', 'blocked', '2026-04-01'),
    action('finished', 'done', '2026-02-01'),
  ];
  const people = {
    per_1: { id: 'per_1', kind: 'user' as const, displayName: 'Megan' },
    per_2: { id: 'per_2', kind: 'user' as const, displayName: 'Alex' },
  };

  it('groups by status in the board’s column order', () => {
    expect(
      groupActions(actions, 'status', people, '2026-03-02').map((g) => [g.key, g.actions.length]),
    ).toEqual([
      ['open', 1],
      ['in_progress', 1],
      ['blocked', 1],
      ['done', 1],
    ]);
  });

  it('groups by owner, A to Z by name', () => {
    expect(groupActions(actions, 'owner', people, '2026-03-02').map((g) => g.title)).toEqual([
      'Alex',
      'Megan',
    ]);
  });

  it('groups what is still to do by due date: overdue, within a week, later', () => {
    expect(
      groupActions(actions, 'due', people, '2026-03-02').map((g) => [g.key, g.actions.map((a) => a.id)]),
    ).toEqual([
      ['overdue', ['late']],
      ['week', ['soon']],
      ['later', ['later']],
    ]);
  });
});
