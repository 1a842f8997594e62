import { PackageError } from './env-file';
import type { Environment } from './environment';
import { PLACEHOLDER_RULES } from './placeholder-rules';

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The `${{NAME}}` placeholders used anywhere in a JSON value's strings, sorted. */
export function placeholdersIn(value: unknown): string[] {
  const found = new Set<string>();
  mapStrings(value, (s) => {
    for (const m of s.matchAll(PLACEHOLDER)) found.add(m[1]!);
    return s;
  });
  return [...found].sort();
}

/** The values a template's placeholders resolve to, and warnings about values that only stand in. */
export interface ResolvedValues {
  readonly values: ReadonlyMap<string, string>;
  readonly warnings: readonly string[];
}

/**
 * Resolves each placeholder from the environment and checks it against its rule. Every problem is reported at
 * once, each naming the variable and the file to fix. A value that provisioning or a dev tunnel fills in later
 * may be empty: it is replaced by a stand-in and a warning, unless `strict`.
 */
export function resolvePlaceholders(
  names: readonly string[],
  env: Environment,
  strict: boolean,
): ResolvedValues {
  const where = env.files.join(' or ');
  const problems: string[] = [];
  const warnings: string[] = [];
  const values = new Map<string, string>();
  for (const name of names) {
    const rule = PLACEHOLDER_RULES[name];
    if (!rule) {
      problems.push(
        `manifest/manifest.json uses \${{${name}}}, which scripts/app-package/placeholder-rules.ts does not describe`,
      );
      continue;
    }
    const value = env.values.get(name);
    if (value === undefined) {
      problems.push(`${name} is missing: add ${name}=<${rule.expects}> to ${where}`);
      continue;
    }
    const file = env.sourceOf.get(name)!;
    if (value === '' && rule.later) {
      const message = `${name} is empty in ${file}: ${rule.later.filledBy} sets it`;
      if (strict) problems.push(`${message}; --strict refuses a package without it`);
      else {
        warnings.push(
          `${message}; packaged with the stand-in "${rule.later.standIn}", so Teams cannot use this package yet`,
        );
        values.set(name, rule.later.standIn);
      }
      continue;
    }
    if (!rule.format.safeParse(value).success) {
      problems.push(`${name} in ${file} must be ${rule.expects} (got ${JSON.stringify(value)})`);
      continue;
    }
    if (rule.example?.test(value)) {
      const message = `${name} in ${file} is an example link (${value}); your organisation's page belongs there`;
      if (strict) problems.push(message);
      else warnings.push(message);
    }
    values.set(name, value);
  }
  problems.push(...crossChecks(values, env));
  if (problems.length > 0)
    throw new PackageError(
      `Environment "${env.name}" cannot make an app package:\n  ${problems.join('\n  ')}`,
    );
  return { values, warnings };
}

/** Pairs of values that must agree, because Teams and the server would otherwise disagree about the app. */
function crossChecks(values: ReadonlyMap<string, string>, env: Environment): string[] {
  const problems: string[] = [];
  const domain = values.get('BOT_DOMAIN');
  const url = values.get('PUBLIC_URL');
  if (domain !== undefined && url !== undefined && url !== `https://${domain}`)
    problems.push(`PUBLIC_URL (${url}) must be https://${domain}, the BOT_DOMAIN that Teams trusts`);
  const botId = env.values.get('BOT_ID');
  const appId = env.values.get('MicrosoftAppId');
  if (botId && appId && botId.toLowerCase() !== appId.toLowerCase())
    problems.push(
      `MicrosoftAppId (${appId}, in ${env.sourceOf.get('MicrosoftAppId')}) and BOT_ID (${botId}, in ${env.sourceOf.get('BOT_ID')}) must be the same Entra app`,
    );
  return problems;
}

/** A copy of the template with every placeholder replaced; values go into JSON strings, so need no escaping. */
export function fillPlaceholders<T>(template: T, values: ReadonlyMap<string, string>): T {
  return mapStrings(template, (s) =>
    s.replace(PLACEHOLDER, (_, name: string) => {
      const value = values.get(name);
      if (value === undefined) throw new PackageError(`No value for \${{${name}}}`);
      return value;
    }),
  ) as T;
}

/** A copy of a JSON value with each string passed through `map`; the value itself is left alone. */
function mapStrings(value: unknown, map: (s: string) => string): unknown {
  if (typeof value === 'string') return map(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, map));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, map)]));
  return value;
}
