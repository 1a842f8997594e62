import { spaceOfContext, themeNameOf } from '../../../tab/web/src/teams/space-of-context';

describe(spaceOfContext.name, () => {
  it('shows a channel tab its team’s board, a chat tab its chat’s, a personal tab the user’s own', () => {
    expect(spaceOfContext({ teamInternalId: '19:abc@thread.tacv2', chatId: 'x', userId: 'u' })).toBe(
      'team:19:abc@thread.tacv2',
    );
    expect(spaceOfContext({ chatId: '19:chat@thread.v2', userId: 'u' })).toBe('chat:19:chat@thread.v2');
    expect(spaceOfContext({ userId: '6f1c0000-0000-4000-8000-000000000001' })).toBe(
      'personal:6f1c0000-0000-4000-8000-000000000001',
    );
    expect(spaceOfContext({})).toBeUndefined();
  });

  it('styles Teams’ default, dark and high-contrast themes, and anything unknown as default', () => {
    expect(['default', 'dark', 'contrast', 'glass', null].map(themeNameOf)).toEqual([
      'default',
      'dark',
      'contrast',
      'default',
      'default',
    ]);
  });
});
