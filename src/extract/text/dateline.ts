// Datelines: where (and when, and through which agency) a story was filed, as the wire writes it at
// the head of the first paragraph or on a line of its own: "WASHINGTON —", "HEMPSTEAD, N.Y., Sept. 26
// (UPI) —", "SELMA, N.C.—", "NEWPORT NEWS, Va. -", "WASHINGTON --", "Washington (AFP) –".

/** A dateline as written: `text` runs from the place through its dash; the parts are slices of it. */
export interface DatelineParts {
  /** Where the dateline, its dash included, ends in the string parsed. */
  end: number
  text: string
  place: string
  agency: string | null
  date: string | null
}

// A place in capitals ("NEWPORT NEWS", "ST. LOUIS", "KYIV"), or in title case when an agency follows
// ("Washington (AFP)"): a title-case word before a dash is too often an ordinary sentence's subject.
const UPPER_PLACE = String.raw`\p{Lu}[\p{Lu}\p{M}.'’]+(?:[ -]\p{Lu}[\p{Lu}\p{M}.'’]*){0,3}`
const TITLE_PLACE = String.raw`\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){0,2}`
const MONTH = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?`
const DATE = String.raw`${MONTH}\s+\d{1,2}(?:,\s*\d{4})?`
// a state or country after the city: "N.Y.", "Mich.", "D.C.", "Calif.", "Texas", "Ukraine"
const REGION = String.raw`(?!${MONTH}\s+\d)\p{Lu}[\p{L}]*\.?(?:\s?\p{Lu}\.)*`
// "(Reuters)", or a release wire's "/PRNewswire/"
const AGENCY = String.raw`(?:\((?<agency>[^()\n]{1,30})\)|/(?<wire>[^/\n]{2,30})/)`
// a hyphen only with space after it (so "WASHINGTON-based" is no dateline); the long dashes need none
const DASH = String.raw`(?:\s*(?:—|–|―)\s*|\s*--\s+|\s+-\s+|\s*--$|\s+-$)`

const pattern = (place: string, agency: 'optional' | 'required') => new RegExp(
  String.raw`^(?<place>${place}(?:,\s*${REGION})?)(?:,\s*(?<date>${DATE}))?(?:\s*${AGENCY})${agency === 'optional' ? '?' : ''}(?<dash>${DASH})`, 'u')
const UPPER = pattern(UPPER_PLACE, 'optional')
const TITLE = pattern(TITLE_PLACE, 'required')

// Capitals before a dash that open a paragraph but file no story.
const NOT_PLACES = new Set(['BREAKING', 'UPDATE', 'UPDATED', 'EXCLUSIVE', 'WATCH', 'VIDEO', 'PHOTOS', 'ANALYSIS',
  'OPINION', 'EDITORIAL', 'COMMENTARY', 'NOTE', 'CORRECTION', 'LIVE', 'ALERT', 'FLASH', 'URGENT', 'REVIEW', 'Q', 'A',
  'ABSTRACT', 'FULL TEXT', 'LETTERS', 'LETTER', 'TRANSCRIPT', 'SUMMARY', 'BACKGROUND', 'FACT CHECK', 'EDITORS'])

/** The dateline that opens `s`, if any. `alone`: `s` is a line of its own, which may end at its dash or without one. */
export function parseDateline (s: string, alone = false): DatelineParts | null {
  const m = UPPER.exec(s) ?? TITLE.exec(s) ?? (alone ? lineOnly(s) : null)
  if (!m) return null
  const groups = m.groups ?? {}
  const place = groups.place ?? ''
  if (NOT_PLACES.has(place.replace(/[.'’]/g, ''))) return null
  const dash = groups.dash ?? ''
  const end = m[0].length - (dash.length - dash.trimEnd().length)
  if (!alone && m[0].length >= s.length) return null
  return { end, text: s.slice(0, end), place, agency: groups.agency ?? groups.wire ?? null, date: groups.date ?? null }
}

// A line that is only a place in capitals, perhaps with a date or an agency ("MOSCOW", "KYIV, Dec 3").
const LINE_ONLY = new RegExp(String.raw`^(?<place>${UPPER_PLACE}(?:,\s*${REGION})?)(?:,\s*(?<date>${DATE}))?(?:\s*${AGENCY})?(?<dash>)$`, 'u')

/** A place alone on a line; one word closed by a period ("ABSTRACT.", "LETTERS.") labels a section instead. */
function lineOnly (s: string): RegExpExecArray | null {
  const m = LINE_ONLY.exec(s)
  const place = m?.groups?.place ?? ''
  return m && place.length >= 3 && !/^[^\s.]+\.$/u.test(place) ? m : null
}
