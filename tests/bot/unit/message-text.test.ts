import { htmlToText, typedText } from '../../../bot/message-text';

describe(htmlToText.name, () => {
  it('keeps paragraphs and line breaks, drops markup and decodes references', () => {
    expect(
      htmlToText('<p>Hi <b>Priya</b> &amp; team</p><p>Line one<br/>Line two &#x1F600; &#39;ok&#39;</p>'),
    ).toBe("Hi Priya & team\nLine one\nLine two 😀 'ok'");
  });

  it('lists items and never runs scripts’ text into the minutes', () => {
    expect(htmlToText('<ul><li>One</li><li>Two</li></ul><script>alert(1)</script>')).toBe('• One\n• Two');
  });

  it('leaves unknown or impossible references as they were', () => {
    expect(htmlToText('&bogus; &#99999999;')).toBe('&bogus; &#99999999;');
  });
});

describe(typedText.name, () => {
  it('drops mentions and collapses spaces', () => {
    expect(typedText('<at>Partner CRM</at>\n  log   meeting')).toBe('log meeting');
  });
});
