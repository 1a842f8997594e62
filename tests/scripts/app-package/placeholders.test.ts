import type { Environment } from '../../../scripts/app-package/environment';
import { NIL_GUID } from '../../../scripts/app-package/placeholder-rules';
import {
  fillPlaceholders,
  placeholdersIn,
  resolvePlaceholders,
} from '../../../scripts/app-package/placeholders';

const BOT = '5b6d7c8e-1f2a-4b3c-9d4e-5f6a7b8c9d0e';

/** An environment read from one committed file, as loadEnvironment builds it. */
function anEnvironment(values: Record<string, string>, file = 'env/.env.test'): Environment {
  return {
    name: 'test',
    values: new Map(Object.entries(values)),
    sourceOf: new Map(Object.keys(values).map((k) => [k, file])),
    files: [file],
  };
}

const COMPLETE = {
  BOT_ID: BOT,
  BOT_DOMAIN: 'partner-crm.azurewebsites.net',
  PUBLIC_URL: 'https://partner-crm.azurewebsites.net',
};

describe(placeholdersIn.name, () => {
  it('finds each ${{NAME}} once, in any string at any depth', () => {
    const template = {
      id: '${{TEAMS_APP_ID}}',
      bots: [{ botId: '${{BOT_ID}}' }],
      webApplicationInfo: { resource: 'api://${{BOT_DOMAIN}}/botid-${{BOT_ID}}' },
      accentColor: '#146C75',
    };
    expect(placeholdersIn(template)).toEqual(['BOT_DOMAIN', 'BOT_ID', 'TEAMS_APP_ID']);
  });
});

describe(resolvePlaceholders.name, () => {
  it('takes each value from the environment when it has the right form', () => {
    const { values, warnings } = resolvePlaceholders(Object.keys(COMPLETE), anEnvironment(COMPLETE), false);
    expect(Object.fromEntries(values)).toEqual(COMPLETE);
    expect(warnings).toEqual([]);
  });

  it('refuses a variable no file sets, naming it and the files to add it to', () => {
    const env = { ...anEnvironment({ BOT_ID: BOT }), files: ['env/.env.test', 'env/.env.test.user'] };
    expect(() => resolvePlaceholders(['BOT_ID', 'BOT_DOMAIN'], env, false)).toThrow(
      /BOT_DOMAIN is missing: add BOT_DOMAIN=<the host name Teams reaches the app at, such as partner-crm\.azurewebsites\.net> to env\/\.env\.test or env\/\.env\.test\.user/,
    );
  });

  it('refuses a malformed value, saying what it should be and where it came from', () => {
    const env = anEnvironment({ ...COMPLETE, BOT_ID: 'not-a-guid' });
    expect(() => resolvePlaceholders(['BOT_ID'], env, false)).toThrow(
      `BOT_ID in env/.env.test must be the bot's Entra app (client) id, a GUID (got "not-a-guid")`,
    );
  });

  it('stands in for an id that provisioning has not created yet, and says so', () => {
    const { values, warnings } = resolvePlaceholders(['BOT_ID'], anEnvironment({ BOT_ID: '' }), false);
    expect(values.get('BOT_ID')).toBe(NIL_GUID);
    expect(warnings).toEqual([expect.stringMatching(/^BOT_ID is empty in env\/\.env\.test: provisioning/)]);
  });

  it('refuses stand-ins and example links when strict', () => {
    expect(() => resolvePlaceholders(['BOT_ID'], anEnvironment({ BOT_ID: '' }), true)).toThrow(
      /BOT_ID is empty .* --strict refuses/,
    );
    const env = anEnvironment({ DEVELOPER_PRIVACY_URL: 'https://www.example.com/privacy' });
    expect(resolvePlaceholders(['DEVELOPER_PRIVACY_URL'], env, false).warnings).toHaveLength(1);
    expect(() => resolvePlaceholders(['DEVELOPER_PRIVACY_URL'], env, true)).toThrow(/is an example link/);
  });

  it('refuses a required value left empty', () => {
    expect(() =>
      resolvePlaceholders(['DEVELOPER_NAME'], anEnvironment({ DEVELOPER_NAME: '' }), false),
    ).toThrow(/DEVELOPER_NAME in env\/\.env\.test must be the publishing organisation/);
  });

  it('refuses a PUBLIC_URL on another host than BOT_DOMAIN, which Teams would not trust', () => {
    const env = anEnvironment({ ...COMPLETE, PUBLIC_URL: 'https://elsewhere.azurewebsites.net' });
    expect(() => resolvePlaceholders(Object.keys(COMPLETE), env, false)).toThrow(
      'PUBLIC_URL (https://elsewhere.azurewebsites.net) must be https://partner-crm.azurewebsites.net',
    );
  });

  it("refuses a server MicrosoftAppId that is not the manifest's bot", () => {
    const env = anEnvironment({ ...COMPLETE, MicrosoftAppId: '11111111-2222-3333-4444-555555555555' });
    expect(() => resolvePlaceholders(['BOT_ID'], env, false)).toThrow(
      /MicrosoftAppId .* and BOT_ID .* must be the same/,
    );
  });

  it('refuses a placeholder that has no rule, so none reaches a package unchecked', () => {
    expect(() =>
      resolvePlaceholders(['SOMETHING_NEW'], anEnvironment({ SOMETHING_NEW: 'x' }), false),
    ).toThrow(
      /uses \$\{\{SOMETHING_NEW\}\}, which scripts\/app-package\/placeholder-rules\.ts does not describe/,
    );
  });
});

describe(fillPlaceholders.name, () => {
  it('replaces every placeholder and leaves the template untouched', () => {
    const template = { resource: 'api://${{BOT_DOMAIN}}/botid-${{BOT_ID}}', list: ['${{BOT_ID}}', 3] };
    const filled = fillPlaceholders(template, new Map(Object.entries(COMPLETE)));
    expect(filled).toEqual({
      resource: `api://partner-crm.azurewebsites.net/botid-${BOT}`,
      list: [BOT, 3],
    });
    expect(template.list[0]).toBe('${{BOT_ID}}');
  });
});
