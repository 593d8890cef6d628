// npx tsx tools/eval-statements.ts: precision and recall of quote-echo detection (issue 17) on the
// labelled pairs of test/store/statements/fixtures.ts. Thresholds are swept on the tuning part
// (two families in three); the figures reported are the held-out third's, with the defaults of
// src/store/statements/settings.ts, which were set from the sweep and not from the held-out part.
import { DEFAULT_STATEMENT_SETTINGS, checkSettings, type StatementSettings } from '../src/store/statements/settings.js'
import { splitPairs, type LabelledPair } from '../test/store/statements/fixtures.js'
import { measureScale } from './statements-scale.js'
import { f1, jaccardByLabel, precision, recall, scorePairs, scoreStatements, type Score, type Scores } from './statements-score.js'

const pct = (x: number) => (100 * x).toFixed(1).padStart(5)
const row = (name: string, s: Score) => `${name.padEnd(10)} P ${pct(precision(s))}  R ${pct(recall(s))}  F1 ${pct(f1(s))}  (tp ${s.tp}, found ${s.predicted}, labelled ${s.labelled})`

/** Containment keys must reach the shortest containment the matcher accepts (settings.ts). */
function withMinContained (s: StatementSettings, words: number): StatementSettings {
  const shingle = Math.min(4, words - 2)
  return { ...s, minContainedWords: words, speakerKeyShingle: shingle, speakerKeyWindow: words - shingle + 1 }
}

function sweep (tune: LabelledPair[]): void {
  const d = DEFAULT_STATEMENT_SETTINGS
  console.log('sweep on the tuning part (pairs both ways): variant threshold by shingle size')
  console.log('k  jaccard  variant P/R     any P/R / F1')
  for (const shingle of [2, 3]) {
    for (const variantJaccard of [0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7]) {
      const { scores } = scorePairs(tune, { ...d, shingle, variantJaccard })
      console.log(`${shingle}  ${variantJaccard.toFixed(2)}     ${pct(precision(scores.variant))} ${pct(recall(scores.variant))}  ${pct(precision(scores.any))} ${pct(recall(scores.any))} / ${pct(f1(scores.any))}`)
    }
  }
  for (const shingle of [2, 3]) {
    console.log(`\nshingle Jaccard (k = ${shingle}) of same-speaker pairs of 8+ words, not exact copies, by label (sorted):`)
    for (const [label, values] of jaccardByLabel(tune, { ...d, shingle })) console.log(`  ${label.padEnd(9)} ${values.map((v) => v.toFixed(2)).join(' ')}`)
  }
  console.log('\nshingle containment threshold (non-contiguous partial quotes)')
  for (const containment of [0.6, 0.7, 0.8, 0.9, 1.01]) {
    const { scores } = scorePairs(tune, { ...d, containment })
    const both = merge(scores.contained, scores.contains)
    console.log(`containment ${containment.toFixed(2)}  contained+contains P ${pct(precision(both))} R ${pct(recall(both))}  any F1 ${pct(f1(scores.any))}`)
  }
  console.log('\nlength ratio under which a non-contiguous containment wins over a variant')
  for (const containedLengthRatio of [0.7, 0.8, 0.85, 0.9, 1]) {
    const { scores } = scorePairs(tune, { ...d, containedLengthRatio })
    const both = merge(scores.contained, scores.contains)
    console.log(`ratio ${containedLengthRatio.toFixed(2)}  containment P ${pct(precision(both))} R ${pct(recall(both))}  variant P ${pct(precision(scores.variant))} R ${pct(recall(scores.variant))}`)
  }
  console.log('\nleast words of a match with an unresolved side')
  for (const words of [6, 8, 10, 12]) {
    const s = { ...d, minUnresolvedWords: words, openKeyShingle: Math.min(5, words - 3), openKeyWindow: 4 }
    const { scores } = scorePairs(tune, s)
    console.log(`min ${String(words).padStart(2)}  any P ${pct(precision(scores.any))} R ${pct(recall(scores.any))} F1 ${pct(f1(scores.any))}`)
  }
  console.log('\nleast words of a same-speaker containment (shorter quote)')
  for (const words of [4, 5, 6, 7, 8]) {
    const s = withMinContained(d, words)
    const { scores } = scorePairs(tune, s)
    const statements = scoreStatements(tune, s)
    const both = merge(scores.contained, scores.contains)
    console.log(`min ${words}  containment P ${pct(precision(both))} R ${pct(recall(both))}  statements P ${pct(precision(statements))} R ${pct(recall(statements))}`)
  }
}

function merge (a: Score, b: Score): Score {
  return { tp: a.tp + b.tp, predicted: a.predicted + b.predicted, labelled: a.labelled + b.labelled }
}

function lshCurve (s: StatementSettings): void {
  const points = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]
  const chance = (j: number) => 1 - (1 - j ** s.rows) ** s.bands
  console.log(`\nLSH ${s.bands} bands × ${s.rows} rows (${s.bands * s.rows} MinHashes): P(candidate | shingle Jaccard J)`)
  console.log(points.map((j) => `J ${j.toFixed(1)}: ${chance(j).toFixed(3)}`).join('  '))
}

function report (name: string, pairs: LabelledPair[], s: StatementSettings, showErrors: boolean): void {
  const { scores, errors, lostToBuckets } = scorePairs(pairs, s)
  const statements = scoreStatements(pairs, s)
  console.log(`\n${name}: ${pairs.length} pairs, scored both ways`)
  for (const relation of ['exact', 'contained', 'contains', 'variant', 'any'] as const) console.log(row(relation, (scores as Scores)[relation]))
  console.log(row('statement', statements) + '  ← same statement in one index of all the quotes')
  console.log(`cost: ${statements.bucketsPerQuote.toFixed(1)} bucket keys per text class, ${statements.candidatesPerAdd.toFixed(2)} candidate classes per add`)
  console.log(`labelled echoes the matcher would find but no bucket key offered: ${lostToBuckets}`)
  if (showErrors) for (const e of errors) console.log(`  miss/false: ${e}`)
}

const problems = checkSettings(DEFAULT_STATEMENT_SETTINGS)
if (problems.length > 0) throw new Error(problems.join('; '))
const { tune, heldOut } = splitPairs()
sweep(tune)
lshCurve(DEFAULT_STATEMENT_SETTINGS)
console.log(`\ndefaults: ${JSON.stringify(DEFAULT_STATEMENT_SETTINGS)}`)
report('tuning part (the sweep chose on it)', tune, DEFAULT_STATEMENT_SETTINGS, process.argv.includes('--errors'))
report('HELD-OUT part (not tuned on)', heldOut, DEFAULT_STATEMENT_SETTINGS, process.argv.includes('--errors'))

const scaleArg = process.argv.find((a) => a.startsWith('--scale='))
const scale = scaleArg === undefined ? 20000 : Number(scaleArg.slice('--scale='.length))
console.log('\ncost at volume (tools/statements-scale.ts; --scale=N):')
for (const line of measureScale(scale, DEFAULT_STATEMENT_SETTINGS)) console.log(`  ${line}`)
