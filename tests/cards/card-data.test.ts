import { textInput } from '../../cards/card-data';

describe(textInput.name, () => {
  const title = textInput(5, 'Title');

  it('counts characters, not UTF-16 units: five emoji fit a five-character limit and six do not', () => {
    expect(title.safeParse('🙂🙂🙂🙂🙂').success).toBe(true);
    expect(title.safeParse('🙂🙂🙂🙂🙂🙂').error?.issues[0]?.message).toBe(
      'Title must be at most 5 characters',
    );
  });

  it('takes plain text up to the limit and refuses one character more', () => {
    expect(title.safeParse('abcde').data).toBe('abcde');
    expect(title.safeParse('abcdef').success).toBe(false);
  });
});
