// The "trailing" words that may follow an attribution ("said on Wednesday."): times, settings and
// final punctuation. The sentence splitter reads them to keep a quote's attribution in its sentence,
// the quote stages to see where an attribution ends.
import { MONTHS, WEEKDAYS } from '../knowledge/lexicon.js'
import type { Token } from '../../domain/extraction.js'
import { at } from '../util/at.js'

const TRAILING = new Set(['on', 'in', 'at', 'during', 'last', 'this', 'earlier', 'later', 'today', 'yesterday',
  'tonight', 'morning', 'afternoon', 'evening', 'night', 'week', 'month', 'year', 'a', 'an', 'the',
  'statement', 'interview', 'conference', 'news', 'briefing', 'told', 'reporters', 'journalists', 'by', 'phone',
  'televised', 'address', 'speech', 'post', 'social', 'media', 'recently', 'previously', 'also', 'too'])

/** Whether tokens [i, end) hold only time/setting words and final punctuation ("Wednesday."). */
export function onlyTrailing (tokens: Token[], i: number, end: number): boolean {
  for (let j = i; j < end; j++) {
    const t = at(tokens, j)
    const w = t.text.toLowerCase()
    if (/^[.!?…"”’»)]$/u.test(t.text) || WEEKDAYS.has(w) || MONTHS.has(w) || TRAILING.has(w) || /^\p{N}/u.test(t.text)) continue
    return false
  }
  return true
}
