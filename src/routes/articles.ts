import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { notFound } from '../errors.js'
import type { ArticleHit } from '../db/article-query.js'
import { Article, ArticleListItem, ArticleListQuery, ArticleParams, ArticleSearchList, EXPAND_LIMIT } from '../schemas/articles.js'
import { badRequest, notFound as notFoundResponse, PageQuery, serverError, jsonResponse } from '../schemas/common.js'
import { ArticleEntityList } from '../schemas/entities.js'
import { listResponse } from '../schemas/query.js'
import { QuoteList } from '../schemas/quotes.js'
import { ARTICLE_CSV } from './csv-columns.js'
import { pageBody } from './links.js'
import { answerList, sortOf } from './list-query.js'

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
    const order = sortOf(sort, filters.q)
    const queries = app.repos.articleQueries
    const lists = {
      page: (f: typeof filters, l: number, c: string | undefined) => queries.page(f, order, l, c),
      walk: (f: typeof filters, c: string | undefined) => queries.walk(f, order, c),
      count: (f: typeof filters) => queries.count(f),
      facets: queries.facets.bind(queries),
      csv: ARTICLE_CSV
    }
    const embed = (items: Partial<ArticleHit>[]) => expand === undefined ? items : items.map((item) => ({
      ...item,
      ...(expand.includes('quotes') && item.id ? { quotes: app.repos.quotes.list({ articleId: item.id, limit: EXPAND_LIMIT }).items } : {}),
      ...(expand.includes('entities') && item.id ? { entities: app.repos.entities.listForArticle(item.id, { limit: EXPAND_LIMIT }).items } : {})
    }))
    return answerList(request, reply, lists, filters, { limit, cursor, count, facet, facetSize, fields }, embed)
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
    if (!article) throw notFound('article', request.params.id)
    return article
  })

  app.get('/articles/:id/quotes', {
    schema: {
      operationId: 'listArticleQuotes',
      tags: ['articles', 'quotes'],
      summary: 'List an article\'s quotes in document order',
      params: ArticleParams,
      querystring: PageQuery.strict(),
      response: { 200: jsonResponse(QuoteList, "A page of the article's quotes"), 400: badRequest, 404: notFoundResponse, 500: serverError }
    }
  }, async (request) => {
    if (!app.repos.articles.exists(request.params.id)) throw notFound('article', request.params.id)
    return pageBody(request, app.repos.quotes.list({ ...request.query, articleId: request.params.id }))
  })

  app.get('/articles/:id/entities', {
    schema: {
      operationId: 'listArticleEntities',
      tags: ['articles', 'entities'],
      summary: 'List an article\'s entities in order of first mention, with their mentions',
      params: ArticleParams,
      querystring: PageQuery.strict(),
      response: { 200: jsonResponse(ArticleEntityList, "A page of the article's entities"), 400: badRequest, 404: notFoundResponse, 500: serverError }
    }
  }, async (request) => {
    if (!app.repos.articles.exists(request.params.id)) throw notFound('article', request.params.id)
    return pageBody(request, app.repos.entities.listForArticle(request.params.id, request.query))
  })
}

export default articleRoutes
