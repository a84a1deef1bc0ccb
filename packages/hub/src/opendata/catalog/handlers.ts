import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Handlers } from '../../http/api.js';
import { licenceLinkHeader } from '../licence.js';
import { catalogFacts } from './facts.js';
import { catalogGraph, type CatalogOptions } from './graph.js';
import { toJsonLd } from './jsonld.js';
import { toTurtle } from './turtle.js';

type JsonLdCatalog = Awaited<ReturnType<Handlers['getDataCatalog']>>;

/** The DCAT-AP.de catalogue of the datasets (`/open-data/catalog.*`), made from the live data on every request. */
export function catalogHandlers(db: Kysely<Database>, options: CatalogOptions): Pick<Handlers, 'getDataCatalog' | 'getDataCatalogTurtle'> {
  const build = async () => catalogGraph(await catalogFacts(db), options);
  const licensed = (reply: FastifyReply, type: string) =>
    reply.type(type).header('Link', licenceLinkHeader(options.openData, options.publicUrl));
  return {
    async getDataCatalog(_request, reply) {
      const quads = await build();
      licensed(reply, 'application/ld+json; charset=utf-8');
      // Sent as written: the contract's schema names no members of `@context` and the nodes, so
      // its serializer would leave them out.
      return JSON.stringify(toJsonLd(quads)) as unknown as JsonLdCatalog;
    },
    async getDataCatalogTurtle(_request, reply) {
      const quads = await build();
      licensed(reply, 'text/turtle; charset=utf-8');
      return toTurtle(quads);
    },
  };
}
