import { HttpProblem } from '../../tab/api/api-errors';
import { localIdentity, PLAYGROUND_IDENTITY } from '../../tab/api/local-identity';

describe(localIdentity.name, () => {
  it('acts as the Playground user for loopback callers', () => {
    expect(localIdentity({}, '127.0.0.1')).toEqual(PLAYGROUND_IDENTITY);
    expect(localIdentity({}, '::ffff:127.0.0.1')).toEqual(PLAYGROUND_IDENTITY);
    expect(localIdentity({}, '::1')).toEqual(PLAYGROUND_IDENTITY);
  });

  it('lets x-dev headers choose another identity', () => {
    const identity = localIdentity(
      {
        'x-dev-user-id': '00000000-0000-0000-0000-0000000000021',
        'x-dev-user-name': 'Megan Bowen',
        'x-dev-tenant-id': 'contoso',
      },
      '127.0.0.1',
    );
    expect(identity).toEqual({
      tenantId: 'contoso',
      user: { aadObjectId: '00000000-0000-0000-0000-0000000000021', displayName: 'Megan Bowen' },
    });
  });

  it.each(['10.0.0.5', '192.168.1.20', '::ffff:10.0.0.5', undefined])(
    'refuses a caller from %s',
    (address) => {
      expect(() => localIdentity({}, address)).toThrow(HttpProblem);
    },
  );

  it('refuses a malformed user id header', () => {
    expect(() => localIdentity({ 'x-dev-user-id': "1' OR 1=1" }, '127.0.0.1')).toThrow(
      'x-dev-user-id must be an Entra object id (a GUID)',
    );
  });
});
