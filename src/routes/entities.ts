import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { notFound } from '../errors.js'
import { ArticleList } from '../schemas/articles.js'
import { badRequest, notFound as notFoundResponse, PageQuery, serverError, jsonResponse } from '../schemas/common.js'
import { Entity, EntityListItem, EntityListQuery, EntityParams, EntitySearchList } from '../schemas/entities.js'
import { listResponse } from '../schemas/query.js'
import { QuoteList } from '../schemas/quotes.js'
import { ENTITY_CSV } from './csv-columns.js'
import { pageBody } from './links.js'
import { answerList } from './list-query.js'

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
      response: { 200: jsonResponse(QuoteList, "A page of the entity's quotes"), 400: badRequest, 404: notFoundResponse, 500: serverError }
    }
  }, async (request) => {
    const { id } = request.params
    if (!app.repos.entities.exists(id)) throw notFound('entity', id)
    return pageBody(request, app.repos.quotes.list({ ...request.query, speaker: id }))
  })

  app.get('/entities/:id/articles', {
    schema: {
      operationId: 'listEntityArticles',
      tags: ['entities', 'articles'],
      summary: 'List the articles that mention an entity, newest first',
      params: EntityParams,
      querystring: PageQuery.strict(),
      response: { 200: jsonResponse(ArticleList, 'A page of articles that mention the entity'), 400: badRequest, 404: notFoundResponse, 500: serverError }
    }
  }, async (request) => {
    const { id } = request.params
    if (!app.repos.entities.exists(id)) throw notFound('entity', id)
    return pageBody(request, app.repos.articles.list({ ...request.query, entity: id }))
  })
}

export default entityRoutes
