import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { notFound } from '../errors.js'
import { badRequest, notFound as notFoundResponse, serverError, jsonResponse } from '../schemas/common.js'
import { Quote, QuoteList, QuoteListQuery, QuoteParams } from '../schemas/quotes.js'
import { pageBody } from './links.js'

const quoteRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/quotes', {
    schema: {
      operationId: 'listQuotes',
      tags: ['quotes'],
      summary: 'List quotes: newest article first, each article\'s quotes in document order',
      description: 'Filter by `speaker` (an entity id), `articleId` and `kind`; filters combine.',
      querystring: QuoteListQuery,
      response: { 200: jsonResponse(QuoteList, 'A page of quotes'), 400: badRequest, 500: serverError }
    }
  }, async (request) => pageBody(request, app.repos.quotes.list(request.query)))

  app.get('/quotes/:id', {
    schema: {
      operationId: 'getQuote',
      tags: ['quotes'],
      summary: 'Get a quote',
      params: QuoteParams,
      response: { 200: jsonResponse(Quote, 'The quote'), 400: badRequest, 404: notFoundResponse, 500: serverError }
    }
  }, async (request) => {
    const quote = app.repos.quotes.get(request.params.id)
    if (!quote) throw notFound('quote', request.params.id)
    return quote
  })
}

export default quoteRoutes
