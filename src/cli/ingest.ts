import { readConfig } from '../config.js'
import { openStore } from '../store/open.js'
import { countDocuments, expandPaths, ingestPaths } from '../services/ingest.js'
import { progressBar } from './progress.js'

// npm run ingest -- PATH...: .txt files (NAME.json beside one gives its metadata), .ndjson/.jsonl files
// (one POST /articles body a line) and folders of them, into DATABASE_PATH (migrating first).
// A text already stored is left as it is. Exits 1 when any document failed, 2 on bad usage.
const paths = process.argv.slice(2)
if (paths.length === 0) {
  console.error('usage: npm run ingest -- PATH...   (.txt and .ndjson files, folders of them)')
  process.exit(2)
}
const config = readConfig()
const store = await openStore(config)
try {
  const bar = progressBar('ingest')
  bar.start(await countDocuments(expandPaths(paths).files), 0)
  const summary = await ingestPaths(paths, store, {
    maxArticleBytes: config.MAX_ARTICLE_BYTES,
    onProgress: (n) => bar.increment(n)
  })
  bar.stop()
  for (const { source, detail } of summary.failures) console.error(`failed   ${source}: ${detail}`)
  console.log(`ingest: ${summary.created} created, ${summary.existing} existing, ${summary.failed} failed`)
  process.exitCode = summary.failed > 0 ? 1 : 0
} finally {
  await store.close()
}
