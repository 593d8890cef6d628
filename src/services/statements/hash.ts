// 32-bit hashes for fingerprints. Deterministic and seed-free at module level, so every process
// (and a later SQL rebuild) derives the same bucket keys from the same words. The string hash and
// the combiner are the pipeline's own (one implementation of the hashing the models use too).
import { hashString, mix } from '../../extract/index.js'

export { hashString }

/** murmur3's finaliser: spreads every input bit over the whole word. */
export function fmix32 (x: number): number {
  let h = x >>> 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** Combines two hashes, order mattering. */
export const combine = mix

export function hex32 (h: number): string {
  return (h >>> 0).toString(16).padStart(8, '0')
}
