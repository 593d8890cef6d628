// Titles before a person's name: "Foreign Minister Sergey Lavrov", "Deputy Prime Minister X",
// "Secretary of State X", "Mr. X". The title is the longest leading run of title words that ends
// in a head word; honorifics are peeled off but not kept as titles.
import { TITLE_HEADS, TITLE_MODIFIERS } from './lexicon.js'
import { at } from '../util/at.js'

const HONORIFICS = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'sir'])

export interface TitleSplit {
  title: string | null
  /** A title or honorific was found: what follows is a person's name. */
  personal: boolean
  rest: string[]
}

/** Splits leading title words off a capitalised run of words. */
export function splitTitle (words: string[]): TitleSplit {
  let end = 0
  let honorific = false
  for (let i = 0; i < words.length; i++) {
    const w = at(words, i).toLowerCase()
    if (TITLE_HEADS.has(w)) {
      end = i + 1
      honorific = HONORIFICS.has(w)
      // "Secretary of State", "Minister of Defence"
      if (words[i + 1] === 'of' && words[i + 2]) { end = i + 3; i += 2 }
    } else if (!TITLE_MODIFIERS.has(w)) break
  }
  if (end === 0) return { title: null, personal: false, rest: words }
  const title = honorific ? null : words.slice(0, end).join(' ')
  return { title, personal: true, rest: words.slice(end) }
}

/** The head words of a title, lower-case ("Foreign Minister" → ["foreign", "minister"]). */
export const titleWords = (title: string): string[] => title.toLowerCase().split(/\s+/)
