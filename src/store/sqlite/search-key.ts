/**
 * An article's rowid, also its rowid in the full-text index (migration 007 says why): the minute of
 * its sort key times SLOTS, plus a slot free within that minute. Ordered as sort_at strings are, to
 * the minute.
 */
export const SLOTS = 1_048_576

const ISO_MINUTE = /^(\d{4})-([01]\d)-([0-3]\d)T([0-2]\d):([0-5]\d)/

/**
 * The lowest rowid of the minute of `sortAt`: the same arithmetic as migration 007's. A string that
 * does not open with an ISO 8601 minute (none the API stores) counts as the earliest minute.
 */
export function articleKeyBase (sortAt: string): number {
  const m = ISO_MINUTE.exec(sortAt)
  if (m === null) return 0
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number]
  return ((((year * 12 + month - 1) * 31 + day - 1) * 24 + hour) * 60 + minute) * SLOTS
}

/** The SQL of the next free rowid of the minute that starts at @keyBase. */
export const NEXT_ARTICLE_KEY = `(SELECT coalesce(max(rowid) + 1, @keyBase) FROM articles
  WHERE rowid BETWEEN @keyBase AND @keyBase + ${SLOTS - 1})`
