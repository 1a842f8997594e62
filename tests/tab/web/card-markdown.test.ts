import fc from 'fast-check';
import { literal } from '../../../cards/card-kit';
import { cardMarkdownToHtml } from '../../../tab/web/src/components/card-markdown';

/**
 * What a browser shows for the HTML, and which tags it holds. Exact for HTML in which every `<` opens a tag
 * and every `&` starts a numeric character reference, which the first test checks of every output.
 */
function rendered(html: string): { text: string; tags: string[] } {
  const tags = [...html.matchAll(/<\/?([a-z]+)>/g)].map((m) => m[1]!);
  const text = html
    .replace(/<\/?[a-z]+>/g, '')
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)));
  return { text, tags: [...new Set(tags)] };
}

describe(cardMarkdownToHtml.name, () => {
  it('shows typed text exactly as typed, whatever it holds, and makes no element of it', () => {
    const typed = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 120 }),
      fc.constantFrom(
        '<script>alert(1)</script>',
        '<img src=x onerror=alert(1)>',
        '[Pay](javascript:alert(1))',
        '**x**',
        '&amp; &lt;',
      ),
    );
    fc.assert(
      fc.property(typed, (value) => {
        const html = cardMarkdownToHtml(literal(value));
        const wellFormed = !/<(?!\/?(strong|br)>)|&(?!#\d+;)/.test(html);
        const { text, tags } = rendered(html);
        return wellFormed && text === value.replace(/\n/g, '') && tags.every((t) => t === 'br');
      }),
      { numRuns: 2000 },
    );
  });

  it("renders the cards' own bold as bold, around typed text that stays text", () => {
    const html = cardMarkdownToHtml(`${literal('Zoë <b>Ω</b> **x**')} · due Mon · **Overdue**`);
    expect(rendered(html)).toEqual({ text: 'Zoë <b>Ω</b> **x** · due Mon · Overdue', tags: ['strong'] });
  });

  it('shows a bold marker without a partner as typed', () => {
    expect(rendered(cardMarkdownToHtml('a ** b **c** d')).text).toBe('a ** b c d');
  });
});
