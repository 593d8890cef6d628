import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { NotFound } from '../../domain/errors.js'
import { ArticleList, ArticleSummary } from '../../schemas/articles.js'
import { badRequest, notFound as notFoundResponse, PageQuery, serverError, jsonResponse } from '../../schemas/common.js'
import { Entity, EntityListItem, EntityListQuery, EntityParams, EntitySearchList, RelatedEntity, RelatedEntityList, RelatedQuery } from '../../schemas/entities.js'
import { listResponse } from '../../schemas/query.js'
import { Quote, QuoteList } from '../../schemas/quotes.js'
import { ARTICLE_CSV, ENTITY_CSV, QUOTE_CSV, RELATED_CSV } from '../lists/csv-columns.js'
import { answerList, answerSubList } from '../lists/answer.js'

// An id merged into another answers 308 to the same route under the new id (query kept).
const merged = z.null().describe('The entity was merged into another (stored under a surname or short form alone, then under its full name): ' +
  '`Location` is this route under the id it has now')
const mergedHeaders = { 308: { Location: z.string().describe('This route under the entity\'s current id, e.g. /entities/person-sergey-lavrov') } }

const entityRoutes: FastifyPluginAsyncZod = async (app) => {
  /**
   * null when the entity exists; a 308 to its current id when it was merged into another; else a 404.
   * `route` is the part of the path after the id ('', '/quotes', ...).
   */
  const redirectIfMerged = (request: FastifyRequest, reply: FastifyReply, id: string, route: string): FastifyReply | null => {
    if (app.repos.entities.exists(id)) return null
    const into = app.repos.entities.mergedInto(id)
    if (into === null) throw new NotFound('entity', id)
    const query = request.url.indexOf('?')
    return reply.redirect(`/entities/${encodeURIComponent(into)}${route}${query < 0 ? '' : request.url.slice(query)}`, 308)
  }

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
    const queries = app.repos.entityQueries
    const lists = {
      page: (f: typeof filters, l: number, c: string | undefined) => queries.page(f, sort, l, c),
      walk: (f: typeof filters, c: string | undefined) => queries.walk(f, sort, c),
      count: queries.count.bind(queries),
      facets: queries.facets.bind(queries),
      csv: ENTITY_CSV
    }
    return answerList(request, reply, lists, filters, { limit, cursor, count, facet, facetSize, fields })
  })

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
  }, async (request, reply) => {
    const entity = app.repos.entities.get(request.params.id)
    return entity ?? redirectIfMerged(request, reply, request.params.id, '')
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
    const { id } = request.params
    const redirect = redirectIfMerged(request, reply, id, '/quotes')
    if (redirect) return redirect
    return answerSubList(request, reply, (limit, cursor) => app.repos.quotes.list({ limit, cursor, speaker: id }), request.query, QUOTE_CSV)
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
    const { id } = request.params
    const redirect = redirectIfMerged(request, reply, id, '/articles')
    if (redirect) return redirect
    return answerSubList(request, reply, (limit, cursor) => app.repos.articles.list({ limit, cursor, entity: id }), request.query, ARTICLE_CSV)
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
    const { id } = request.params
    const redirect = redirectIfMerged(request, reply, id, '/related')
    if (redirect) return redirect
    const { type, ...page } = request.query
    return answerSubList(request, reply, (limit, cursor) => app.repos.relatedEntities.list(id, { limit, cursor, type }), page, RELATED_CSV)
  })
}

export default entityRoutes
