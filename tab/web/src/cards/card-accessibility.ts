/**
 * Mends what the `adaptivecards` SDK leaves out for screen readers in a rendered card. Returns a function that
 * stops the mending (call it when the card is replaced).
 *
 * - Headings: the SDK marks heading-style text as role="heading" without a level; cards sit under the page's own
 *   headings, so theirs are level 3.
 * - Typeahead inputs (a people picker, `Data.Query` choices): the SDK names the box around the text field with
 *   the label (and, after a failed check, the error message), not the field itself, so the field has no name.
 *   The field gets the box's `aria-labelledby`, kept in step as errors come and go.
 */
export function mendCardAccessibility(rendered: HTMLElement): () => void {
  for (const heading of rendered.querySelectorAll('[role="heading"]:not([aria-level])'))
    heading.setAttribute('aria-level', '3');

  const fields = [...rendered.querySelectorAll<HTMLInputElement>('input.ac-choiceSetInput-filtered-textbox')];
  const nameFromBox = (field: HTMLInputElement) => {
    const labelledBy = field.parentElement?.getAttribute('aria-labelledby');
    if (labelledBy) field.setAttribute('aria-labelledby', labelledBy);
    else field.removeAttribute('aria-labelledby');
  };
  fields.forEach(nameFromBox);
  const observer = new MutationObserver((changes) => {
    for (const change of changes) {
      const field = fields.find((f) => f.parentElement === change.target);
      if (field) nameFromBox(field);
    }
  });
  for (const field of fields)
    if (field.parentElement)
      observer.observe(field.parentElement, { attributes: true, attributeFilter: ['aria-labelledby'] });
  return () => observer.disconnect();
}
