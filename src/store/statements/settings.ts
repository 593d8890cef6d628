// The parameters of statement matching, in one value the caller passes (no module state), so the
// evaluation can sweep them and the stores use the defaults. docs/statements.md says how each was
// chosen; tools/eval-statements.ts measures them.

export interface StatementSettings {
  /** Words per similarity shingle (Jaccard, shingle containment, MinHash). */
  shingle: number
  /** MinHash permutations; bands × rows of them make the LSH keys. */
  bands: number
  rows: number
  /** Least shingle Jaccard of a variant. */
  variantJaccard: number
  /** Least share of the shorter quote's shingles inside the longer for a non-contiguous containment. */
  containment: number
  /** A non-contiguous containment needs the shorter at most this share of the longer's words; closer lengths make a variant. */
  containedLengthRatio: number
  /** A same-speaker containment needs the shorter quote this long (stock phrases are shorter). */
  minContainedWords: number
  /** A variant needs both quotes this long: a few shingles say too little. */
  minVariantWords: number
  /** With an unresolved side, only exact copies and containments of at least this many words match. */
  minUnresolvedWords: number
  /**
   * Containment bucket keys: winnowed word shingles. Any run of window + shingle − 1 shared words
   * shares a key, so those sums must not exceed minContainedWords and minUnresolvedWords.
   */
  speakerKeyShingle: number
  speakerKeyWindow: number
  openKeyShingle: number
  openKeyWindow: number
  /**
   * A new wording is linked to at most this many of the wordings it matches, the most similar
   * (ties: by class key). Real statements never reach it (0.47 candidates per add, p99 4); a
   * template that varies one word ("talks on plan 41", "plan 42", …) would otherwise link every
   * new wording to every earlier one, and the edges of a statement would grow as its square.
   */
  maxLinks: number
  /**
   * Of the wordings sharing bucket keys with a new one, at most this many are matched: those that
   * share the most keys (ties: by class key). The same template bounds the matching cost per add.
   */
  maxCandidates: number
  /**
   * Classes read per bucket key: the most recently stored. A key shared by thousands of classes (a
   * template's fixed words) then costs a bounded read; a real echo shares many keys, and the
   * recent classes of a hot key are the closest wordings of a template anyway.
   */
  bucketReads: number
}

export const DEFAULT_STATEMENT_SETTINGS: StatementSettings = {
  shingle: 2,
  bands: 10,
  rows: 2,
  variantJaccard: 0.4,
  containment: 0.8,
  containedLengthRatio: 0.85,
  minContainedWords: 6,
  minVariantWords: 8,
  minUnresolvedWords: 8,
  speakerKeyShingle: 4,
  speakerKeyWindow: 3,
  openKeyShingle: 5,
  openKeyWindow: 4,
  maxLinks: 8,
  maxCandidates: 32,
  bucketReads: 64
}

/** The settings' promises hold: every containment the matcher accepts is reachable through a shared key. */
export function checkSettings (s: StatementSettings): string[] {
  const problems: string[] = []
  if (s.speakerKeyWindow + s.speakerKeyShingle - 1 > s.minContainedWords) problems.push('speaker keys miss short containments')
  if (s.openKeyWindow + s.openKeyShingle - 1 > s.minUnresolvedWords) problems.push('open keys miss short containments')
  if (s.shingle > s.minVariantWords) problems.push('variants shorter than a shingle')
  return problems
}
