// 32-bit hashes for fingerprints. Deterministic and seed-free at module level, so every process
// (and a later SQL rebuild) derives the same bucket keys from the same words. The string hash and
// the combiner are the pipeline's own (one implementation of the hashing the models use too).
import { fmix32, hashString, mix } from '../../extract/index.js'

export { fmix32, hashString }

/** Combines two hashes, order mattering. */
export const combine = mix

export function hex32 (h: number): string {
  return (h >>> 0).toString(16).padStart(8, '0')
}
