function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A backslash escape, a bold marker, a line break, or a run of other text. */
const TOKEN = /\\([!-/:-@[-`{-~])|(\*\*)|(\n)|([^\\*\n]+|[\\*])/g;

/**
 * Which bold markers pair up, as CommonMark pairs them: an opening marker is followed by a non-space, a
 * closing one preceded by one. Markers that pair with nothing are shown as typed.
 */
function boldPairs(markdown: string, markers: readonly RegExpMatchArray[]): Set<RegExpMatchArray> {
  const paired = new Set<RegExpMatchArray>();
  let opener: RegExpMatchArray | undefined;
  for (const m of markers) {
    const before = markdown[m.index! - 1] ?? ' ';
    const after = markdown[m.index! + 2] ?? ' ';
    if (opener && !/\s/.test(before)) {
      paired.add(opener).add(m);
      opener = undefined;
    } else if (!/\s/.test(after)) opener = m;
  }
  return paired;
}

/**
 * The Markdown the cards use, as Teams shows it: backslash escapes (how cards show typed text as typed) and
 * **bold** (the cards' own status labels). Everything else is text, HTML-escaped: the result goes into the
 * page as HTML, so nothing typed can become a tag, a link or a script.
 */
export function cardMarkdownToHtml(markdown: string): string {
  const tokens = [...markdown.matchAll(TOKEN)];
  const bold = boldPairs(
    markdown,
    tokens.filter((t) => t[2]),
  );
  let open = false;
  let html = '';
  for (const t of tokens) {
    if (t[1] !== undefined) html += escapeHtml(t[1]);
    else if (bold.has(t)) {
      html += open ? '</strong>' : '<strong>';
      open = !open;
    } else if (t[3]) html += '<br>';
    else html += escapeHtml(t[0]);
  }
  return html;
}
