// The peer: a bare Fastify route that answers the same JSON from memory, with no contract,
// validation, database, headers or ETags. The ratio to it is the cost of everything the Hub adds.
import Fastify from 'fastify';
import { stopOnSigterm } from './stop.js';

const page: unknown = JSON.parse(process.env.BENCH_PAYLOAD ?? '{}');
const app = Fastify({ logger: false });
app.get('/municipalities', async () => page);
const address = await app.listen({ host: '127.0.0.1', port: 0 });
process.send?.({ address });
stopOnSigterm(app);
