// There is no Docker engine here, so the Dockerfile is checked by reading it: its runtime stage must be
// the production install (build, `npm prune --omit=dev`, `node dist/server.js`) holding every folder
// the compiled service reads at run time, none of them kept out of the build context.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { MIGRATIONS_DIR } from '../../src/store/sqlite/migrate.js'
import { SEED_DIR } from '../../src/services/ingest.js'
import { NER_MODEL_FILE } from '../../src/extract/entities/ner-model.js'
import { MODEL_FILE as QUOTES_MODEL_FILE } from '../../src/extract/quotes/attribution-model.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const read = (file: string): string => fs.readFileSync(path.join(ROOT, file), 'utf8')

interface Stage { name: string, lines: string[] }

/** The Dockerfile's stages, each with its instructions (continuation lines joined). */
function stages (): Stage[] {
  const joined = read('Dockerfile').replace(/\\\n/g, ' ').split('\n').map((l) => l.trim().replace(/\s+/g, ' ')).filter((l) => l !== '' && !l.startsWith('#'))
  const out: Stage[] = []
  for (const line of joined) {
    const from = /^FROM\s+\S+\s+AS\s+(\S+)/i.exec(line)
    if (from?.[1] !== undefined) out.push({ name: from[1], lines: [] })
    else out.at(-1)?.lines.push(line)
  }
  return out
}

const stage = (name: string): Stage => {
  const found = stages().find((s) => s.name === name)
  if (found === undefined) throw new Error(`no stage ${name}`)
  return found
}

/** Top-level folders the service reads at run time, from the constants the code itself uses. */
const RUNTIME_FOLDERS = [MIGRATIONS_DIR, SEED_DIR, NER_MODEL_FILE, QUOTES_MODEL_FILE]
  .map((p) => path.relative(ROOT, p).split(path.sep)[0])

t.test('the build stage installs, compiles and prunes to production dependencies', async (t) => {
  const run = stage('build').lines.filter((l) => l.startsWith('RUN ')).join(' ')
  t.match(run, /npm ci\b/)
  t.match(run, /npm run build && npm prune --omit=dev/)
})

t.test('the runtime stage holds dist/, production node_modules and every folder the service reads', async (t) => {
  const copies = stage('runtime').lines.filter((l) => l.startsWith('COPY '))
  const fromBuild = copies.filter((l) => l.includes('--from=build')).map((l) => l.split(/\s+/).at(-2))
  t.same(fromBuild.sort(), ['/app/dist', '/app/node_modules', '/app/package.json'])
  const fromContext = copies.filter((l) => !l.includes('--from=')).map((l) => l.split(/\s+/).at(-2))
  t.same([...new Set(RUNTIME_FOLDERS)].sort(), ['migrations', 'models', 'seed'])
  for (const folder of RUNTIME_FOLDERS) t.ok(fromContext.includes(folder), `${folder}/ is copied`)
  for (const source of fromContext) t.ok(fs.existsSync(path.join(ROOT, source ?? '')), `${source} exists`)
})

t.test('.dockerignore keeps out nothing the image copies', async (t) => {
  const ignored = read('.dockerignore').split('\n').map((l) => l.trim().replace(/\s+/g, ' ')).filter((l) => l !== '' && !l.startsWith('#'))
  for (const folder of ['src', 'migrations', 'models', 'seed', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json']) {
    t.notOk(ignored.includes(folder), `${folder} reaches the build`)
  }
  t.ok(ignored.includes('node_modules'), 'the host node_modules (another platform\'s addon) stays out')
})

t.test('the image runs the compiled server as npm start does, as an unprivileged user', async (t) => {
  const runtime = stage('runtime').lines
  const start = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts.start
  const cmd = runtime.find((l) => l.startsWith('CMD '))
  t.ok(cmd !== undefined)
  t.equal((JSON.parse(cmd?.slice(4) ?? '[]') as string[]).join(' '), start)
  t.ok(runtime.includes('USER node'))
})
