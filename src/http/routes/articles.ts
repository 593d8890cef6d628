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
    const embedded = (articleId: string) => ({
      ...(expand?.includes('quotes') === true ? { quotes: app.repos.lists.quotes.page({ articleId }, 'newest', EXPAND_LIMIT).items } : {}),
      ...(expand?.includes('entities') === true ? { entities: app.repos.lists.articleEntities.page({ articleId }, 'document', EXPAND_LIMIT).items } : {})
    })
    const decorate = (items: Partial<ArticleHit>[]) => expand === undefined ? items : items.map((item) => item.id === undefined ? item : { ...item, ...embedded(item.id) })
    const asked = { list: app.repos.lists.articles, filters, sort: sortOf(sort, filters.q), csv: ARTICLE_CSV, decorate }
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
    const article = app.repos.articles.get(request.params.id)
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
    if (!app.repos.articles.exists(articleId)) throw new NotFound('article', articleId)
    return answerList(request, reply, { list: app.repos.lists.quotes, filters: { articleId }, sort: 'newest', csv: QUOTE_CSV }, request.query)
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
    if (!app.repos.articles.exists(id)) throw new NotFound('article', id)
    return answerList(request, reply, { list: app.repos.lists.articleEntities, filters: { articleId: id }, sort: 'document', csv: ENTITY_CSV }, request.query)
  })
}

export default articleRoutes
