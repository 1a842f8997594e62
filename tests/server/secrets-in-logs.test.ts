import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENTRA_APP, entraEnv } from '../support/entra-app';
import { FakeOpenIdIssuer } from '../support/fake-openid';
import { startServerProcess, type ServerProcess } from '../../testkit/server-process';

const { appId: APP_ID, tenantId: TENANT } = ENTRA_APP;
const PASSWORD = 'Pw~cl1ent-secret-that-must-never-be-logged';
const LINK_SECRET = 'link-signing-secret-that-must-never-be-logged-0123456789';

/** The server as deployed (its own process, debug logging): what it writes must hold no secret or token. */
describe('secrets never logged', () => {
  let entra: FakeOpenIdIssuer;
  let server: ServerProcess;
  let dataDir: string;

  beforeAll(async () => {
    entra = await FakeOpenIdIssuer.start();
    dataDir = mkdtempSync(join(tmpdir(), 'secrets-'));
    server = await startServerProcess(
      entraEnv({
        LOG_LEVEL: 'debug',
        DATA_DIR: dataDir,
        REMINDER_TICK_MS: '0',
        MicrosoftAppPassword: PASSWORD,
        LINK_SIGNING_SECRET: LINK_SECRET,
        TAB_SSO_JWKS_URL: entra.jwksUrl,
        ToBotFromChannelOpenIdMetadataUrl: entra.metadataUrl,
        ToBotFromEmulatorOpenIdMetadataUrl: entra.metadataUrl,
      }),
    );
  });
  afterAll(async () => {
    server.child.kill('SIGTERM');
    await server.exited;
    await entra.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes no password, signing secret or bearer token, whatever it refuses', async () => {
    const tokens = [
      entra.token({
        claims: { aud: APP_ID, tid: TENANT, oid: TENANT, scp: 'access_as_user' },
        badSignature: true,
      }),
      entra.token({ claims: { aud: 'someone-else' }, expiresIn: -3600 }),
    ];
    for (const token of tokens) {
      await fetch(`${server.url}/api/v1/partners`, { headers: { authorization: `Bearer ${token}` } });
      await fetch(`${server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          type: 'message',
          channelId: 'msteams',
          serviceUrl: 'https://smba.trafficmanager.net/emea/',
          conversation: { id: 'a:1' },
          from: { id: '29:1' },
          text: 'hello',
        }),
      });
    }
    await new Promise((r) => setTimeout(r, 200));
    const logs = server.logs.join('\n');
    // The refusals were logged (so the check below reads real output), with reasons but no credentials.
    expect(logs).toContain('activity refused: its token is not valid');
    expect(logs).toContain('API call refused: sign-in token not valid');
    for (const secret of [PASSWORD, LINK_SECRET, ...tokens, ...tokens.map((t) => t.split('.')[2]!)])
      expect(logs).not.toContain(secret);
  });
});
