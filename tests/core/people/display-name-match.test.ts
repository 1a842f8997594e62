import { comparableName, matchDisplayName } from '../../../core/people/display-name-match';

const PEOPLE = [
  { value: 'aad-megan', displayName: 'Megan Bowen' },
  { value: 'per-priya', displayName: 'Priya Shah' },
  { value: 'aad-zoe', displayName: 'Zoë O’Brien' },
  { value: 'aad-alex-w', displayName: 'Alex Wilber' },
  { value: 'aad-alex-j', displayName: 'Alex Johnson' },
  { value: 'aad-jose', displayName: 'José Álvarez (Contoso)' },
];

describe(matchDisplayName.name, () => {
  it.each([
    ['Megan Bowen', 'aad-megan'],
    ['megan bowen', 'aad-megan'],
    ['  MEGAN   BOWEN ', 'aad-megan'],
    ['Zoe OBrien', 'aad-zoe'],
    ["zoe o'brien", 'aad-zoe'],
    ['Jose Alvarez', 'aad-jose'],
    ['Shah, Priya', 'per-priya'],
    ['Priya', 'per-priya'],
  ])('matches “%s” whatever its case, accents and punctuation', (name, value) => {
    expect(matchDisplayName(name, PEOPLE)?.value).toBe(value);
  });

  it.each([
    ['Alex', 'two people share the first name'],
    ['Jordan Ellis', 'nobody has the name'],
    ['Megan Smith', 'only the first name fits'],
    ['', 'no name was given'],
    [undefined, 'no name was given'],
  ])('leaves “%s” for the supervisor to pick: %s', (name, _why) => {
    expect(matchDisplayName(name, PEOPLE)).toBeUndefined();
  });

  it('takes one person listed twice (a colleague in the chat and a picker choice) as one', () => {
    const twice = [...PEOPLE, { value: 'aad-megan', displayName: 'megan bowen' }];
    expect(matchDisplayName('Megan Bowen', twice)?.value).toBe('aad-megan');
  });

  it('compares names as people read them', () => {
    expect(comparableName('Zoë  O’Brien-Smith')).toBe('zoe obriensmith');
  });
});
