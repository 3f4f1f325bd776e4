// End-to-end tests against the production build: `npx next build` once, then `npx playwright test`.
// The server is the real one (`node scripts/start.mjs`: migrate, seed, then scripts/server.mjs) on its own
// database file, so a test run never touches data/atlas.db. Chromium is the system one; no
// browser is ever downloaded. Set E2E_BASE_URL to test a server that is already running.
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/chromium.mjs';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const external = process.env.E2E_BASE_URL;
const baseURL = external ?? `http://localhost:${PORT}`;

/** process.env without its undefined entries, which the webServer option does not accept. */
const env = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));

export default defineConfig({
  testDir: 'tests/e2e',
  // Two shared cores and one server: tests in one file run in order, files one at a time. Two
  // workers were tried: the map's first idle is CPU-bound (SwiftShader), so each test took twice
  // as long and the suite no less. E2E_WORKERS changes it on a machine with more cores.
  workers: Number(process.env.E2E_WORKERS) || 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // CI keeps only what the run prints, so it gets the list and no trace: recording a trace of
  // every test cost about a tenth of the suite's time on two cores (3.4 min against 3.0 for the
  // a11y spec). Locally a failed test keeps its trace.
  reporter: [['list']],
  use: {
    baseURL,
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: 'UTC',
    trace: process.env.CI ? 'off' : 'retain-on-failure',
    // SwiftShader gives headless Chromium WebGL2, which MapLibre needs to draw anything.
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
  },
  webServer: external
    ? undefined
    : {
        command: 'node scripts/start.mjs',
        url: `${baseURL}/api/routes`,
        env: {
          ...env,
          PORT: String(PORT),
          DATABASE_URL: process.env.E2E_DATABASE_URL ?? 'file:./data/e2e.db',
          NEXT_TELEMETRY_DISABLED: '1',
        },
        reuseExistingServer: !process.env.CI,
        // start.mjs builds when no build exists yet; on two cores that takes minutes.
        timeout: 600_000,
        stdout: 'pipe',
        stderr: 'pipe',
      },
});
