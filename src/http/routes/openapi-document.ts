import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { stringify } from 'yaml'
import { z } from 'zod'
import { serverError } from '../../schemas/common.js'

const OpenApiDocument = z.looseObject({ openapi: z.string() }).describe('An OpenAPI 3.1 document')

const openapiRoutes: FastifyPluginAsyncZod = async (app) => {
  const spec = (origin: string) => ({ ...(app.swagger() as { openapi: string }), servers: [{ url: origin }] })
  const originOf = (request: { protocol: string, host: string }) => `${request.protocol}://${request.host}`

  app.get('/openapi.json', {
    schema: {
      operationId: 'getOpenApiJson',
      tags: ['service'],
      summary: 'This API\'s OpenAPI 3.1 document, as JSON',
      response: { 200: OpenApiDocument, 500: serverError }
    }
  }, async (request) => spec(originOf(request)))

  app.get('/openapi.yaml', {
    schema: {
      operationId: 'getOpenApiYaml',
      tags: ['service'],
      summary: 'This API\'s OpenAPI 3.1 document, as YAML',
      produces: ['application/yaml'],
      response: { 200: z.string().describe('The document in YAML'), 500: serverError }
    }
  }, async (request, reply) => reply.type('application/yaml').send(stringify(spec(originOf(request)))))
}

export default openapiRoutes
