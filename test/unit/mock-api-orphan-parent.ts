/**
 * Test fixture for mock-api-process.test.ts: starts the mock in a child process, prints its URL and waits
 * to be killed, so the test can check that the mock dies with its parent.
 */
import { startMockApi } from '../../dev/mock-api/process';

startMockApi().then(
  (handle) => {
    console.log(JSON.stringify({ baseUrl: handle.baseUrl }));
    setInterval(() => undefined, 60_000);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
