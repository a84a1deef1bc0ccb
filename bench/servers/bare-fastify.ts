// The peer: bare Fastify routes that answer the same JSON as the Hub from memory, serialized per
// request as the Hub's answers are, with no contract, validation, database, headers or ETags.
// The ratio to it is the cost of everything the Hub adds. BENCH_ROUTES: {"<path>": <body>, …}.
import Fastify from 'fastify';
import { stopOnSigterm } from './stop.js';

const routes = JSON.parse(process.env.BENCH_ROUTES ?? '{}') as Record<string, unknown>;
const app = Fastify({ logger: false });
for (const [path, body] of Object.entries(routes)) app.get(path, async () => body);
const address = await app.listen({ host: '127.0.0.1', port: 0 });
process.send?.({ address });
stopOnSigterm(app);
