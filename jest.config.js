// ESM TypeScript tests, as in the actions/typescript-action template.
export default {
  clearMocks: true,
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  resolver: 'ts-jest-resolver',
  testEnvironment: 'node',
  testMatch: ['**/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', useESM: true, diagnostics: { warnOnly: false } }]
  },
  reporters: ['default', '<rootDir>/test/support/count-reporter.js'],
  testTimeout: 60000,
  // Every core (jest's default leaves one idle): the suites mostly wait on child processes and
  // files, and CI's 2 cores would otherwise run one suite at a time.
  maxWorkers: '100%'
}
