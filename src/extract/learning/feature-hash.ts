// Features are 32-bit hashes, not strings: a feature is a template number mixed with hashes of the
// words it looks at, which are hashed once per token. That keeps scoring free of string building
// (the hashing trick: rare collisions cost a little accuracy, never correctness).

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

/** Combines two hashes (murmur3's finaliser over a ⊕ rotated b). */
export function mix (a: number, b: number): number {
  return fmix32((a ^ ((b << 13) | (b >>> 19)) ^ 0x9e3779b9) >>> 0)
}

export const mix3 = (a: number, b: number, c: number): number => mix(mix(a, b), c)
export const mix4 = (a: number, b: number, c: number, d: number): number => mix(mix(mix(a, b), c), d)
