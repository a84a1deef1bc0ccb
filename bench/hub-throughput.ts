import { requestsPerSecond, startServer, type Row } from './lib.js';

/** `GET /municipalities` through the whole Hub, against a bare Fastify route with the same JSON. */
export async function hubThroughput(seconds: number): Promise<Row[]> {
  const hub = await startServer('./servers/hub.ts');
  const url = `${hub.address}/municipalities?limit=20`;
  const payload = await (await fetch(url)).text();
  // Warm-up: the first requests compile the route's validators and serializers.
  await requestsPerSecond(url, 1);
  const ours = await requestsPerSecond(url, seconds);
  await hub.stop();

  const bare = await startServer('./servers/bare-fastify.ts', { BENCH_PAYLOAD: payload });
  await requestsPerSecond(`${bare.address}/municipalities`, 1);
  const peer = await requestsPerSecond(`${bare.address}/municipalities`, seconds);
  await bare.stop();

  if (ours.errors > 0 || peer.errors > 0) throw new Error(`errors during the run: hub ${ours.errors}, bare ${peer.errors}`);
  return [
    {
      benchmark: `GET /municipalities?limit=20 (PGlite, ${seconds} s, 10 connections)`,
      ours: `${Math.round(ours.rps)} req/s (p99 ${ours.p99} ms)`,
      peer: `bare Fastify route: ${Math.round(peer.rps)} req/s (p99 ${peer.p99} ms)`,
      ratio: `${(ours.rps / peer.rps).toFixed(2)}×`,
      note: 'the Hub validates, queries the database, sets security headers and ETags; the peer returns a constant',
    },
  ];
}
