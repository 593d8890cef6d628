// compose.yaml, read and checked (no Docker engine here): a primary, a streaming replica, two API
// processes and one worker, each API's environment one the service's own configuration accepts.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { parse } from 'yaml'
import { readConfig } from '../../src/config.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

interface Service {
  image?: string
  build?: string
  command?: string[] | string
  environment?: Record<string, string>
  volumes?: string[]
  depends_on?: Record<string, { condition: string }>
  ports?: string[]
}

const compose = parse(fs.readFileSync(path.join(ROOT, 'compose.yaml'), 'utf8'), { merge: true }) as { services: Record<string, Service> }
const { services } = compose

t.test('the services: primary, replica, two API processes, one worker', async (t) => {
  t.same(Object.keys(services).sort(), ['api-1', 'api-2', 'primary', 'replica', 'worker'])
  t.match(services.primary?.image, /^postgres:15/)
  t.match(String(services.replica?.command), /pg_basebackup -h primary .* -R/, 'the replica streams from the primary')
  t.notSame(services['api-1']?.ports, services['api-2']?.ports, 'the API processes listen on different host ports')
})

t.test('every API process and the worker run this image on the primary and its replica, with a configuration that starts', async (t) => {
  for (const name of ['api-1', 'api-2', 'worker']) {
    const service = services[name]
    t.equal(service?.build, '.', `${name} builds the Dockerfile`)
    const env = Object.fromEntries(Object.entries(service?.environment ?? {}).map(([k, v]) => [k, v.replace(/\$\{[^}]*\}/, '')]))
    const config = readConfig(env)
    t.equal(config.DATABASE_URL?.hostname, 'primary', `${name} writes to the primary`)
    t.same(config.DATABASE_REPLICA_URLS.map((u) => u.hostname), ['replica'], `${name} reads from the replica`)
    t.equal(service?.depends_on?.primary?.condition, 'service_healthy')
  }
  t.same(services.worker?.command, ['node', '--max-semi-space-size=64', 'dist/cli/worker.js'])
  t.ok(fs.existsSync(path.join(ROOT, 'src/cli/worker.ts')), 'the worker the image compiles')
})

t.test('the files compose mounts exist', async (t) => {
  for (const service of Object.values(services)) {
    for (const volume of service.volumes ?? []) {
      const source = volume.split(':')[0] ?? ''
      if (source.startsWith('./')) t.ok(fs.existsSync(path.join(ROOT, source)), source)
    }
  }
})
