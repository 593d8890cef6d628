// The words a variant changes: a word-level diff (longest common subsequence) of two canonical word
// sequences, reported as spans into each quote's original text. The common prefix and suffix are
// taken off first; a middle too large for the LCS table is reported whole, so the cost is bounded.
import type { Span } from '../../domain/extraction.js'
import type { EchoDifferences } from '../../domain/statements.js'
import type { QuoteWord } from './normalise.js'

/** Cells of the LCS table at most (two 500-word middles): beyond it the middle is one change. */
export const DIFF_CELL_BUDGET = 250_000

function commonEnds (a: readonly QuoteWord[], b: readonly QuoteWord[]): { head: number, tail: number } {
  let head = 0
  while (head < a.length && head < b.length && a[head]?.text === b[head]?.text) head++
  let tail = 0
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail]?.text === b[b.length - 1 - tail]?.text) tail++
  return { head, tail }
}

/** Which words of a and b the LCS keeps (true = shared). */
function lcsKept (a: readonly string[], b: readonly string[]): { keptA: boolean[], keptB: boolean[] } {
  const width = b.length + 1
  const table = new Uint32Array((a.length + 1) * width)
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] = a[i] === b[j] ? (table[(i + 1) * width + j + 1] ?? 0) + 1
        : Math.max(table[(i + 1) * width + j] ?? 0, table[i * width + j + 1] ?? 0)
    }
  }
  const keptA = a.map(() => false)
  const keptB = b.map(() => false)
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) { keptA[i++] = true; keptB[j++] = true } else if ((table[(i + 1) * width + j] ?? 0) >= (table[i * width + j + 1] ?? 0)) i++
    else j++
  }
  return { keptA, keptB }
}

/** Adjacent changed words make one span, from the first word's start to the last word's end. */
function changedSpans (words: readonly QuoteWord[], kept: readonly boolean[]): Span[] {
  const spans: Span[] = []
  let open: Span | null = null
  words.forEach((w, i) => {
    if (kept[i] === true) { if (open) spans.push(open); open = null } else open = open ? { start: open.start, end: w.end } : { start: w.start, end: w.end }
  })
  if (open) spans.push(open)
  return spans
}

export function wordDifferences (a: readonly QuoteWord[], b: readonly QuoteWord[]): EchoDifferences {
  const { head, tail } = commonEnds(a, b)
  const midA = a.slice(head, a.length - tail)
  const midB = b.slice(head, b.length - tail)
  const tooLarge = (midA.length + 1) * (midB.length + 1) > DIFF_CELL_BUDGET
  const { keptA, keptB } = tooLarge ? { keptA: midA.map(() => false), keptB: midB.map(() => false) }
    : lcsKept(midA.map((w) => w.text), midB.map((w) => w.text))
  return { here: changedSpans(midA, keptA), there: changedSpans(midB, keptB) }
}
