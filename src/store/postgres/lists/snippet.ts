// A search hit's best passage, as SQLite's snippet(…, '<mark>', '</mark>', '…', n) gives it: at most
// n words around the matches, each match inside <mark>…</mark>, and … where the passage was cut
// from the text. ts_headline marks and cuts but adds no ellipsis, so one is added on each side where
// the passage (marks taken out) does not reach that end of the text. The words chosen can differ
// from SQLite's: each engine picks its own best window (ts_headline the shortest cover of the
// query's terms, FTS5 the window with most distinct matches), and a prefix (negotiat*) is marked
// only where the stemmed word begins with it, since ts_headline reads the text through the stemmer.

const options = (maxWords: number) =>
  `StartSel=<mark>, StopSel=</mark>, MaxWords=${maxWords}, MinWords=${Math.floor(maxWords / 2)}, MaxFragments=1`

const WHITESPACE = "E' \\t\\r\\n'"

/**
 * The snippet of `text` for the tsquery `query` (SQL expressions), at most `maxWords` words. In a
 * page's columns it is computed for the page's rows alone: PostgreSQL evaluates costly output
 * expressions after ORDER BY … LIMIT.
 */
export function snippetSql (text: string, query: string, maxWords: number): string {
  return `(SELECT CASE WHEN starts_with(ltrim(${text}, ${WHITESPACE}), ltrim(plain, ${WHITESPACE})) THEN '' ELSE '…' END
      || marked || CASE WHEN right(rtrim(${text}, ${WHITESPACE}), length(rtrim(plain, ${WHITESPACE}))) = rtrim(plain, ${WHITESPACE})
        THEN '' ELSE '…' END
    FROM (SELECT h AS marked, replace(replace(h, '<mark>', ''), '</mark>', '') AS plain
      FROM ts_headline('news_english', ${text}, ${query}, '${options(maxWords)}') AS h) AS headline)`
}
