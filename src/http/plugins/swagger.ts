import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { openapiOptions } from '../openapi-options.js'

/** Generates the OpenAPI document from the routes' schemas and serves Swagger UI at /docs. */
async function openapi (app: FastifyInstance): Promise<void> {
  await app.register(swagger, openapiOptions)
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { deepLinking: true, tryItOutEnabled: true, persistAuthorization: true } })
}

export default fp(openapi, { name: 'openapi' })
