import { rmSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { buildAppPackage } from '../../scripts/app-package/app-package';
import { environmentNames } from '../../scripts/app-package/environment';
import { iconProblems } from '../../scripts/app-package/icon-checks';
import { schemaErrors } from '../../scripts/app-package/manifest-schema';
import { committedFilesCopy, ROOT } from './committed-package';

const ENVIRONMENTS = environmentNames(ROOT);

describe('the app package of each committed environment', () => {
  let root: string;
  beforeAll(() => (root = committedFilesCopy()));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('covers the environments the Toolkit files use', () => {
    expect(ENVIRONMENTS).toEqual(expect.arrayContaining(['dev', 'local']));
  });

  it.each(ENVIRONMENTS)(
    '"%s" zips a manifest that validates against the official schema, and both icons',
    async (env) => {
      const pkg = await buildAppPackage({ root, envName: env });
      const files = unzipSync(pkg.zip);
      // Teams wants exactly these, at the root of the zip.
      expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
      const manifestText = Buffer.from(files['manifest.json']!).toString('utf8');
      expect(manifestText).not.toContain('${{');
      const manifest = JSON.parse(manifestText) as Record<string, unknown>;
      await expect(schemaErrors(manifest)).resolves.toEqual([]);
      expect(manifest.manifestVersion).toBe('1.30');
      expect(iconProblems('color', 'color.png', Buffer.from(files['color.png']!))).toEqual([]);
      expect(iconProblems('outline', 'outline.png', Buffer.from(files['outline.png']!))).toEqual([]);
    },
  );

  it.each(ENVIRONMENTS)('"%s" gives the same bytes every time', async (env) => {
    const first = await buildAppPackage({ root, envName: env });
    const second = await buildAppPackage({ root, envName: env });
    expect(Buffer.from(second.zip).equals(Buffer.from(first.zip))).toBe(true);
  });

  it('"dev" carries its committed addresses and says which values only stand in until provisioning', async () => {
    const pkg = await buildAppPackage({ root, envName: 'dev' });
    const manifest = pkg.manifest as {
      validDomains: string[];
      webApplicationInfo: { id: string; resource: string };
      staticTabs: { contentUrl?: string }[];
    };
    expect(manifest.validDomains).toEqual(['partner-crm-dev.azurewebsites.net']);
    expect(manifest.staticTabs[0]!.contentUrl).toBe('https://partner-crm-dev.azurewebsites.net/tab/#/mine');
    expect(manifest.webApplicationInfo.resource).toBe(
      'api://partner-crm-dev.azurewebsites.net/botid-00000000-0000-0000-0000-000000000000',
    );
    expect(pkg.warnings.map((w) => w.split(' ')[0])).toEqual([
      'BOT_ID',
      'DEVELOPER_PRIVACY_URL',
      'DEVELOPER_TERMS_URL',
      'DEVELOPER_WEBSITE_URL',
      'TEAMS_APP_ID',
    ]);
    await expect(buildAppPackage({ root, envName: 'dev', strict: true })).rejects.toThrow(/--strict refuses/);
  });

  it('refuses an environment that does not exist, listing those that do', async () => {
    await expect(buildAppPackage({ root, envName: 'nowhere' })).rejects.toThrow(
      /^No environment "nowhere": env\/\.env\.nowhere does not exist \(environments: dev, local/,
    );
  });
});
