import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

/**
 * Three projects: pure unit tests beside the code, SIP integration tests against a real
 * Kamailio, and browser tests that load the built extension into Debian's Chromium.
 * SIP and browser tests share one registrar per run, so their files run one at a time.
 */
export default defineConfig({
  plugins: [preact()],
  define: { __DEBUG__: 'true' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}'],
          environment: 'node',
          // jsdom component tests are slow to start on a loaded 2-core machine
          testTimeout: 15_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'sip',
          include: ['tests/sip/**/*.test.ts'],
          globalSetup: ['tests/support/kamailio-setup.ts'],
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/support/kamailio-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // The hub answers a change in its own time (a worker waking, session storage): on a
          // loaded 2-core CI machine a state can take more than the default second to show.
          expect: { poll: { timeout: 5_000 } },
        },
      },
    ],
  },
});
