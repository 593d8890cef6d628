// The seed article end to end: what a correct parse holds, asserted inline.
import { readFileSync } from 'node:fs'
import t from 'tap'
import { parseArticle, parseArticleStrict } from '../../src/extract/pipeline.js'
import { EXTRACTOR_VERSION } from '../../src/extract/version.js'

const text = readFileSync(new URL('../../seed/lavrov-syria-military-presence.txt', import.meta.url), 'utf8')
const a = parseArticleStrict(text)
const TITLE = 'Russia in discussions with Syria about maintaining its military presence: Lavrov'
const speakerName = (id: string | null): string | null => a.entities.find((e) => e.id === id)?.name ?? null

t.test('segmentation', async (t) => {
  t.equal(a.title, TITLE)
  t.equal(a.titleSpan && text.slice(a.titleSpan.start, a.titleSpan.end), TITLE)
  t.equal(a.titleSpan?.start, 0, 'the first of the three title lines')
  t.same(a.dateline, { text: 'MOSCOW', place: 'MOSCOW', agency: null, date: null })
  const body = a.paragraphs.filter((p) => p.kind === 'paragraph')
  t.equal(body.length, 15)
  t.same(a.paragraphs.filter((p) => p.kind === 'heading').map((p) => p.text), ['US to withdraw all troops from Syria: reports'])
  t.ok(body[0]?.text.startsWith('Russia is currently in negotiations'), 'the leading NBSP is trimmed')
  t.ok(body.at(-1)?.text.endsWith('American military outposts in the region.'))
  t.equal(a.lede, body[0]?.text)
  t.notOk(a.paragraphs.some((p) => p.text === TITLE), 'title lines are not paragraphs')
  t.same(a.paragraphs.map((p) => p.index), a.paragraphs.map((_, i) => i))
  t.match(EXTRACTOR_VERSION, /^\d+\.\d+\.\d+$/)
})

t.test('quotes', async (t) => {
  const expected: Array<[string, string, string | null, string | null]> = [
    // [a phrase of the content, kind, cue, speaker]
    ['Russia in discussions with Syria about maintaining', 'indirect', ':', 'Sergey Lavrov'],
    ['Russia is currently in negotiations', 'indirect', 'said', 'Sergey Lavrov'],
    ['Syrians are "keen" for Russia', 'mixed', 'argued', 'Sergey Lavrov'],
    ['As for our military facilities', 'direct', 'said', 'Sergey Lavrov'],
    ['mutual respect and benefit', 'indirect', 'said', 'Sergey Lavrov'],
    ['the fact that Syrian President', 'indirect', 'said', 'Sergey Lavrov'],
    ['Moscow\'s presence in Syria', 'mixed', 'argued', 'Sergey Lavrov'],
    ['Israel, for example', 'indirect', 'noted', 'Sergey Lavrov'],
    ['the U.S. seems to have a plan', 'indirect', 'noted', 'Sergey Lavrov'],
    ['to manage the departure', 'mixed', 'urging', 'Sergey Lavrov'],
    ['ISIL camps were left unattended', 'indirect', 'said', 'Sergey Lavrov'],
    ['if the problem is not addressed', 'indirect', 'warning', 'Sergey Lavrov'],
    ['Syria serves as a convenient transit point', 'direct', 'said', 'Sergey Lavrov'],
    ['the country is planning to withdraw', 'indirect', 'said', null],
    ['Washington will end its presence', 'indirect', 'reported', 'Wall Street Journal'],
  ]
  const sources = [
    'Lavrov', 'Foreign Minister Sergey Lavrov', 'Lavrov', 'he', 'Lavrov', 'He', 'Lavrov', 'He', 'The top Russian diplomat',
    // participle clauses ("…, urging …", "…, warning that …") point at their clause's source
    'The top Russian diplomat', 'He', 'He', 'he', 'media reports', 'the Wall Street Journal'
  ]
  // direct content carries its quotation marks, reported content may open with "that" (as news
  // annotation marks it): the phrase is matched inside
  const found = expected.map(([phrase]) => a.quotes.find((q) => q.text.includes(phrase)))
  expected.forEach(([phrase, kind, cue, speaker], i) => {
    const q = found[i]
    t.ok(q, `a quote "${phrase}…"`)
    t.equal(q?.kind, kind, `${phrase}: kind`)
    t.ok(cue === null ? !q?.cue : q?.cue?.text.includes(cue), `${phrase}: cue ${cue} (got ${q?.cue?.text})`)
    t.equal(q?.source?.text ?? null, sources[i], `${phrase}: source`)
    t.equal(speakerName(q?.speakerId ?? null), speaker, `${phrase}: speaker`)
  })
  t.same(found.map((q) => q && a.quotes.indexOf(q)), [...found.keys()], 'in document order, before any extra')
  const extras = a.quotes.slice(expected.length)
  t.ok(extras.length <= 8, `few extra attributions (${extras.length}), each with a cue`)
  t.ok(extras.every((q) => q.cue && q.kind !== 'direct'))
  t.equal(a.quotes.filter((q) => q.kind === 'direct').length, 2)
  const head = a.quotes[0]
  t.equal(head?.paragraph, null, 'the headline quote lives in the title')
  t.ok(head && head.spans[0] && a.titleSpan && head.spans[0].end <= a.titleSpan.end, 'in the first title occurrence')
  const direct = a.quotes.find((q) => q.kind === 'direct')
  t.ok(direct?.text.startsWith('"As for') && direct.text.endsWith('humanitarian hubs,"'), 'direct content runs from mark to mark')
  t.equal(direct?.spans.length, 1)
})

t.test('entities', async (t) => {
  const expected: Array<[string, string[], string[]?, string[]?]> = [
    // [name, allowed types, surface forms that must be covered, titles]
    ['Sergey Lavrov', ['person'], ['Sergey Lavrov', 'Lavrov', 'The top Russian diplomat'], ['Foreign Minister']],
    ['Ahmad al-Sharaa', ['person'], ['Ahmad al-Sharaa'], ['President']],
    ['Asaad al Shaibani', ['person'], ['Asaad al Shaibani'], ['Foreign Minister']],
    ['Russia', ['location']], ['Syria', ['location']], ['Moscow', ['location']], ['Israel', ['location']],
    ['Damascus', ['location']], ['Iraq', ['location']], ['Iran', ['location']], ['Africa', ['location']],
    ['United States', ['location'], ['U.S.', 'US', 'United States']],
    ['Khmeimim', ['facility', 'location']], ['Tartus', ['facility', 'location']],
    ['Al-Tanf', ['facility', 'location']], ['Al-Shadadi', ['facility', 'location']],
    ['Al-Arabia', ['organization']], ['Wall Street Journal', ['organization']], ['CBS', ['organization']],
    ['Syrian Democratic Forces', ['organization']], ['ISIL', ['organization']],
    ['Druze', ['group']], ['Syrians', ['group']], ['Washington', ['location']],
  ]
  for (const [name, types, forms, titles] of expected) {
    const e = a.entities.find((x) => x.name === name)
    t.ok(e, `${name} found`)
    t.ok(e && types.includes(e.type), `${name} is ${types.join('|')} (got ${e?.type})`)
    const surface = [...(e?.aliases ?? []), ...(e?.mentions.map((m) => m.text) ?? [])]
    for (const f of forms ?? []) t.ok(surface.includes(f), `${name} covers "${f}"`)
    if (titles) t.same(e?.titles, titles, `${name} titles`)
  }
  t.equal(a.entities.find((e) => e.name === 'Sergey Lavrov')?.id, 'person-sergey-lavrov')
  t.equal(a.entities.filter((e) => e.aliases.some((x) => x.includes('Lavrov'))).length, 1, 'Lavrov is one entity')
  const us = a.entities.find((e) => e.name === 'United States')
  t.ok(us?.mentions.some((m) => text.slice(m.end, m.end + 4) === '-led'), 'the U.S. in "U.S.-led" is a mention')
  const names = a.entities.map((e) => e.name.toLowerCase())
  for (const bad of ['Speaking', 'Television', 'Let', 'These', 'He', 'As', 'The decision', 'Foreign Minister', 'Wednesday', 'December', 'Syrian President', 'Arab state']) {
    t.notOk(names.includes(bad.toLowerCase()), `"${bad}" is not an entity`)
  }
  // nationality adjectives are groups (CoNLL's MISC), never persons or places
  for (const adjective of ['Syrian', 'Russian', 'American']) t.equal(a.entities.find((e) => e.name === adjective)?.type, 'group', `"${adjective}" is a group`)
  const ids = a.entities.map((e) => e.id)
  t.equal(new Set(ids).size, ids.length, 'ids are unique')
})

t.test('span invariants and determinism', async (t) => {
  for (const p of a.paragraphs) t.equal(text.slice(p.start, p.end), p.text)
  for (const e of a.entities) {
    for (const m of e.mentions) t.equal(text.slice(m.start, m.end), m.text, `${e.id} mention`)
    t.same(e.mentions, [...e.mentions].sort((x, y) => x.start - y.start), `${e.id} mentions in order`)
  }
  for (const q of a.quotes) {
    t.equal(q.text, q.spans.map((s) => text.slice(s.start, s.end)).join(' '))
    if (q.cue) t.equal(text.slice(q.cue.start, q.cue.end), q.cue.text)
    if (q.source) t.equal(text.slice(q.source.start, q.source.end), q.source.text)
  }
  t.same(a.quotes.map((q) => q.spans[0]?.start), [...a.quotes.map((q) => q.spans[0]?.start)].sort((x, y) => (x ?? 0) - (y ?? 0)), 'quotes in document order')
  t.same(parseArticle(text), a, 'deterministic, and the guarded entry point agrees')
})

t.test('a descriptor in the narration is a mention of the person it fits, named before it', async (t) => {
  const mentionsOf = (text: string, id: string) => parseArticleStrict(text).entities.find((e) => e.id === id)?.mentions.map((m) => m.text)
  t.same(mentionsOf('Talks\n\nMOSCOW\n\nForeign Minister Sergey Lavrov met envoys on Monday. The top Russian diplomat also visited Damascus.',
    'person-sergey-lavrov'), ['Sergey Lavrov', 'The top Russian diplomat'])
  const cases: [string, string][] = [
    ['Talks\n\nThe top Russian diplomat arrived first. Foreign Minister Sergey Lavrov met envoys on Monday.', 'nothing named before it'],
    ['Talks\n\nForeign Minister Sergey Lavrov met envoys. The Syrian president spoke later.', 'a title that does not fit'],
    ['Talks\n\nForeign Minister Sergey Lavrov met envoys. The White House spokesman spoke later.', 'a capitalised modifier names someone else'],
    ['Talks\n\nForeign Minister Sergey Lavrov met the minister of defence on Monday.', 'a phrase about another minister'],
    ['Talks\n\nForeign Minister Sergey Lavrov met envoys. "The minister is tired," an aide said.', 'inside quotation marks'],
  ]
  for (const [text, why] of cases) t.same(mentionsOf(text, 'person-sergey-lavrov'), ['Sergey Lavrov'], why)
})

t.test('a source that describes a role resolves to the person in its apposition, not the place of the role', async (t) => {
  const text = 'Governor rules out tax rise\n\n"We will not raise taxes," the governor of Lagos State, Amara Okafor, said.\n\n' +
    'A spokeswoman for the Lagos State Ministry of Finance, Ada Bello, said the budget was balanced.'
  const a = parseArticleStrict(text)
  t.same(a.quotes.map((q) => q.speakerId), ['person-amara-okafor', 'person-ada-bello'])
})

t.test('a headline’s bare descriptor ("…, mayor says") is the person the body names with that title', async (t) => {
  const text = 'City will rebuild the bridge, mayor says\n\nMayor Lily Chen said on Monday that the city would rebuild the Elm Street bridge.\n\nThe work starts in May.'
  const headline = parseArticleStrict(text).quotes.find((q) => q.paragraph === null)
  t.equal(headline?.source?.text, 'mayor')
  t.equal(headline?.speakerId, 'person-lily-chen')
})
