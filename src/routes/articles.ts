import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { notFound } from '../errors.js'
import { Article, ArticleList, ArticleListQuery, ArticleParams } from '../schemas/articles.js'
import { badRequest, notFound as notFoundResponse, PageQuery, serverError, jsonResponse } from '../schemas/common.js'
import { ArticleEntityList } from '../schemas/entities.js'
import { QuoteList } from '../schemas/quotes.js'
import { pageBody } from './links.js'

const articleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/articles', {
    schema: {
      operationId: 'listArticles',
      tags: ['articles'],
      summary: 'List articles, newest first',
      description: 'Newest first by publication time (ingestion time when unknown). Walk the pages with `links.next`.',
      querystring: ArticleListQuery,
      response: { 200: jsonResponse(ArticleList, 'A page of articles'), 400: badRequest, 500: serverError }
    }
  }, async (request) => pageBody(request, app.repos.articles.list(request.query)))

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
