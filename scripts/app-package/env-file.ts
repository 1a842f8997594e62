/** A problem with an environment or the package built from it; `message` is meant for the person running the tool. */
export class PackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackageError';
  }
}

const LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/;

/**
 * Parses a `.env` file as the Agents Toolkit and `node --env-file` read it: `NAME=value` lines, `#` comments,
 * values optionally in single or double quotes, `# comment` after an unquoted value. A line that is none of
 * these, or a name given twice, is an error naming the file and line, because a typo here silently changes
 * the app package.
 */
export function parseEnvFile(text: string, fileName: string): Map<string, string> {
  const values = new Map<string, string>();
  text.split(/\r?\n/).forEach((raw, index) => {
    if (/^\s*(#.*)?$/.test(raw)) return;
    const match = LINE.exec(raw);
    if (!match)
      throw new PackageError(`${fileName}:${index + 1}: expected NAME=value, got ${JSON.stringify(raw)}`);
    const name = match[1]!;
    if (values.has(name)) throw new PackageError(`${fileName}:${index + 1}: ${name} is set twice`);
    values.set(name, unquote(match[2]!, `${fileName}:${index + 1}`));
  });
  return values;
}

function unquote(value: string, where: string): string {
  const quote = value[0];
  if (quote === '"' || quote === "'") {
    const end = value.indexOf(quote, 1);
    if (end === -1) throw new PackageError(`${where}: unterminated ${quote} quote`);
    const rest = value.slice(end + 1).trim();
    if (rest !== '' && !rest.startsWith('#'))
      throw new PackageError(`${where}: text after the closing quote`);
    return value.slice(1, end);
  }
  return value.replace(/(^|\s+)#.*$/, '');
}
