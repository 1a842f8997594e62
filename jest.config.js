/** Jest runs TypeScript through SWC (fast, no type check); `npm run typecheck` is the type check. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // @microsoft/app-manifest (manifest validation) requires strip-bom, an ES module jest cannot load as is.
    '/strip-bom/index\\.js$': ['@swc/jest', { module: { type: 'commonjs' } }],
    '^.+\\.tsx?$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@microsoft/app-manifest/node_modules/)?strip-bom/)'],
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  testTimeout: 30000,
  maxWorkers: 2,
  // After a full run a worker holds a heap of about 800 MB, and Node takes 0.65 to 0.75 s to tear it down once its
  // last suite is done (measured with nothing left open: no handles but the IPC pipes, no worker threads, no
  // database). Jest's default of 0.5 s force-killed both workers and printed "failed to exit gracefully" on
  // every full run; a real leak still shows, three seconds later.
  workerGracefulExitTimeout: 3000,
};
