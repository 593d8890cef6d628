// The import rules (.dependency-cruiser.cjs, docs/architecture.md) are only worth having if they fail:
// this plants one break of each rule in a small tree laid out like ours, runs dependency-cruiser on it
// with the repository's own configuration, and expects every rule to be reported where it was broken.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import t from 'tap'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const CONFIG = path.join(ROOT, '.dependency-cruiser.cjs')
const CLI = path.join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs')

interface Rule { name: string }
interface Violation { rule: { name: string }, from: string, to: string }

const rules = (createRequire(import.meta.url)(CONFIG) as { forbidden: Rule[] }).forbidden.map((r) => r.name)

/** Each file of the planted tree, and what it imports. */
const TREE: Record<string, string> = {
  'src/domain/values.ts': "import { x } from '../http/plugin.js'\nexport const y = x\n",
  'src/http/plugin.ts': "import fastify from 'fastify'\nexport const x = fastify\n",
  'src/extract/index.ts': "export { stage } from './text/stage.js'\n",
  'src/extract/text/stage.ts': "import { db } from '../../store/sqlite/db.js'\nexport const stage = db\n",
  'src/store/sqlite/db.ts': "import Database from 'better-sqlite3'\nimport { x } from '../../http/plugin.js'\nexport const db = [Database, x]\n",
  'src/schemas/article.ts': "import { db } from '../store/sqlite/db.js'\nimport { x } from '../http/plugin.js'\nexport const s = [db, x]\n",
  'src/config.ts': 'export const config = {}\n',
  'src/server.ts': "import { config } from './config.js'\nimport { x } from './http/plugin.js'\nexport const server = [config, x]\n",
  'src/services/ingest.ts': [
    "import { x } from '../http/plugin.js'",
    "import { stage } from '../extract/text/stage.js'",
    "import Database from 'better-sqlite3'",
    "import fastify from 'fastify'",
    "import { tool } from '../../tools/train.js'",
    "import tap from 'tap'",
    "import { gone } from './missing.js'",
    "import { b } from './cycle-b.js'",
    "import { config } from '../config.js'",
    "import { server } from '../server.js'",
    "import { db as sqlite } from '../store/sqlite/db.js'",
    "import pg from 'pg'",
    'export const a = [x, stage, Database, fastify, tool, tap, gone, b, config, server, sqlite, pg]',
    ''
  ].join('\n'),
  'src/services/cycle-b.ts': "import { a } from './ingest.js'\nexport const b = () => a\n",
  'tools/train.ts': 'export const tool = 1\n',
  'package.json': JSON.stringify({ name: 'planted', type: 'module', dependencies: { fastify: '*', 'better-sqlite3': '*', pg: '*' }, devDependencies: { tap: '*' } }),
  'tsconfig.json': fs.readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8')
}

/** The rule broken by each planted import, as "rule from → to" (a package by its name). */
const EXPECTED = [
  'domain-imports-nothing src/domain/values.ts → src/http/plugin.ts',
  'extract-imports-only-extract-and-domain src/extract/text/stage.ts → src/store/sqlite/db.ts',
  'extract-through-its-door src/services/ingest.ts → src/extract/text/stage.ts',
  'store-knows-no-http-schemas-services src/store/sqlite/db.ts → src/http/plugin.ts',
  'schemas-know-no-store-services src/schemas/article.ts → src/store/sqlite/db.ts',
  'services-know-no-http src/services/ingest.ts → src/http/plugin.ts',
  'services-and-http-see-the-store-interface src/services/ingest.ts → src/store/sqlite/db.ts',
  'only-store-imports-the-driver src/services/ingest.ts → better-sqlite3',
  'only-postgres-adapter-imports-pg src/services/ingest.ts → pg',
  'only-http-knows-fastify src/services/ingest.ts → fastify',
  'http-is-wired-by-app src/schemas/article.ts → src/http/plugin.ts',
  'config-is-read-by-entry-points src/services/ingest.ts → src/config.ts',
  'entry-points-are-imported-by-nobody src/services/ingest.ts → src/server.ts',
  'src-imports-no-tools-bench-test src/services/ingest.ts → tools/train.ts',
  'src-uses-no-dev-dependencies src/services/ingest.ts → tap',
  'no-circular src/services/cycle-b.ts → src/services/ingest.ts',
  'not-to-unresolvable src/services/ingest.ts → ./missing.js'
]

/** `fastify` for …/node_modules/fastify/fastify.js (the symlinked folder resolves outside the tree). */
function packageOf (to: string): string {
  const at = to.lastIndexOf('node_modules/')
  return at < 0 ? to : to.slice(at + 'node_modules/'.length).split('/')[0] ?? to
}

function plant (): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-rules-'))
  for (const [file, text] of Object.entries(TREE)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
    fs.writeFileSync(path.join(dir, file), text)
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir')
  return dir
}

function violationsIn (dir: string): Violation[] {
  let out: string
  try {
    out = execFileSync(process.execPath, [CLI, '--config', CONFIG, '--output-type', 'json', 'src', 'tools'], { cwd: dir, encoding: 'utf8' })
  } catch (err) {
    out = (err as { stdout: string }).stdout // dependency-cruiser exits non-zero when it finds violations
  }
  return (JSON.parse(out) as { summary: { violations: Violation[] } }).summary.violations
}

t.test('every import rule reports the import that breaks it', async (t) => {
  const dir = plant()
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }))
  const found = violationsIn(dir).map((v) => `${v.rule.name} ${v.from} → ${packageOf(v.to)}`)
  for (const expected of EXPECTED) t.ok(found.includes(expected), expected, { found })
  t.same([...new Set(found.map((f) => f.split(' ')[0]))].sort(), [...rules].sort(), 'no rule goes untested, and no other rule fires')
})

t.test('a tree that keeps the rules has no violation', async (t) => {
  const dir = plant()
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }))
  fs.writeFileSync(path.join(dir, 'src/domain/values.ts'), 'export const y = 1\n')
  fs.writeFileSync(path.join(dir, 'src/extract/text/stage.ts'), "import { y } from '../../domain/values.js'\nexport const stage = y\n")
  fs.writeFileSync(path.join(dir, 'src/store/sqlite/db.ts'), "import Database from 'better-sqlite3'\nexport const db = Database\n")
  fs.writeFileSync(path.join(dir, 'src/schemas/article.ts'), "import { y } from '../domain/values.js'\nexport const s = y\n")
  fs.writeFileSync(path.join(dir, 'src/store/store.ts'), 'export interface Store { kind: string }\n')
  fs.writeFileSync(path.join(dir, 'src/services/ingest.ts'), "import { stage } from '../extract/index.js'\nimport type { Store } from '../store/store.js'\nexport const a = (s: Store) => [stage, s]\n")
  fs.writeFileSync(path.join(dir, 'src/server.ts'), "import { config } from './config.js'\nexport const server = config\n")
  fs.rmSync(path.join(dir, 'src/services/cycle-b.ts'))
  t.same(violationsIn(dir), [])
})
