import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { NotFound } from '../../domain/errors.js'
import { badRequest, notFound as notFoundResponse, serverError, jsonResponse } from '../../schemas/common.js'
import { listResponse } from '../../schemas/query.js'
import { Quote, QuoteListItem, QuoteListQuery, QuoteParams, QuoteSearchList } from '../../schemas/quotes.js'
import { PageQuery } from '../../schemas/common.js'
import { QuoteEcho, QuoteEchoList } from '../../schemas/statements.js'
import { echoList } from '../../store/statements/echoes.js'
import { ECHO_CSV, QUOTE_CSV } from '../lists/csv-columns.js'
import { answerList, sortOf } from '../lists/answer.js'

const quoteRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/quotes', {
    schema: {
      operationId: 'listQuotes',
      tags: ['quotes'],
      summary: 'Search and filter quotes: who said what, about whom',
      description: 'Newest article first, each article\'s quotes in document order, or by `sort`. Filters combine ' +
        '(AND): `speaker=A&about=B` is what A said about B. `q` searches the quotes\' content and adds a `snippet`. ' +
        '`count=true` adds the total, `facet=` counts per speaker, kind or cue over the whole filtered set.',
      querystring: QuoteListQuery,
      response: { 200: listResponse(QuoteSearchList, QuoteListItem, 'A page of quotes'), 400: badRequest, 500: serverError }
    }
  }, async (request, reply) => {
    const { limit, cursor, sort, count, facet, facetSize, fields, ...filters } = request.query
    const asked = { list: app.store.lists.quotes, filters, sort: sortOf(sort, filters.q), csv: QUOTE_CSV }
    return answerList(request, reply, asked, { limit, cursor, count, facet, facetSize, fields })
  })

  app.get('/quotes/:id', {
    schema: {
      operationId: 'getQuote',
      tags: ['quotes'],
      summary: 'Get a quote',
      params: QuoteParams,
      response: { 200: jsonResponse(Quote, 'The quote'), 400: badRequest, 404: notFoundResponse, 500: serverError }
    }
  }, async (request) => {
    const quote = await app.store.getQuote(request.params.id)
    if (!quote) throw new NotFound('quote', request.params.id)
    return quote
  })

  app.get('/quotes/:id/echoes', {
    schema: {
      operationId: 'listQuoteEchoes',
      tags: ['quotes', 'statements'],
      summary: 'Where else this was quoted: the same statement in other articles, oldest first',
      description: 'The quotes of other articles that carry the quote\'s statement (the same words by the same speaker: ' +
        'syndicated copies, partial or trimmed quotes, copies with a few words changed), oldest publication first. ' +
        'Each has `echo`: its relation to this quote, a similarity, and for a variant the words that differ, as spans into both texts.',
      params: QuoteParams,
      querystring: PageQuery.strict(),
      response: { 200: listResponse(QuoteEchoList, QuoteEcho, 'A page of echoes'), 400: badRequest, 404: notFoundResponse, 500: serverError }
    }
  }, async (request, reply) => {
    const quote = await app.store.getQuote(request.params.id)
    if (!quote) throw new NotFound('quote', request.params.id)
    const asked = { list: echoList(app.store.lists.quotes, quote), filters: {}, sort: 'oldest' as const, csv: ECHO_CSV }
    return answerList(request, reply, asked, request.query)
  })
}

export default quoteRoutes
