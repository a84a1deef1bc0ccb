import type { FastifyInstance } from 'fastify';

/**
 * `POST /bench/answer-cache?keep=0|1`: the Hub's answer cache off, to time the work behind an
 * answer (a query nobody asked this minute), or on, to time repeats as the Hub serves them.
 */
export function registerAnswerCacheSwitch(app: FastifyInstance): void {
  app.post<{ Querystring: { keep: string } }>('/bench/answer-cache', async (request) => {
    app.answerCache!.setLive(request.query.keep === '1');
    return { live: app.answerCache!.live };
  });
}
