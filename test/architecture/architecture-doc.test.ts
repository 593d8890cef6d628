// docs/architecture.md is how a newcomer finds the layer of a file and what it may import: it must
// name every folder of src/ and every import rule, so a new folder or rule cannot go undocumented.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import t from 'tap'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const doc = fs.readFileSync(path.join(ROOT, 'docs/architecture.md'), 'utf8')

function foldersUnder (dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) => [`${dir}/${e.name}`, ...foldersUnder(`${dir}/${e.name}`)])
}

t.test('every folder of src/ is named', async (t) => {
  const folders = foldersUnder('src')
  t.ok(folders.length > 10)
  for (const folder of folders) {
    const [, layer, ...rest] = folder.split('/')
    // a stage folder may be named in its layer's row: `src/extract/` … `text/`
    const named = doc.includes(`\`${folder}/\``) || (rest.length > 0 && doc.includes(`\`src/${layer}/\``) && doc.includes(`\`${rest.join('/')}/\``))
    t.ok(named, folder)
  }
})

t.test('every top-level file of src/ is named', async (t) => {
  for (const file of fs.readdirSync(path.join(ROOT, 'src')).filter((f) => f.endsWith('.ts'))) t.ok(doc.includes(`\`src/${file}\``), file)
})

t.test('every import rule is named', async (t) => {
  const config = createRequire(import.meta.url)(path.join(ROOT, '.dependency-cruiser.cjs')) as { forbidden: { name: string }[] }
  for (const { name } of config.forbidden) t.ok(doc.includes(`\`${name}\``), name)
})
