import { readConfig } from '../config.js'
import { openStore } from '../store/open.js'
import { assignPendingStatements, rebuildReport } from '../services/statements.js'

// npm run statements:rebuild: assigns any quote still without a statement, then recomputes every
// statement from scratch and reports each quote whose stored statement differs (exit code 1 if any).
const store = await openStore(readConfig())
try {
  const assigned = await assignPendingStatements(store)
  if (assigned > 0) console.log(`statements: assigned ${assigned} quote(s) stored before statements existed`)
  const report = await rebuildReport(store)
  console.log(`statements: ${report.quotes} quote(s) in ${report.statements} statement(s) rebuilt; ${report.differences.length} difference(s)`)
  for (const d of report.differences.slice(0, 50)) console.log(`  ${d.quoteId}: stored ${d.stored ?? 'none'}, rebuilt ${d.rebuilt ?? 'none'}`)
  if (report.differences.length > 0) process.exitCode = 1
} finally {
  await store.close()
}
