// Constant-time key comparison, checked by what the comparison does rather than by timing it (a
// timing test through HTTP cannot see a string comparison's nanoseconds): every presented key is
// compared with crypto.timingSafeEqual against every configured key, always as equal-length
// digests, whichever key matches and however much of it was right.
import * as crypto from 'node:crypto'
import Fastify from 'fastify'
import t from 'tap'

const KEYS = ['first-key-0123456789abcdef', 'second-key-0123456789abcdef', 'third-key-0123456789abcdef']

t.test('every key is compared, as equal-length digests, with timingSafeEqual, whatever is presented', async (t) => {
  const calls: [number, number][] = []
  const { default: auth } = await t.mockImport<typeof import('../../../src/http/plugins/auth.js')>('../../../src/http/plugins/auth.js', {
    'node:crypto': {
      ...crypto,
      timingSafeEqual: (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => { calls.push([a.byteLength, b.byteLength]); return crypto.timingSafeEqual(a, b) }
    }
  })
  const app = Fastify()
  await app.register(auth, { apiKeys: KEYS })
  app.post('/write', { onRequest: app.requireApiKey }, async () => ({ ok: true }))
  await app.ready()
  t.teardown(() => app.close())
  const presented = [
    ['the first key', KEYS[0], 200], ['the last key', KEYS[2], 200],
    ['the first key but its last character', `${KEYS[0]?.slice(0, -1)}X`, 401], ['a key wrong from its first character', `X${KEYS[0]?.slice(1)}`, 401],
    ['a one-character key', 'k', 401], ['a 10 kB key', 'k'.repeat(10_000), 401]
  ] as const
  for (const [what, key, status] of presented) {
    calls.length = 0
    const res = await app.inject({ method: 'POST', url: '/write', headers: { authorization: `Bearer ${key}` } })
    t.equal(res.statusCode, status, what)
    t.equal(calls.length, KEYS.length, `${what}: compared with all ${KEYS.length} keys, no early exit`)
    t.ok(calls.every(([a, b]) => a === 32 && b === 32), `${what}: as 32-byte digests, whatever its length`)
  }
})
