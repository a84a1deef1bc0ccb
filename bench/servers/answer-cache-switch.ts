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

/**
 * `POST /bench/search-index?use=0|1`: help searches from the Hub's index in memory (answers once
 * it is built), or each in the database.
 */
export function registerSearchIndexSwitch(app: FastifyInstance): void {
  app.post<{ Querystring: { use: string } }>('/bench/search-index', async (request) => {
    const index = app.helpSearchIndex!;
    index.enabled = request.query.use === '1';
    const until = Date.now() + 120_000;
    while (index.enabled && !index.ready) {
      if (Date.now() > until) throw new Error('the search index was not built within 2 minutes');
      await index.build();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return { ready: index.ready };
  });
}
