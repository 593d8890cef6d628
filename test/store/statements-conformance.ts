// Statements (issue 17) through the Store interface, on every adapter: the articles of
// statements/echo-articles.ts parsed by the real pipeline, stored, deleted and re-extracted.
import fc from 'fast-check'
import type { Test } from 'tap'
import type { ParsedArticle } from '../../src/domain/extraction.js'
import type { Quote } from '../../src/domain/resources.js'
import { PIPELINE } from '../../src/services/submissions.js'
import { rebuildReport } from '../../src/services/statements.js'
import type { Store } from '../../src/store/store.js'
import {
  ECHO_ARTICLES, MISQUOTED, ORIGINAL, OTHER_SPEAKER_STOCK_PHRASE, SAME_SPEAKER_OTHER_STORY, SYNDICATED, TRIMMED, type EchoArticle
} from './statements/echo-articles.js'

type OpenStore = (t: Test) => Promise<Store>

async function store (s: Store, a: EchoArticle, version = PIPELINE.version): Promise<string> {
  const { id } = await s.saveArticle(a.text, { publisher: a.publisher, publishedAt: a.publishedAt }, PIPELINE.parse(a.text), version)
  return id
}

async function all<T> (items: AsyncIterable<T> | Iterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of items) out.push(item)
  return out
}

async function quotesOf (s: Store, articleId: string): Promise<Quote[]> {
  return all(s.lists.quotes.walk({ articleId }, 'oldest'))
}

async function quoteSaying (s: Store, articleId: string, words: string): Promise<Quote> {
  const quote = (await quotesOf(s, articleId)).find((q) => q.text.includes(words))
  if (!quote) throw new Error(`no quote with "${words}" in ${articleId}`)
  return quote
}

/** The articles carrying a quote's statement, by fixture name. */
async function carriers (s: Store, quote: Quote, ids: Map<string, string>): Promise<string[]> {
  const names = new Map([...ids].map(([name, id]) => [id, name]))
  const quotes = await all(s.lists.quotes.walk({ statement: quote.statementId ?? '-' }, 'oldest'))
  return [...new Set(quotes.map((q) => names.get(q.articleId) ?? q.articleId))].sort()
}

/** Every stored quote's statement against a rebuild from scratch: no difference. */
async function rebuildDifferences (s: Store): Promise<unknown[]> {
  return (await rebuildReport(s)).differences
}

// Wordings of a few statements: exact copies, trims, one word changed, stock phrases, by two speakers.
const WORDINGS = [
  'We will rebuild every school that the flood destroyed before the rains return',
  'We will rebuild every school that the storm destroyed before the rains return',
  'rebuild every school that the flood destroyed',
  'The money for roads will double next year because traffic has grown by a third',
  'The money for roads will triple next year because traffic has grown by a third',
  'We will see.',
  'No comment.'
]
const SPEAKERS = [
  { id: 'person-amara-okafor', name: 'Amara Okafor' },
  { id: 'person-bello-adeyemi', name: 'Bello Adeyemi' },
  null
]

/** An article of the given quotes (wording, speaker index), parsed as the pipeline would. */
function articleOf (n: number, quotes: [number, number][]): { text: string, parsed: ParsedArticle } {
  let text = `Story ${n}\n\n`
  const parsedQuotes: ParsedArticle['quotes'] = []
  const mentions = new Map<string, { text: string, start: number, end: number }[]>()
  quotes.forEach(([w, s], i) => {
    const speaker = SPEAKERS[s] ?? null
    const content = `"${WORDINGS[w] ?? ''}"`
    const start = text.length
    text += `${content} ${speaker?.name ?? 'an official'} said in part ${i}.\n\n`
    const source = { text: speaker?.name ?? 'an official', start: start + content.length + 1, end: start + content.length + 1 + (speaker?.name ?? 'an official').length }
    if (speaker) mentions.set(speaker.id, [...(mentions.get(speaker.id) ?? []), source])
    parsedQuotes.push({ text: content, kind: 'direct', spans: [{ start, end: start + content.length }], cue: null, source, speakerId: speaker?.id ?? null, paragraph: i + 1 })
  })
  const entities = [...mentions].map(([id, m]) => {
    const name = SPEAKERS.find((sp) => sp?.id === id)?.name ?? ''
    return { id, name, type: 'person' as const, aliases: [name], titles: [], mentions: m }
  })
  const paragraphs = text.split('\n\n').filter(Boolean).map((p, index) => ({ index, kind: 'paragraph' as const, text: p, start: text.indexOf(p), end: text.indexOf(p) + p.length }))
  return { text, parsed: { title: `Story ${n}`, titleSpan: null, dek: null, byline: null, dateline: null, trailer: [], lede: '', paragraphs, entities, quotes: parsedQuotes } }
}

type Save = { kind: 'save', n: number, day: number, quotes: [number, number][] }
// several new articles in one write (createArticles: one transaction, their quotes placed together)
type SaveMany = { kind: 'saveMany', saves: Save[] }
type Op = Save | SaveMany | { kind: 'delete', n: number } | { kind: 'reparse', n: number }

const SAVE = fc.record({ kind: fc.constant('save' as const), n: fc.nat(12), day: fc.nat(27), quotes: fc.array(fc.tuple(fc.nat(WORDINGS.length - 1), fc.nat(2)), { minLength: 1, maxLength: 3 }) })
const metadataOf = (op: Save) => ({ publisher: `P${op.n % 3}`, publishedAt: `2026-03-${String(op.day + 1).padStart(2, '0')}T10:00:00Z` })

const OPS = fc.array(fc.oneof(
  { weight: 4, arbitrary: SAVE },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('saveMany' as const), saves: fc.array(SAVE, { minLength: 2, maxLength: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), n: fc.nat(12) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reparse' as const), n: fc.nat(12) }) }
), { minLength: 1, maxLength: 14 })

export function statementConformance (t: Test, open: OpenStore): void {
  t.test('statements: any sequence of saves, deletes and re-extractions leaves what a rebuild gives, with right counts', async (t) => {
    await fc.assert(fc.asyncProperty(OPS, async (ops: Op[]) => {
      const s = await open(t)
      const stored = new Map<number, { text: string, parsed: ParsedArticle }>()
      let version = 0
      for (const op of ops) {
        if (op.kind === 'save') {
          const old = stored.get(op.n)
          if (old) await s.deleteArticle((await s.saveArticle(old.text, {}, old.parsed, 'v')).id)
          const article = articleOf(op.n, op.quotes)
          await s.saveArticle(article.text, metadataOf(op), article.parsed, 'v')
          stored.set(op.n, article)
        } else if (op.kind === 'saveMany') {
          // only articles not stored yet: a create leaves a stored text as it is
          const fresh = [...new Map(op.saves.filter((o) => !stored.has(o.n)).map((o) => [o.n, o])).values()]
          const made = fresh.map((o) => ({ op: o, article: articleOf(o.n, o.quotes) }))
          const results = await s.createArticles(made.map(({ op: o, article }) => ({ text: article.text, metadata: metadataOf(o), parse: () => article.parsed, extractorVersion: 'v' })))
          t.ok(results.every((r) => !(r instanceof Error)), 'every article of the batch stored')
          for (const { op: o, article } of made) stored.set(o.n, article)
        } else if (op.kind === 'delete') {
          const old = stored.get(op.n)
          if (old) await s.deleteArticle((await s.saveArticle(old.text, {}, old.parsed, 'v')).id)
          stored.delete(op.n)
        } else {
          const old = stored.get(op.n)
          if (old) await s.reparseArticles([{ id: (await s.lists.articles.page({}, 'newest', 100)).items.find((a) => a.title === `Story ${op.n}`)?.id ?? '', parsed: old.parsed }], `v${++version}`)
        }
      }
      t.same(await rebuildDifferences(s), [], JSON.stringify(ops))
      const quotes = await all(s.lists.quotes.walk({}, 'oldest'))
      const byStatement = new Map<string, Quote[]>()
      for (const q of quotes) byStatement.set(q.statementId ?? '', [...(byStatement.get(q.statementId ?? '') ?? []), q])
      t.equal(await s.lists.statements.count({}), byStatement.size, 'one row per statement')
      for (const [id, members] of byStatement) {
        const row = await s.getStatement(id)
        t.match(row, { quoteCount: members.length, articles: new Set(members.map((q) => q.articleId)).size }, `counts of ${id}`)
      }
    }), { numRuns: 12 })
  })

  t.test('statements: syndicated, trimmed and misquoted copies are one statement; other words and other speakers are not', async (t) => {
    const s = await open(t)
    const ids = new Map<string, string>()
    for (const a of ECHO_ARTICLES) ids.set(a.name, await store(s, a))
    const promise = await quoteSaying(s, ids.get(ORIGINAL.name) ?? '', 'every school')
    t.same(await carriers(s, promise, ids), [MISQUOTED.name, ORIGINAL.name, SYNDICATED.name, TRIMMED.name].sort())
    t.equal(promise.statementId, promise.id, 'named by its earliest quote: the original')
    t.match(await s.getStatement(promise.statementId ?? ''), {
      id: promise.id,
      speaker: { name: 'Amara Okafor' },
      articles: 4,
      publishers: 4,
      firstAppearance: { quoteId: promise.id, articleId: ids.get(ORIGINAL.name), publisher: 'Wire Agency', at: '2026-03-02T08:00:00.000Z' }
    })
    const stock = await quoteSaying(s, ids.get(ORIGINAL.name) ?? '', 'We will see')
    t.same(await carriers(s, stock, ids), [ORIGINAL.name, SYNDICATED.name].sort(), "the governor's 'We will see' is another statement")
    const roads = await quoteSaying(s, ids.get(SAME_SPEAKER_OTHER_STORY.name) ?? '', 'roads')
    t.same(await carriers(s, roads, ids), [SAME_SPEAKER_OTHER_STORY.name])
    const governor = await quoteSaying(s, ids.get(OTHER_SPEAKER_STOCK_PHRASE.name) ?? '', 'We will see')
    t.not(governor.statementId, stock.statementId)
    t.same(await rebuildDifferences(s), [])
  })

  t.test('statements: quotes carried by other articles (minEchoes), and the statements list', async (t) => {
    const s = await open(t)
    const ids = new Map<string, string>()
    for (const a of ECHO_ARTICLES) ids.set(a.name, await store(s, a))
    const carried = await all(s.lists.quotes.walk({ minEchoes: 3 }, 'oldest'))
    t.same([...new Set(carried.map((q) => q.statementId))].length, 1, 'one statement is carried by 3 other articles')
    t.ok(carried.every((q) => q.text.includes('every school')))
    const widest = (await s.lists.statements.page({ minArticles: 2 }, 'articles', 10)).items
    // the syndicated copy repeats the original's three other quotes
    t.same(widest.map((st) => st.articles), [4, 2, 2, 2])
    t.same((await s.lists.statements.page({ speaker: widest[0]?.speaker?.id }, 'oldest', 10)).items.every((st) => st.speaker?.id === widest[0]?.speaker?.id), true)
    t.equal(await s.lists.statements.count({ minArticles: 5 }), 0)
    const page = await s.lists.statements.page({}, 'newest', 2)
    t.equal(page.items.length, 2)
    const rest = await s.lists.statements.page({}, 'newest', 100, page.next ?? undefined)
    t.equal(page.items.length + rest.items.length, await s.lists.statements.count({}))
  })

  t.test('statements: a deleted article leaves its statements, which split when the quote joining them goes', async (t) => {
    const s = await open(t)
    const ids = new Map<string, string>()
    for (const a of ECHO_ARTICLES) ids.set(a.name, await store(s, a))
    await s.deleteArticle(ids.get(SYNDICATED.name) ?? '')
    const promise = await quoteSaying(s, ids.get(ORIGINAL.name) ?? '', 'every school')
    t.same(await carriers(s, promise, ids), [MISQUOTED.name, ORIGINAL.name, TRIMMED.name].sort())
    t.match(await s.getStatement(promise.id), { articles: 3, publishers: 3 })
    await s.deleteArticle(ids.get(ORIGINAL.name) ?? '')
    t.equal(await s.getStatement(promise.id), null, 'the statement named by a deleted quote is gone')
    // the trimmed copy and the misquote echoed only the original: each is now alone
    const trimmed = await quoteSaying(s, ids.get(TRIMMED.name) ?? '', 'every school')
    const misquoted = await quoteSaying(s, ids.get(MISQUOTED.name) ?? '', 'every school')
    t.same(await carriers(s, trimmed, ids), [TRIMMED.name])
    t.same(await carriers(s, misquoted, ids), [MISQUOTED.name])
    t.same(await rebuildDifferences(s), [])
  })

  t.test('statements: re-extraction and arrival order change nothing', async (t) => {
    const forward = await open(t)
    const backward = await open(t)
    for (const a of ECHO_ARTICLES) await store(forward, a)
    for (const a of [...ECHO_ARTICLES].reverse()) await store(backward, a)
    const statementsOf = async (s: Store) => (await all(s.lists.quotes.walk({}, 'oldest'))).map((q) => [q.id, q.statementId])
    const before = await statementsOf(forward)
    t.same(await statementsOf(backward), before)
    for (const a of ECHO_ARTICLES) await store(forward, a, 'another-version')
    t.same(await statementsOf(forward), before)
    t.equal(await forward.assignPendingStatements(100), 0)
  })
}
