import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import { stringify } from 'yaml'
import { buildApp } from '../app.js'
import { withoutServers } from '../http/openapi-options.js'

// npm run openapi: regenerates openapi.yaml from the routes' schemas (never edit it by hand).
export const OPENAPI_FILE = fileURLToPath(new URL('../../openapi.yaml', import.meta.url))

const app = buildApp({ database: ':memory:' })
await app.ready()
fs.writeFileSync(OPENAPI_FILE, stringify(withoutServers(app.swagger() as Record<string, unknown>)))
await app.close()
console.log(`wrote ${OPENAPI_FILE}`)
