import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { NotFound } from '../../domain/errors.js'
import { SECURITY_SCHEME } from '../plugins/auth.js'
import { Article, ArticleParams } from '../../schemas/articles.js'
import { badRequest, forbidden, jsonResponse, notFound as notFoundResponse, payloadTooLarge, problemResponse, serverError, unauthorized, unsupportedMediaType } from '../../schemas/common.js'
import { NewArticle, ArticleText, Extraction, ExtractionRequest, IdempotencyHeaders } from '../../schemas/writes.js'
import { assertReadableBody, decodeUtf8 } from '../../services/text-body.js'

export interface WriteRouteOptions {
  /** The largest body an article may come in, in bytes. */
  maxArticleBytes: number
}

const BODY_TYPES = ['application/json', 'text/plain']
const security = [{ [SECURITY_SCHEME]: [] }]
const replayedHeader = z.literal('true').describe('Present when an Idempotency-Key seen before decided this answer')
const writeErrors = {
  400: badRequest, 401: unauthorized, 403: forbidden, 413: payloadTooLarge, 415: unsupportedMediaType, 500: serverError
}

/** POST /articles, POST /extract and DELETE /articles/{id}: the single-article writes. */
const articleWriteRoutes: FastifyPluginAsyncZod<WriteRouteOptions> = async (app, { maxArticleBytes }) => {
  // Bodies are read as bytes and decoded strictly here (Fastify's own parsers turn bytes that are not
  // UTF-8 into U+FFFD without a word). These parsers belong to this plugin's routes alone.
  app.removeAllContentTypeParsers()
  const parseJson = app.getDefaultJsonParser('error', 'error')
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    try {
      assertReadableBody(request.headers)
      parseJson(request, decodeUtf8(body as Buffer), done)
    } catch (error) {
      done(error as Error, undefined)
    }
  })
  app.addContentTypeParser('text/plain', { parseAs: 'buffer' }, (request, body, done) => {
    try {
      assertReadableBody(request.headers)
      done(null, { text: decodeUtf8(body as Buffer, 'text') })
    } catch (error) {
      done(error as Error, undefined)
    }
  })

  app.post('/articles', {
    onRequest: app.requireApiKey,
    bodyLimit: maxArticleBytes,
    config: { accepts: BODY_TYPES },
    schema: {
      operationId: 'createArticle',
      tags: ['articles'],
      summary: 'Submit an article: parse it and store it with its quotes and entities',
      description: 'JSON with `text` and optional metadata, or the text alone as `text/plain` (UTF-8). A new text answers ' +
        '201 with `Location`; a text already stored answers 200 with the same article and changes nothing (the id comes ' +
        'from the text). Send an `Idempotency-Key` to make retries answer exactly as the first request did.',
      security,
      headers: IdempotencyHeaders,
      body: NewArticle,
      requestContent: { 'application/json': NewArticle, 'text/plain': ArticleText },
      responseHeaders: {
        200: { 'Idempotent-Replayed': replayedHeader },
        201: { Location: z.string().describe('The new article\'s URL, /articles/{id}'), 'Idempotent-Replayed': replayedHeader }
      },
      response: {
        200: jsonResponse(Article, 'The same text was already stored: its article, unchanged'),
        201: jsonResponse(Article, 'Stored: the article as parsed; `Location` is its URL'),
        ...writeErrors,
        422: problemResponse('The Idempotency-Key was already used for another request')
      }
    }
  }, async (request, reply) => {
    const key = request.headers['idempotency-key']
    const submission = await app.submissions.submit(request.body, key === undefined ? undefined : { client: request.apiClient ?? '', key })
    const article = await app.store.getArticle(submission.id)
    if (!article) throw new Error(`article ${submission.id} vanished right after it was submitted`)
    // who wrote what: the client is a digest of its key, never the key
    request.log.info({ articleId: submission.id, outcome: submission.outcome, replayed: submission.replayed, client: request.apiClient }, 'article submitted')
    if (submission.status === 201) reply.header('location', `/articles/${submission.id}`)
    if (submission.replayed) reply.header('idempotent-replayed', 'true')
    return reply.code(submission.status).send(article)
  })

  app.post('/extract', {
    onRequest: app.requireApiKey,
    bodyLimit: maxArticleBytes,
    config: { accepts: BODY_TYPES },
    schema: {
      operationId: 'extractArticle',
      tags: ['extraction'],
      summary: 'Parse an article without storing it: its paragraphs, entities and quotes',
      description: 'The same pipeline as POST /articles, nothing stored. It needs a key like a write: it costs as much.',
      security,
      body: ExtractionRequest,
      requestContent: { 'application/json': ExtractionRequest, 'text/plain': ArticleText },
      response: { 200: jsonResponse(Extraction, 'The parse'), ...writeErrors }
    }
  }, async (request) => app.submissions.extract(request.body.text))

  app.delete('/articles/:id', {
    onRequest: app.requireApiKey,
    schema: {
      operationId: 'deleteArticle',
      tags: ['articles'],
      summary: 'Delete an article with its quotes and mentions',
      description: 'Entities keep counts that are right; an entity no other article mentions is deleted too.',
      security,
      params: ArticleParams,
      response: {
        204: z.null().describe('Deleted, with its quotes and mentions'),
        400: badRequest,
        401: unauthorized,
        403: forbidden,
        404: notFoundResponse,
        500: serverError
      }
    }
  }, async (request, reply) => {
    if (!await app.store.deleteArticle(request.params.id)) throw new NotFound('article', request.params.id)
    request.log.info({ articleId: request.params.id, client: request.apiClient }, 'article deleted')
    return reply.code(204).send(null)
  })
}

export default articleWriteRoutes
