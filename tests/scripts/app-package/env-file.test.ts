import { PackageError, parseEnvFile } from '../../../scripts/app-package/env-file';

describe(parseEnvFile.name, () => {
  it('reads names, values, quotes and comments as the Toolkit and node --env-file do', () => {
    const values = parseEnvFile(
      [
        '# a comment',
        '',
        'TEAMSFX_ENV=dev',
        'APP_NAME_SUFFIX=" (dev)"',
        "SINGLE='quoted # not a comment'",
        'BOT_ID=   # filled in later',
        'PUBLIC_URL=https://x.example.net/#not-a-comment',
        'export LOG_LEVEL=info',
      ].join('\n'),
      'env/.env.dev',
    );
    expect(Object.fromEntries(values)).toEqual({
      TEAMSFX_ENV: 'dev',
      APP_NAME_SUFFIX: ' (dev)',
      SINGLE: 'quoted # not a comment',
      BOT_ID: '',
      PUBLIC_URL: 'https://x.example.net/#not-a-comment',
      LOG_LEVEL: 'info',
    });
  });

  it('refuses a line that is not NAME=value, naming the file and line', () => {
    expect(() => parseEnvFile('A=1\nnot a setting\n', 'env/.env.dev')).toThrow(
      new PackageError('env/.env.dev:2: expected NAME=value, got "not a setting"'),
    );
  });

  it('refuses a name set twice, since one of the two would be silently ignored', () => {
    expect(() => parseEnvFile('BOT_ID=a\nBOT_ID=b\n', 'env/.env.dev')).toThrow(
      'env/.env.dev:2: BOT_ID is set twice',
    );
  });

  it('refuses an unterminated quote', () => {
    expect(() => parseEnvFile('A="open\n', 'f')).toThrow('f:1: unterminated " quote');
  });
});
