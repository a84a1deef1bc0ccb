import { executeServerCommand } from '@web/test-runner-commands';

/** The servers the test runner starts for a run (web-test-runner.config.js). */
export interface TestServers {
  /** A real Hub on a seeded database. */
  hubUrl: string;
  /** The Hub's admin token, for what an organizer prepares (e.g. a poll's participation codes). */
  adminToken: string;
  /** A loopback address where nothing listens: requests fail as when the Hub is down. */
  unreachableUrl: string;
  /** dist/cdn served byte for byte, as a CDN would, ending in `/`. */
  cdnUrl: string;
}

let servers: Promise<TestServers> | undefined;

export function testServers(): Promise<TestServers> {
  servers ??= executeServerCommand<TestServers | undefined, undefined>('sr-test-servers').then((result) => {
    if (!result) throw new Error('The test runner started no test servers (sr-test-servers plugin missing?).');
    return result;
  });
  return servers;
}
