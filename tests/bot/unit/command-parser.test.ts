import { closestCommand, parseCommand } from '../../../bot/commands/command-parser';

describe(parseCommand.name, () => {
  it.each([
    ['help', 'help'],
    ['  LOG   Meeting ', 'log meeting'],
    ['<at>Partner CRM</at> my actions', 'my actions'],
    ['<at>Partner CRM</at>&nbsp;Partners', 'partners'],
    ['/checkins', 'checkins'],
    ['Export!', 'export'],
    ['<p>new agreement</p>', 'new agreement'],
  ])('reads %j as %s', (typed, command) => {
    expect(parseCommand(typed)).toMatchObject({ kind: 'command', command: { title: command } });
  });

  it('ignores an empty message or a bare mention', () => {
    expect(parseCommand(undefined)).toEqual({ kind: 'empty' });
    expect(parseCommand('<at>Partner CRM</at>  ')).toEqual({ kind: 'empty' });
  });

  it('keeps what was typed, without markup, and suggests the closest command', () => {
    expect(parseCommand('<at>Partner CRM</at> show me the <b>agreemnts</b>')).toMatchObject({
      kind: 'unknown',
      text: 'show me the agreemnts',
    });
  });
});

describe(closestCommand.name, () => {
  it.each([
    ['meeting', 'log meeting'],
    ['evidnce', 'evidence'],
    ['check ins', 'checkins'],
    ['add a partner', 'add partner'],
    ['exprot', 'export'],
    ['actions', 'my actions'],
  ])('suggests %s → %s', (typed, command) => {
    expect(closestCommand(typed).title).toBe(command);
  });
});
