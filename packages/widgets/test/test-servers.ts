import { executeServerCommand } from '@web/test-runner-commands';

/** The servers the test runner starts for a run (web-test-runner.config.js). */
export interface TestServers {
  /** A real Hub on a seeded database. */
  hubUrl: string;
  /** The Hub's admin token: a region admin's rights (writes for any organization, organizer views of results). */
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

/**
 * A new key of the organization with every scope a key may hold, for what only the organization
 * itself does (participation codes, reading volunteer responses).
 */
export async function organizerKey(organizationId: string): Promise<string> {
  const key = await executeServerCommand<string | undefined, { organizationId: string }>('sr-organizer-key', { organizationId });
  if (!key) throw new Error('The test runner made no key (sr-test-servers plugin missing?).');
  return key;
}
