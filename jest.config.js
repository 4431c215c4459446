// Every test runs at UTC+7 (VNPT's zone, and not UTC), so that a vendor time read in the machine's own
// zone fails here as it would on a server outside UTC. Set before any worker starts: workers inherit it.
process.env.TZ = 'Asia/Ho_Chi_Minh';

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // Type checking runs once in `npm run typecheck`; per-file transpilation keeps jest fast on 2 cores.
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
  },
  setupFiles: ['reflect-metadata'],
  testTimeout: 20000,
};
