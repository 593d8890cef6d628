// A word's shape, a feature both the NER tagger and the attribution models read: the classes of its
// characters (upper case, lower case, digit, other) with runs squeezed, so "Lavrov" and "Moscow"
// share one ("Xxx"), as do "U.S." and "U.K." ("X.X.").

/** "Xxxx", "xx", "XX", "dd", "X.X.": character classes with runs squeezed to two. */
export function shapeOf (word: string): string {
  let out = ''
  let last = ''
  let run = 0
  for (let i = 0; i < word.length; i++) {
    const c = classOf(word, i)
    run = c === last ? run + 1 : 1
    last = c
    if (run <= 2) out += c
  }
  return out
}

/** "X" upper-case letter, "x" lower-case, "d" digit, else the character itself; ASCII without case mapping. */
function classOf (word: string, i: number): string {
  const code = word.charCodeAt(i)
  if (code >= 65 && code <= 90) return 'X'
  if (code >= 97 && code <= 122) return 'x'
  if (code >= 48 && code <= 57) return 'd'
  const ch = word[i] as string
  if (code < 128) return ch
  const lower = ch.toLowerCase()
  const upper = ch.toUpperCase()
  return lower !== upper ? (ch === upper ? 'X' : 'x') : ch
}
