import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { NotFound } from '../../domain/errors.js'
import { ArticleList, ArticleSummary } from '../../schemas/articles.js'
import { badRequest, notFound as notFoundResponse, PageQuery, serverError, jsonResponse } from '../../schemas/common.js'
import { Entity, EntityListItem, EntityListQuery, EntityParams, EntitySearchList, RelatedEntity, RelatedEntityList, RelatedQuery } from '../../schemas/entities.js'
import { listResponse } from '../../schemas/query.js'
import { Quote, QuoteList } from '../../schemas/quotes.js'
import { ARTICLE_CSV, ENTITY_CSV, QUOTE_CSV, RELATED_CSV } from '../lists/csv-columns.js'
import { answerList } from '../lists/answer.js'

// An id merged into another answers 308 to the same route under the new id (query kept).
const merged = z.null().describe('The entity was merged into another (stored under a surname or short form alone, then under its full name): ' +
  '`Location` is this route under the id it has now')
const mergedHeaders = { 308: { Location: z.string().describe('This route under the entity\'s current id, e.g. /entities/person-sergey-lavrov') } }

const entityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/entities', {
    schema: {
      operationId: 'listEntities',
      tags: ['entities'],
      summary: 'Find entities, most mentioned first',
      description: 'Filter by `type`, by name (`q`, the start of a name or alias or of a word in it) and by `minArticles`; ' +
        'filters combine. `sort=articles` orders by the number of articles instead of mentions. ' +
        '`count=true` adds the total, `facet=type` counts per type over the whole filtered set.',
      querystring: EntityListQuery,
      response: { 200: listResponse(EntitySearchList, EntityListItem, 'A page of entities'), 400: badRequest, 500: serverError }
    }
  }, async (request, reply) => {
    const { limit, cursor, sort, count, facet, facetSize, fields, ...filters } = request.query
    const asked = { list: app.store.lists.entities, filters, sort, csv: ENTITY_CSV }
    return answerList(request, reply, asked, { limit, cursor, count, facet, facetSize, fields })
  })

  // The routes under one entity share a scope whose hook answers for an id that is not an entity's:
  // a 308 to the same route under the id it was merged into, else a 404. Written once, here.
  app.register(async (one) => {
    one.addHook('preHandler', async (request, reply) => {
      const { id } = request.params as { id: string }
      if (await app.store.entityExists(id)) return
      const into = await app.store.entityMergedInto(id)
      if (into === null) throw new NotFound('entity', id)
      return reply.redirect(locationUnder(request, into), 308)
    })
    await one.register(oneEntityRoutes)
  })
}

/** This request's route under another entity id, its query kept. */
function locationUnder (request: FastifyRequest, id: string): string {
  const query = request.url.indexOf('?')
  return `${request.routeOptions.url?.replace(':id', encodeURIComponent(id)) ?? '/entities'}${query < 0 ? '' : request.url.slice(query)}`
}

const oneEntityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/entities/:id', {
    schema: {
      operationId: 'getEntity',
      tags: ['entities'],
      summary: 'Get an entity with its aliases, titles, counts and identifiers',
      description: 'One referent across every article: its canonical name (the fullest form, or the gazetteer\'s for ' +
        'places), the aliases and titles seen in any article, and a country\'s ISO 3166 code or a city\'s GeoNames id.',
      params: EntityParams,
      responseHeaders: mergedHeaders,
      response: { 200: jsonResponse(Entity, 'The entity'), 308: merged, 400: badRequest, 404: notFoundResponse, 500: serverError }
    }
  }, async (request) => {
    const entity = await app.store.getEntity(request.params.id)
    if (!entity) throw new NotFound('entity', request.params.id)
    return entity
  })

  app.get('/entities/:id/quotes', {
    schema: {
      operationId: 'listEntityQuotes',
      tags: ['entities', 'quotes'],
      summary: 'List the quotes an entity spoke, newest first',
      params: EntityParams,
      querystring: PageQuery.strict(),
      responseHeaders: mergedHeaders,
      response: { 200: listResponse(QuoteList, Quote, "A page of the entity's quotes"), 308: merged, 400: badRequest, 404: notFoundResponse, 500: serverError }
    }
  }, async (request, reply) => {
    const asked = { list: app.store.lists.quotes, filters: { speaker: request.params.id }, sort: 'newest' as const, csv: QUOTE_CSV }
    return answerList(request, reply, asked, request.query)
  })

  app.get('/entities/:id/articles', {
    schema: {
      operationId: 'listEntityArticles',
      tags: ['entities', 'articles'],
      summary: 'List the articles that mention an entity, newest first',
      params: EntityParams,
      querystring: PageQuery.strict(),
      responseHeaders: mergedHeaders,
      response: { 200: listResponse(ArticleList, ArticleSummary, 'A page of articles that mention the entity'), 308: merged, 400: badRequest, 404: notFoundResponse, 500: serverError }
    }
  }, async (request, reply) => {
    const asked = { list: app.store.lists.articles, filters: { entity: [request.params.id] }, sort: 'newest' as const, csv: ARTICLE_CSV }
    return answerList(request, reply, asked, request.query)
  })

  app.get('/entities/:id/related', {
    schema: {
      operationId: 'listRelatedEntities',
      tags: ['entities'],
      summary: 'List the entities that co-occur with an entity, most shared articles first',
      description: 'Each related entity with the number of articles that mention both and, as evidence, up to five of ' +
        'those articles (newest first). `type` keeps one type. Keyset-paged by `links.next`.',
      params: EntityParams,
      querystring: RelatedQuery,
      responseHeaders: mergedHeaders,
      response: { 200: listResponse(RelatedEntityList, RelatedEntity, 'A page of related entities'), 308: merged, 400: badRequest, 404: notFoundResponse, 500: serverError }
    }
  }, async (request, reply) => {
    const { type, ...page } = request.query
    const asked = { list: app.store.lists.relatedEntities, filters: { id: request.params.id, type }, sort: 'shared' as const, csv: RELATED_CSV }
    return answerList(request, reply, asked, page)
  })
}

export default entityRoutes
