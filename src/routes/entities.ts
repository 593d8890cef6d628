import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { notFound } from '../errors.js'
import { ArticleList } from '../schemas/articles.js'
import { badRequest, notFound as notFoundResponse, PageQuery, serverError, jsonResponse } from '../schemas/common.js'
import { Entity, EntityList, EntityListQuery, EntityParams } from '../schemas/entities.js'
import { QuoteList } from '../schemas/quotes.js'
import { pageBody } from './links.js'

const entityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/entities', {
    schema: {
      operationId: 'listEntities',
      tags: ['entities'],
      summary: 'List entities, most mentioned first',
      querystring: EntityListQuery,
      response: { 200: jsonResponse(EntityList, 'A page of entities'), 400: badRequest, 500: serverError }
    }
  }, async (request) => pageBody(request, app.repos.entities.list(request.query)))

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
