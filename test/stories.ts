// Generated articles for the load, crash and concurrency tests: distinct texts the pipeline finds
// quotes and entities in, with a fixed publication time each so that two runs store the same rows.
const PEOPLE = ['Sergey Lavrov', 'Jane Doe', 'Angela Merkel', 'John Smith', 'Maria Garcia', 'Ahmed Hassan']
const PLACES = ['MOSCOW', 'LEEDS', 'BERLIN', 'CAIRO', 'MADRID']
const ORGS = ['the United Nations', 'Reuters', 'the European Union', 'NATO']

/** The n-th story: a title, a dateline and `paragraphs` quoted paragraphs. */
export function story (n: number, paragraphs = 4): { text: string, publishedAt: string } {
  const who = (k: number) => PEOPLE[(n + k) % PEOPLE.length] ?? 'Jane Doe'
  const body = Array.from({ length: paragraphs }, (_, k) => k % 2 === 0
    ? `“We will keep talking about plan ${n}-${k},” ${who(k)} said on Monday, speaking to ${ORGS[(n + k) % ORGS.length] ?? 'Reuters'}.`
    : `${who(k)} told reporters that the vote on measure ${n}-${k} would go ahead, according to officials in ${PLACES[(n + k) % PLACES.length]?.toLowerCase() ?? 'leeds'}.`)
  const text = [`Talks on plan ${n} go on`, PLACES[n % PLACES.length] ?? 'LEEDS', ...body].join('\n\n')
  const publishedAt = new Date(Date.UTC(2025, 0, 1) + n * 60_000).toISOString().replace('.000Z', 'Z')
  return { text, publishedAt }
}

/** `count` stories from `from` as NDJSON lines (each ending in a newline). */
export function storyLines (count: number, from = 1, paragraphs = 4): string[] {
  return Array.from({ length: count }, (_, i) => `${JSON.stringify(story(from + i, paragraphs))}\n`)
}
