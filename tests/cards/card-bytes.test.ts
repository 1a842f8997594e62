import { cardBytes } from '../../cards/card-kit';

describe(cardBytes.name, () => {
  const card = (text: string) => ({ type: 'AdaptiveCard', body: [{ type: 'TextBlock', text }] });
  const asciiSize = JSON.stringify(card('')).length;

  it('counts an all-ASCII card one byte a character', () => {
    expect(cardBytes(card('Meeting logged'))).toBe(asciiSize + 'Meeting logged'.length);
  });

  it('counts characters outside ASCII as UTF-8 writes them: 2, 3 and 4 bytes', () => {
    expect(cardBytes(card('é'))).toBe(asciiSize + 2);
    expect(cardBytes(card('€'))).toBe(asciiSize + 3);
    expect(cardBytes(card('🤝'))).toBe(asciiSize + 4);
  });

  it('counts the bytes of JSON escapes, not the characters they stand for', () => {
    expect(cardBytes(card('line one\nline two "quoted"'))).toBe(
      asciiSize + 'line one\\nline two \\"quoted\\"'.length,
    );
  });
});
