import { mulberry32 } from '../tools/random.js'
import type { NewArticle } from '../src/schemas/writes.js'

// A deterministic generator of PolNeAR-like political news: titled articles with datelines, direct
// quotes with titled speakers, reported speech ("X said that …"), "according to" attributions and
// pronoun follow-ups, naming people, organizations and places the pipeline knows how to find.
// The tests store it through the real submission path (test/corpus.ts); the benchmarks build their
// corpora of 1,000 to 100,000 articles from it (bench/corpus.ts).

/** The generator's PRNG (mulberry32): the same seed gives the same corpus on every machine. */
export const random = mulberry32

export const PEOPLE = [
  { first: 'Barack', last: 'Obama', title: 'President', pronoun: 'he' },
  { first: 'Hillary', last: 'Clinton', title: 'Secretary of State', pronoun: 'she' },
  { first: 'Sergey', last: 'Lavrov', title: 'Foreign Minister', pronoun: 'he' },
  { first: 'Elizabeth', last: 'Warren', title: 'Senator', pronoun: 'she' },
  { first: 'John', last: 'Kerry', title: 'Secretary of State', pronoun: 'he' },
  { first: 'Angela', last: 'Merkel', title: 'Chancellor', pronoun: 'she' },
  { first: 'Mitch', last: 'McConnell', title: 'Senator', pronoun: 'he' },
  { first: 'Nancy', last: 'Pelosi', title: 'House Minority Leader', pronoun: 'she' }
] as const

export const PLACES = ['Syria', 'Russia', 'Iran', 'Ohio', 'Germany', 'Mexico', 'China', 'Ukraine'] as const
export const ORGANIZATIONS = ['the United Nations', 'the Pentagon', 'NATO', 'the European Union'] as const
export const DATELINES = ['WASHINGTON', 'MOSCOW', 'BERLIN', 'NEW YORK', 'BRUSSELS'] as const
export const PUBLISHERS = ['Example News', 'The Daily Record', 'Global Wire'] as const
export const TOPICS = ['budget', 'ceasefire', 'pipeline', 'election', 'sanctions', 'tariffs', 'refugees', 'vaccine'] as const

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'] as const
const CUES = ['said', 'told reporters', 'argued', 'warned', 'insisted'] as const

function pick<T> (next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T
}

type Person = (typeof PEOPLE)[number]

function clause (next: () => number, topic: string, place: string, other: Person): string {
  return pick(next, [
    `the ${topic} talks with ${place} would continue next week`,
    `${other.first} ${other.last} was wrong about the ${topic} plan`,
    `the ${topic} deal for ${place} would cost billions of dollars`,
    `the military presence in ${place} had to end before the ${topic} vote`,
    `nobody in ${place} wanted another fight over the ${topic}`
  ])
}

/** The i-th article of the corpus for `seed`: text and metadata, as POST /articles takes them. */
export function generateArticle (next: () => number, i: number): NewArticle {
  const speaker = pick(next, PEOPLE)
  const other = pick(next, PEOPLE.filter((p) => p !== speaker))
  const topic = pick(next, TOPICS)
  const second = pick(next, TOPICS.filter((t) => t !== topic))
  const place = pick(next, PLACES)
  const org = pick(next, ORGANIZATIONS)
  const day = pick(next, DAYS)
  const cue = pick(next, CUES)
  const name = `${speaker.first} ${speaker.last}`
  const paragraphs = [
    `${speaker.title} ${name} said on ${day} that ${clause(next, topic, place, other)}.`,
    `"We will not give up on the ${topic}, and ${place} knows it," ${speaker.last} ${cue} in ${pick(next, DATELINES).toLowerCase().replace(/\b\w/g, (c) => c.toUpperCase())}.`,
    `According to ${org}, ${clause(next, second, place, other)}.`,
    `${other.title} ${other.first} ${other.last} said that ${clause(next, topic, pick(next, PLACES), speaker)}.`,
    `"This is about the ${second} as much as the ${topic}," ${speaker.pronoun} said. Story ${i} of the corpus.`
  ]
  if (next() < 0.5) paragraphs.push(`${speaker.last} argued that ${other.last} had misread ${place} on the ${second}.`)
  const title = `${speaker.last} says ${topic} talks with ${place} will go on`
  const text = `${title}\n\n${pick(next, DATELINES)}\n\n${paragraphs.join('\n\n')}\n`
  const roll = next()
  const date = new Date(Date.UTC(2016, 0, 1) + Math.floor(next() * 365) * 86_400_000 + Math.floor(next() * 86_400) * 1000)
  // most carry a UTC time, some an offset (compared in UTC), a few none (sorted by ingestion time)
  const publishedAt = roll < 0.8 ? date.toISOString().replace('.000Z', 'Z')
    : roll < 0.9 ? `${date.toISOString().slice(0, 19)}+02:00` : null
  return { text, publishedAt, publisher: pick(next, PUBLISHERS), url: `https://example.com/story/${i}` }
}

export const CORPUS_SIZE = 300

/** Generates `size` articles from `seed`. */
export function generateCorpus (size = CORPUS_SIZE, seed = 2016): NewArticle[] {
  const next = random(seed)
  return Array.from({ length: size }, (_, i) => generateArticle(next, i))
}
