/**
 * The version (`ETag`) each answer's data came with, kept beside the data rather than in it, so
 * the data stays exactly the contract's shape. An editor sends it back as `If-Match` and the Hub
 * answers `412` when someone changed the entry in the meantime.
 */
const versions = new WeakMap<object, string>();

export function rememberVersion(data: unknown, response: Response): void {
  const etag = response.headers.get('ETag');
  if (etag && typeof data === 'object' && data !== null) versions.set(data, etag);
}

/**
 * The `ETag` of the answer `data` came from (a read, or the answer to a change), for `If-Match`:
 * `hub.PATCH(path, { params: { path, header: { 'If-Match': versionOf(event) } }, body })`.
 * `undefined` for data the client did not get itself or that came without one.
 */
export function versionOf(data: object): string | undefined {
  return versions.get(data);
}
