import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { NotFound } from '../../domain/errors.js'
import { badRequest, notFound as notFoundResponse, serverError, jsonResponse } from '../../schemas/common.js'
import { listResponse } from '../../schemas/query.js'
import { Statement, StatementDetail, StatementList, StatementListQuery, StatementParams } from '../../schemas/statements.js'
import { statementDetail } from '../../store/statements/detail.js'
import { STATEMENT_CSV } from '../lists/csv-columns.js'
import { answerList } from '../lists/answer.js'

const statementRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/statements', {
    schema: {
      operationId: 'listStatements',
      tags: ['statements'],
      summary: 'Statements: the same words by the same speaker across articles',
      description: 'Every stored quote belongs to one statement, with its copies in other articles (syndicated, trimmed, ' +
        'partial, a few words changed). Filter by `speaker`, `about` (an entity its quotes mention), first appearance ' +
        '(`from`/`to`) and `minArticles`; order by first appearance or by `articles`. docs/statements.md says how quotes are matched.',
      querystring: StatementListQuery,
      response: { 200: listResponse(StatementList, Statement, 'A page of statements'), 400: badRequest, 500: serverError }
    }
  }, async (request, reply) => {
    const { limit, cursor, sort, count, ...filters } = request.query
    const asked = { list: app.store.lists.statements, filters, sort, csv: STATEMENT_CSV }
    return answerList(request, reply, asked, { limit, cursor, count })
  })

  app.get('/statements/:id', {
    schema: {
      operationId: 'getStatement',
      tags: ['statements'],
      summary: 'Get a statement: its text, speaker, first appearance, reach, quotes and wordings',
      description: 'A statement id is the id of its earliest quote; when statements merge or split (articles stored or ' +
        'deleted), ids follow: a quote\'s `statementId` always names its current statement.',
      params: StatementParams,
      response: { 200: jsonResponse(StatementDetail, 'The statement'), 400: badRequest, 404: notFoundResponse, 500: serverError }
    }
  }, async (request) => {
    const statement = await app.store.getStatement(request.params.id)
    if (!statement) throw new NotFound('statement', request.params.id)
    return statementDetail(statement, app.store.lists.quotes)
  })
}

export default statementRoutes
