// Two projects: fast unit tests (pure rules, core) and end-to-end suites that start the system.
// ts-jest only transpiles (isolatedModules in tsconfig.json); `npm run build` type-checks.
const base = {
  testEnvironment: 'node',
  // Build output and data folders hold copies of the sources and tests; never run them.
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/data/'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
};

module.exports = {
  testTimeout: 60_000,
  // No watchman: where it is installed but not running, Jest waits on it instead of crawling.
  watchman: false,
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: ['<rootDir>/{core,gateway,subgraphs,launcher}/**/__tests__/**/*.test.ts'],
      testPathIgnorePatterns: [...base.testPathIgnorePatterns, '\\.e2e\\.test\\.ts$'],
    },
    // Through the gateway over HTTP: test/ for cross-cutting suites, *.e2e.test.ts beside each subgraph.
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/subgraphs/**/__tests__/**/*.e2e.test.ts'] },
  ],
};
