import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { notFound } from '../errors.js'
import { ArticleList, ArticleSummary } from '../schemas/articles.js'
import { badRequest, notFound as notFoundResponse, PageQuery, serverError, jsonResponse } from '../schemas/common.js'
import { Entity, EntityListItem, EntityListQuery, EntityParams, EntitySearchList } from '../schemas/entities.js'
import { listResponse } from '../schemas/query.js'
import { Quote, QuoteList } from '../schemas/quotes.js'
import { ARTICLE_CSV, ENTITY_CSV, QUOTE_CSV } from './csv-columns.js'
import { answerList, answerSubList } from './list-query.js'

const entityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/entities', {
    schema: {
      operationId: 'listEntities',
      tags: ['entities'],
      summary: 'Find entities, most mentioned first',
      description: 'Filter by `type`, by name (`q`, any part of a name or alias) and by `minArticles`; filters combine. ' +
        '`count=true` adds the total, `facet=type` counts per type over the whole filtered set.',
      querystring: EntityListQuery,
      response: { 200: listResponse(EntitySearchList, EntityListItem, 'A page of entities'), 400: badRequest, 500: serverError }
    }
  }, async (request, reply) => {
    const { limit, cursor, count, facet, facetSize, fields, ...filters } = request.query
    const queries = app.repos.entityQueries
    const lists = {
      page: queries.page.bind(queries),
      walk: queries.walk.bind(queries),
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
      summary: 'Get an entity',
      params: EntityParams,
      response: { 200: jsonResponse(Entity, 'The entity'), 400: badRequest, 404: notFoundResponse, 500: serverError }
    }
  }, async (request) => {
    const entity = app.repos.entities.get(request.params.id)
    if (!entity) throw notFound('entity', request.params.id)
    return entity
  })

  app.get('/entities/:id/quotes', {
    schema: {
      operationId: 'listEntityQuotes',
      tags: ['entities', 'quotes'],
      summary: 'List the quotes an entity spoke, newest first',
      params: EntityParams,
      querystring: PageQuery.strict(),
      response: { 200: listResponse(QuoteList, Quote, "A page of the entity's quotes"), 400: badRequest, 404: notFoundResponse, 500: serverError }
    }
  }, async (request, reply) => {
    const { id } = request.params
    if (!app.repos.entities.exists(id)) throw notFound('entity', id)
    return answerSubList(request, reply, (limit, cursor) => app.repos.quotes.list({ limit, cursor, speaker: id }), request.query, QUOTE_CSV)
  })

  app.get('/entities/:id/articles', {
    schema: {
      operationId: 'listEntityArticles',
      tags: ['entities', 'articles'],
      summary: 'List the articles that mention an entity, newest first',
      params: EntityParams,
      querystring: PageQuery.strict(),
      response: { 200: listResponse(ArticleList, ArticleSummary, 'A page of articles that mention the entity'), 400: badRequest, 404: notFoundResponse, 500: serverError }
    }
  }, async (request, reply) => {
    const { id } = request.params
    if (!app.repos.entities.exists(id)) throw notFound('entity', id)
    return answerSubList(request, reply, (limit, cursor) => app.repos.articles.list({ limit, cursor, entity: id }), request.query, ARTICLE_CSV)
  })
}

export default entityRoutes
