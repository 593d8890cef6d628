import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { NotFound } from '../../domain/errors.js'
import { Article, ArticleListItem, ArticleListQuery, ArticleParams, ArticleSearchList, EXPAND_LIMIT } from '../../schemas/articles.js'
import { badRequest, notFound as notFoundResponse, PageQuery, serverError, jsonResponse } from '../../schemas/common.js'
import { ArticleEntity, ArticleEntityList } from '../../schemas/entities.js'
import { listResponse } from '../../schemas/query.js'
import { Quote, QuoteList } from '../../schemas/quotes.js'
import { ARTICLE_CSV, ENTITY_CSV, QUOTE_CSV } from '../lists/csv-columns.js'
import { answerList, sortOf } from '../lists/answer.js'
import type { ArticleHit } from '../../domain/resources.js'

const articleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/articles', {
    schema: {
      operationId: 'listArticles',
      tags: ['articles'],
      summary: 'Search and filter articles',
      description: 'Newest first by publication time (ingestion time when unknown), or by `sort`. Filters combine ' +
        '(AND); `q` searches titles and text and adds a `snippet`. Walk the pages with `links.next`. ' +
        '`count=true` adds the total, `facet=` counts per entity, dateline or publisher over the whole filtered set.',
      querystring: ArticleListQuery,
      response: { 200: listResponse(ArticleSearchList, ArticleListItem, 'A page of articles'), 400: badRequest, 500: serverError }
    }
  }, async (request, reply) => {
    const { limit, cursor, sort, count, facet, facetSize, fields, expand, ...filters } = request.query
    const embedded = async (articleId: string) => ({
      ...(expand?.includes('quotes') === true ? { quotes: (await app.store.lists.quotes.page({ articleId }, 'newest', EXPAND_LIMIT)).items } : {}),
      ...(expand?.includes('entities') === true ? { entities: (await app.store.lists.articleEntities.page({ articleId }, 'document', EXPAND_LIMIT)).items } : {})
    })
    const decorate = async (items: Partial<ArticleHit>[]) => expand === undefined
      ? items
      : await Promise.all(items.map(async (item) => item.id === undefined ? item : { ...item, ...await embedded(item.id) }))
    const asked = { list: app.store.lists.articles, filters, sort: sortOf(sort, filters.q), csv: ARTICLE_CSV, decorate }
    return answerList(request, reply, asked, { limit, cursor, count, facet, facetSize, fields })
  })

  app.get('/articles/:id', {
    schema: {
      operationId: 'getArticle',
      tags: ['articles'],
      summary: 'Get an article with its text and paragraphs',
      params: ArticleParams,
      response: { 200: jsonResponse(Article, 'The article'), 400: badRequest, 404: notFoundResponse, 500: serverError }
    }
  }, async (request) => {
    const article = await app.store.getArticle(request.params.id)
    if (!article) throw new NotFound('article', request.params.id)
    return article
  })

  app.get('/articles/:id/quotes', {
    schema: {
      operationId: 'listArticleQuotes',
      tags: ['articles', 'quotes'],
      summary: 'List an article\'s quotes in document order',
      params: ArticleParams,
      querystring: PageQuery.strict(),
      response: { 200: listResponse(QuoteList, Quote, "A page of the article's quotes"), 400: badRequest, 404: notFoundResponse, 500: serverError }
    }
  }, async (request, reply) => {
    const articleId = request.params.id
    if (!await app.store.articleExists(articleId)) throw new NotFound('article', articleId)
    return answerList(request, reply, { list: app.store.lists.quotes, filters: { articleId }, sort: 'newest', csv: QUOTE_CSV }, request.query)
  })

  app.get('/articles/:id/entities', {
    schema: {
      operationId: 'listArticleEntities',
      tags: ['articles', 'entities'],
      summary: 'List an article\'s entities in order of first mention, with their mentions',
      params: ArticleParams,
      querystring: PageQuery.strict(),
      response: { 200: listResponse(ArticleEntityList, ArticleEntity, "A page of the article's entities"), 400: badRequest, 404: notFoundResponse, 500: serverError }
    }
  }, async (request, reply) => {
    const { id } = request.params
    if (!await app.store.articleExists(id)) throw new NotFound('article', id)
    return answerList(request, reply, { list: app.store.lists.articleEntities, filters: { articleId: id }, sort: 'document', csv: ENTITY_CSV }, request.query)
  })
}

export default articleRoutes
