// The rebuild command's core: statements recomputed from scratch, and how they differ from the
// stored ones. Statement ids are named by the earliest quote, so stored and rebuilt ids compare
// directly: any difference is a real one.
import type { StatementQuote } from '../../domain/statements.js'
import { StatementIndex } from './assign.js'
import type { StatementSettings } from './settings.js'

export interface AssignmentDifference {
  quoteId: string
  stored: string | null
  rebuilt: string | null
}

export function rebuildStatements (quotes: Iterable<StatementQuote>, settings: StatementSettings): Map<string, string> {
  const index = new StatementIndex(settings)
  for (const q of quotes) index.add(q)
  return index.assignments()
}

export function diffAssignments (stored: ReadonlyMap<string, string>, rebuilt: ReadonlyMap<string, string>): AssignmentDifference[] {
  const ids = [...new Set([...stored.keys(), ...rebuilt.keys()])].sort()
  return ids.flatMap((quoteId) => {
    const s = stored.get(quoteId) ?? null
    const r = rebuilt.get(quoteId) ?? null
    return s === r ? [] : [{ quoteId, stored: s, rebuilt: r }]
  })
}
