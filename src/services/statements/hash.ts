// 32-bit hashes for fingerprints. Deterministic and seed-free at module level, so every process
// (and a later SQL rebuild) derives the same bucket keys from the same words.

/** FNV-1a over UTF-16 code units. */
export function hashString (s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

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
export function combine (a: number, b: number): number {
  return fmix32((a ^ ((b << 13) | (b >>> 19)) ^ 0x9e3779b9) >>> 0)
}

export function hex32 (h: number): string {
  return (h >>> 0).toString(16).padStart(8, '0')
}
