// How every bench server ends: the bench sends SIGTERM when its measurement is done.

/** On SIGTERM: closes the server, then `cleanUp` (a throwaway database, a pool), then exits. */
export function stopOnSigterm(server: { close(): Promise<unknown> }, cleanUp: () => Promise<unknown> = async () => {}): void {
  process.on(
    'SIGTERM',
    () =>
      void server
        .close()
        .then(cleanUp)
        .then(() => process.exit(0)),
  );
}
