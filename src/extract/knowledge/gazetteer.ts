// Known names: countries, their capitals and aliases (countries-list), continents, country
// abbreviations, demonyms and group names. Look-ups take a surface form and give the canonical name
// and type, so "U.S.", "US" and "the United States" all become "United States".
import { countries, continents } from 'countries-list'
import type { EntityType } from '../../domain/values.js'

export interface GazetteerEntry {
  name: string
  type: EntityType
}

/** Key for look-ups: lower-case, diacritics and periods dropped, whitespace collapsed. */
export function gazetteerKey (surface: string): string {
  let key = keys.get(surface)
  if (key === undefined) {
    key = surface.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
      .replace(/^the\s+/, '').replace(/\./g, '').replace(/[\s\u00a0]+/g, ' ').trim()
    // news repeats its names: remember keys, within bounds so that no input grows the cache forever
    if (keys.size >= MAX_KEYS) keys.clear()
    keys.set(surface, key)
  }
  return key
}

const keys = new Map<string, string>()
const MAX_KEYS = 50_000

// Capitals and aliases that are far more often a person or a common word in news text.
const AMBIGUOUS = new Set(['victoria', 'hamilton', 'douglas', 'stanley', 'kingston', 'georgetown', 'jamestown',
  'plymouth', 'the valley', 'west island', 'america', 'jersey', 'holland', 'ceylon', 'gold coast', 'persia',
  'saint johns', 'praia', 'moroni', 'victoria', 'marigot', 'edinburgh of the seven seas', 'diego garcia',
  'luxembourg', 'monaco', 'singapore', 'djibouti', 'gibraltar', 'guatemala city', 'kuwait city'])

// Abbreviations and short forms news uses for countries; these override the list's own aliases.
const COUNTRY_SHORT: ReadonlyArray<[string, string]> = [
  ['us', 'United States'], ['usa', 'United States'], ['united states of america', 'United States'],
  ['uk', 'United Kingdom'], ['britain', 'United Kingdom'], ['great britain', 'United Kingdom'],
  ['uae', 'United Arab Emirates'], ['drc', 'Democratic Republic of the Congo'],
  ['prc', 'China'], ['dprk', 'North Korea'], ['rok', 'South Korea'], ['turkey', 'Türkiye'],
  ['washington', 'Washington'], ['washington dc', 'Washington'], ['kiev', 'Kyiv'],
]

const ORGANIZATIONS: ReadonlyArray<[string, string]> = [
  ['un', 'United Nations'], ['united nations', 'United Nations'], ['eu', 'European Union'],
  ['european union', 'European Union'], ['nato', 'NATO'], ['isil', 'ISIL'], ['isis', 'ISIS'],
  ['islamic state', 'Islamic State'], ['hamas', 'Hamas'], ['hezbollah', 'Hezbollah'], ['taliban', 'Taliban'],
  ['kremlin', 'Kremlin'], ['pentagon', 'Pentagon'], ['white house', 'White House'],
  // News organisations, frequent as sources ("according to Reuters").
  ['reuters', 'Reuters'], ['ap', 'Associated Press'], ['associated press', 'Associated Press'], ['afp', 'AFP'],
  ['agence france-presse', 'AFP'], ['bloomberg', 'Bloomberg'], ['tass', 'TASS'], ['interfax', 'Interfax'],
  ['ria novosti', 'RIA Novosti'], ['xinhua', 'Xinhua'], ['bbc', 'BBC'], ['cnn', 'CNN'], ['al jazeera', 'Al Jazeera'],
  ['al arabiya', 'Al Arabiya'], ['anadolu', 'Anadolu'], ['irna', 'IRNA'], ['sana', 'SANA'],
]

// Religious and ethnic groups that are not demonyms of a country.
const GROUPS = ['Druze', 'Kurds', 'Alawites', 'Sunnis', 'Shiites', 'Shias', 'Christians', 'Muslims', 'Jews',
  'Yazidis', 'Arabs', 'Palestinians', 'Israelis', 'Uyghurs', 'Rohingya', 'Houthis', 'Bedouins', 'Turkmen', 'Copts']

/**
 * Demonyms: adjective → [plural noun, country]. Adjectives qualify names ("Syrian President"),
 * plurals are groups ("Syrians").
 */
const DEMONYMS: ReadonlyArray<[string, string, string]> = [
  ['American', 'Americans', 'United States'], ['Russian', 'Russians', 'Russia'], ['Syrian', 'Syrians', 'Syria'],
  ['British', 'Britons', 'United Kingdom'], ['French', 'French', 'France'], ['German', 'Germans', 'Germany'],
  ['Chinese', 'Chinese', 'China'], ['Japanese', 'Japanese', 'Japan'], ['Iranian', 'Iranians', 'Iran'],
  ['Iraqi', 'Iraqis', 'Iraq'], ['Israeli', 'Israelis', 'Israel'], ['Palestinian', 'Palestinians', 'Palestine'],
  ['Turkish', 'Turks', 'Türkiye'], ['Ukrainian', 'Ukrainians', 'Ukraine'], ['Lebanese', 'Lebanese', 'Lebanon'],
  ['Jordanian', 'Jordanians', 'Jordan'], ['Egyptian', 'Egyptians', 'Egypt'], ['Saudi', 'Saudis', 'Saudi Arabia'],
  ['Qatari', 'Qataris', 'Qatar'], ['Emirati', 'Emiratis', 'United Arab Emirates'], ['Yemeni', 'Yemenis', 'Yemen'],
  ['Afghan', 'Afghans', 'Afghanistan'], ['Pakistani', 'Pakistanis', 'Pakistan'], ['Indian', 'Indians', 'India'],
  ['Italian', 'Italians', 'Italy'], ['Spanish', 'Spaniards', 'Spain'], ['Polish', 'Poles', 'Poland'],
  ['Canadian', 'Canadians', 'Canada'], ['Mexican', 'Mexicans', 'Mexico'], ['Brazilian', 'Brazilians', 'Brazil'],
  ['Australian', 'Australians', 'Australia'], ['Korean', 'Koreans', 'South Korea'], ['Libyan', 'Libyans', 'Libya'],
  ['Sudanese', 'Sudanese', 'Sudan'], ['Ethiopian', 'Ethiopians', 'Ethiopia'], ['Nigerian', 'Nigerians', 'Nigeria'],
  ['Kurdish', 'Kurds', ''], ['Arab', 'Arabs', ''], ['African', 'Africans', ''], ['European', 'Europeans', ''],
  ['Western', '', ''], ['Belarusian', 'Belarusians', 'Belarus'], ['Georgian', 'Georgians', 'Georgia'],
  ['Armenian', 'Armenians', 'Armenia'], ['Azerbaijani', 'Azerbaijanis', 'Azerbaijan'], ['Greek', 'Greeks', 'Greece'],
  ['Dutch', 'Dutch', 'Netherlands'], ['Swedish', 'Swedes', 'Sweden'], ['Norwegian', 'Norwegians', 'Norway'],
  ['Finnish', 'Finns', 'Finland'], ['Danish', 'Danes', 'Denmark'], ['Hungarian', 'Hungarians', 'Hungary'],
  ['Romanian', 'Romanians', 'Romania'], ['Serbian', 'Serbs', 'Serbia'], ['Venezuelan', 'Venezuelans', 'Venezuela'],
  ['Cuban', 'Cubans', 'Cuba'], ['Algerian', 'Algerians', 'Algeria'], ['Moroccan', 'Moroccans', 'Morocco'],
  ['Tunisian', 'Tunisians', 'Tunisia'], ['Somali', 'Somalis', 'Somalia'], ['Kenyan', 'Kenyans', 'Kenya'],
  ['Vietnamese', 'Vietnamese', 'Vietnam'], ['Indonesian', 'Indonesians', 'Indonesia'], ['Irish', 'Irish', 'Ireland'],
]

const places = new Map<string, GazetteerEntry>()
const orgs = new Map<string, GazetteerEntry>()
const demonymAdjectives = new Map<string, string>()
const groups = new Map<string, GazetteerEntry>()

function addPlace (surface: string, name: string): void {
  const key = gazetteerKey(surface)
  if (key && !AMBIGUOUS.has(key) && !places.has(key)) places.set(key, { name, type: 'location' })
}

// Own short forms first, so they win over the list's aliases.
for (const [key, name] of COUNTRY_SHORT) places.set(key, { name, type: 'location' })
for (const country of Object.values(countries)) {
  addPlace(country.name, country.name)
  for (const alias of (country as { alias?: string[] }).alias ?? []) addPlace(alias, country.name)
}
for (const country of Object.values(countries)) {
  if (country.capital) addPlace(country.capital, country.capital.replace(/\s+D\.C\.$/, ''))
}
for (const continent of Object.values(continents)) addPlace(continent, continent)
for (const [key, name] of ORGANIZATIONS) orgs.set(key, { name, type: 'organization' })
for (const name of GROUPS) groups.set(gazetteerKey(name), { name, type: 'group' })
for (const [adjective, plural, country] of DEMONYMS) {
  demonymAdjectives.set(adjective.toLowerCase(), country)
  // Same-form plurals ("French") are adjectives far more often than groups.
  if (plural && plural !== adjective) groups.set(gazetteerKey(plural), { name: plural, type: 'group' })
}

/** A known place, organisation or group with this exact surface form. */
export function lookupName (surface: string): GazetteerEntry | undefined {
  const key = gazetteerKey(surface)
  if (!key) return undefined
  return places.get(key) ?? orgs.get(key) ?? groups.get(key)
}

/** Whether the word is a nationality adjective ("Syrian"); gives its country ('' when none). */
export function demonymCountry (word: string): string | undefined {
  return demonymAdjectives.get(word.toLowerCase())
}

// First words of the names of several words ("united" of "united states"), for matchers that try
// longer spans only where one could start.
const FIRST_WORDS = new Set([...places.keys(), ...orgs.keys(), ...groups.keys()].filter((k) => k.includes(' ')).map((k) => k.split(' ')[0] as string))

/** Whether a known name of several words starts with this word. */
export const startsKnownName = (word: string): boolean => FIRST_WORDS.has(gazetteerKey(word))
