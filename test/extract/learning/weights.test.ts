import t from 'tap'
import { hashString, mix } from '../../../src/extract/learning/feature-hash.js'
import { HashedModel, HashedTrainer } from '../../../src/extract/learning/weights.js'

t.test('hashes are stable across runs (the committed weights depend on them)', async (t) => {
  t.equal(hashString(''), 0x811c9dc5)
  t.equal(hashString('said'), hashString('said'))
  t.not(hashString('said'), hashString('says'))
  t.equal(mix(1, 2), mix(1, 2))
  t.not(mix(1, 2), mix(2, 1))
})

t.test('a trainer learns a separable problem, and its saved weights score like it', async (t) => {
  const trainer = new HashedTrainer(2, 10)
  const examples: [number[], number][] = [[[hashString('good')], 0], [[hashString('bad')], 1]]
  const scores = new Float64Array(2)
  for (let epoch = 0; epoch < 5; epoch++) {
    for (const [features, truth] of examples) {
      trainer.scoreAll(features, features.length, scores)
      const guess = (scores[1] ?? 0) > (scores[0] ?? 0) ? 1 : 0
      trainer.tick()
      if (guess !== truth) { trainer.update(features, 1, truth, 1); trainer.update(features, 1, guess, -1) }
    }
  }
  const { model, next } = HashedModel.fromBuffer(trainer.toBuffer())
  t.equal(next, trainer.toBuffer().length, 'reads exactly what was written')
  for (const [features, truth] of examples) {
    model.scoreAll(features, 1, scores)
    t.equal((scores[1] ?? 0) > (scores[0] ?? 0) ? 1 : 0, truth, 'the averaged model separates them')
  }
  t.equal(model.score([hashString('unseen')], 1, 0), 0, 'an unseen feature weighs nothing')
})
