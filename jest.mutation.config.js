const base = require('./jest.config');

/**
 * The jest run StrykerJS uses (`npm run test:mutation`, see stryker.config.json): the unit tests of
 * `datasources/`, `resolvers/` and the pure parts of `src/` it mutates (idempotency records, errors and
 * keys, the event codec), which drive the real code against literal expectations and capture
 * servers on port 0 without starting the whole subgraph. Left out: the integration and e2e tests (each
 * file starts the app, its simulators or child processes, seconds per mutant) and unit tests of code
 * Stryker does not mutate (config, deploy files, stores, the sliding-window logs, logging, the simulators themselves), and the
 * SDL drift check, which builds the whole schema and guards the GraphQL declaration files that
 * stryker.config.json leaves out of `mutate` (types, inputs, results, enums registration, resolver classes).
 * @type {import('jest').Config}
 */
module.exports = {
  ...base,
  // The sources are roots too, so that jest's `--findRelatedTests` (which Stryker uses for static mutants) sees them.
  roots: ['<rootDir>/test/unit', '<rootDir>/datasources', '<rootDir>/resolvers', '<rootDir>/src'],
  testPathIgnorePatterns: [
    '/node_modules/',
    '<rootDir>/test/unit/client/',
    '<rootDir>/test/unit/config/',
    '<rootDir>/test/unit/deploy/',
    '<rootDir>/test/unit/docs/',
    '<rootDir>/test/unit/invitation/invitation-resolver.test.ts',
    '<rootDir>/test/unit/logging/',
    // The sliding-window logs belong to src/stores (not mutated); the limiter and the call budget are mutated.
    '<rootDir>/test/unit/quota/(?!action-rate-limiter|request-scope)',
    '<rootDir>/test/unit/schema/',
    '<rootDir>/test/unit/sandbox/',
    '<rootDir>/test/unit/stores/',
    '<rootDir>/test/unit/vendors/',
  ],
};
