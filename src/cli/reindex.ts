import { readConfig } from '../config.js'
import { openStore } from '../store/open.js'
import { EXTRACTOR_VERSION } from '../extract/index.js'
import { reindex, staleVersions } from '../services/reindex.js'
import { progressBar } from './progress.js'

// npm run reindex: re-parses the articles of DATABASE_PATH whose extractor version is older than this
// one's, in batches. Ctrl-C stops after the batch in progress; running it again goes on from there.
const store = await openStore(readConfig())
const stop = new AbortController()
process.once('SIGINT', () => stop.abort())
process.once('SIGTERM', () => stop.abort())
try {
  const stale = await staleVersions(store, EXTRACTOR_VERSION)
  const total = stale.reduce((sum, v) => sum + v.count, 0)
  if (total === 0) {
    console.log(`reindex: every article is parsed by extractor ${EXTRACTOR_VERSION}`)
  } else {
    console.log(`reindex: ${total} article(s) to re-parse with extractor ${EXTRACTOR_VERSION} ` +
      `(${stale.map((v) => `${v.count} from ${v.version}`).join(', ')})`)
    const bar = progressBar('reindex')
    bar.start(total, 0)
    const summary = await reindex(store, { signal: stop.signal, onProgress: (n) => bar.increment(n) })
    bar.stop()
    console.log(summary.interrupted
      ? `reindex: interrupted after ${summary.reparsed}; ${summary.remaining} left: run npm run reindex again to go on`
      : `reindex: ${summary.reparsed} re-parsed`)
    if (summary.interrupted) process.exitCode = 130
  }
} finally {
  await store.close()
}
