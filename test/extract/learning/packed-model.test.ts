import fs from 'node:fs'
import t, { type Test } from 'tap'
import { hashString } from '../../../src/extract/learning/feature-hash.js'
import { PackedModel } from '../../../src/extract/learning/packed-model.js'
import { HashedModel, HashedTrainer } from '../../../src/extract/learning/weights.js'
import { MODEL_FILE } from '../../../src/extract/quotes/attribution-model.js'

/** Every scoring call of both models, on the same features: the sums must be equal to the bit. */
function sameScores (t: Test, buffer: Buffer, offset: number, features: number[]): number {
  const dense = HashedModel.fromBuffer(buffer, offset)
  const packed = PackedModel.fromBuffer(buffer, offset)
  t.equal(packed.next, dense.next, 'reads as many bytes')
  const labels = dense.model.labels
  const a = new Float64Array(labels)
  const b = new Float64Array(labels)
  let differing = 0
  for (let from = 0; from + 20 <= features.length; from += 20) {
    const window = features.slice(from, from + 20)
    dense.model.scoreAll(window, window.length, a)
    packed.model.scoreAll(window, window.length, b)
    for (let l = 0; l < labels; l++) {
      if (!Object.is(a[l], b[l])) differing++
      if (!Object.is(dense.model.score(window, window.length, l), packed.model.score(window, window.length, l))) differing++
    }
  }
  t.equal(differing, 0, 'no sum differs')
  return dense.next
}

t.test('a packed model scores as the dense one, for any number of labels', async (t) => {
  for (const labels of [1, 3, 17]) {
    const trainer = new HashedTrainer(labels, 12)
    for (let i = 0; i < 2000; i++) {
      trainer.tick()
      const features = [hashString(`f${i % 300}`), hashString(`g${i % 77}`)]
      trainer.update(features, 2, i % labels, 1)
      trainer.update(features, 2, (i + 1) % labels, -0.5)
    }
    const features = Array.from({ length: 4000 }, (_, i) => hashString(`${i % 2 ? 'f' : 'g'}${i % 500}`))
    sameScores(t, trainer.toBuffer(), 0, features)
  }
})

t.test('the committed attribution models score packed as they do dense', { skip: !fs.existsSync(MODEL_FILE) && 'no models/quotes.bin' }, async (t) => {
  const buffer = fs.readFileSync(MODEL_FILE)
  const features = Array.from({ length: 20_000 }, (_, i) => hashString(`feature ${i}`))
  let offset = 0
  for (let model = 0; model < 3; model++) offset = sameScores(t, buffer, offset, features)
  t.equal(offset, buffer.length, 'three models fill the file')
})
