import t from 'tap'
import { buildDoc } from '../../../src/extract/text/document.js'
import { findMentions } from '../../../src/extract/entities/find-mentions.js'
import { lookupName } from '../../../src/extract/knowledge/gazetteer.js'
import { entityId, slugify } from '../../../src/extract/entities/entity-ids.js'
import { parseArticleStrict } from '../../../src/extract/pipeline.js'
import { segment } from '../../../src/extract/text/segment.js'
import { splitTitle } from '../../../src/extract/knowledge/titles.js'

const entities = (body: string): string[] =>
  parseArticleStrict(`Headline\n\n${body}`).entities.map((e) => `${e.name}/${e.type}`)

t.test('entity ids', async (t) => {
  t.equal(entityId('person', 'Sergey Lavrov'), 'person-sergey-lavrov')
  t.equal(entityId('location', 'United States'), 'location-united-states')
  t.equal(entityId('organization', 'Wall Street Journal'), 'organization-wall-street-journal')
  t.equal(entityId('location', 'Türkiye'), 'location-turkiye')
  t.equal(entityId('person', ' Ahmad  al-Sharaa! '), 'person-ahmad-al-sharaa')
  t.equal(slugify('Zoë Ça — Ñandú'), 'zoe-ca-nandu')
  t.equal(entityId('other', '—'), 'other-unnamed')
})

t.test('gazetteer canonical names', async (t) => {
  const cases: Array<[string, string, string]> = [
    ['U.S.', 'United States', 'location'], ['US', 'United States', 'location'],
    ['the United States', 'United States', 'location'], ['UK', 'United Kingdom', 'location'],
    ['UAE', 'United Arab Emirates', 'location'], ['Damascus', 'Damascus', 'location'],
    ['Africa', 'Africa', 'location'], ['Druze', 'Druze', 'group'], ['Syrians', 'Syrians', 'group'],
    ['ISIL', 'ISIL', 'organization'],
  ]
  for (const [surface, name, type] of cases) t.same(lookupName(surface), { name, type }, surface)
  t.equal(lookupName('Syrian'), undefined, 'an adjective is not a group')
  t.equal(lookupName('Victoria'), undefined, 'ambiguous capitals are left out')
})

t.test('titles before names', async (t) => {
  t.same(splitTitle(['Foreign', 'Minister', 'Sergey', 'Lavrov']), { title: 'Foreign Minister', personal: true, rest: ['Sergey', 'Lavrov'] })
  t.same(splitTitle(['Secretary', 'of', 'State', 'Marco', 'Rubio']), { title: 'Secretary of State', personal: true, rest: ['Marco', 'Rubio'] })
  t.same(splitTitle(['Mr.', 'Smith']), { title: null, personal: true, rest: ['Smith'] })
  t.same(splitTitle(['Sergey', 'Lavrov']), { title: null, personal: false, rest: ['Sergey', 'Lavrov'] })
})

t.test('mentions and types', async (t) => {
  const cases: Array<{ body: string, has: string[], not?: string[] }> = [
    { body: 'Syrian President Ahmad al-Sharaa visited Moscow.', has: ['Ahmad al-Sharaa/person', 'Moscow/location'], not: ['Syrian President/person'] },
    { body: 'He met Syrian Foreign Minister Asaad al Shaibani.', has: ['Asaad al Shaibani/person'] },
    { body: 'Troops left bases in Syria including Al-Tanf and Al-Shadadi.', has: ['Al-Tanf/facility', 'Al-Shadadi/facility', 'Syria/location'] },
    { body: 'Its presence at Khmeimim and Tartus matters.', has: ['Khmeimim/location', 'Tartus/location'] },
    { body: 'He spoke to the Al-Arabia TV channel and the Wall Street Journal.', has: ['Al-Arabia/organization', 'Wall Street Journal/organization'] },
    { body: 'Television network CBS also reported on the plan.', has: ['CBS/organization'], not: ['Television/organization', 'Television/other'] },
    { body: 'The Syrian Democratic Forces pledged to integrate.', has: ['Syrian Democratic Forces/organization'] },
    { body: 'Let me be clear. These sites matter. As for Wednesday, December 2025 is near.', has: [], not: ['Let/other', 'These/other', 'As/other', 'Wednesday/other', 'December/other'] },
    { body: 'The U.S. and the US-backed forces met the United States envoy.', has: ['United States/location'] },
    { body: 'Merkel said it was over.', has: ['Merkel/person'] },
    { body: 'Mr. Smith spoke to The New York Times.', has: ['Smith/person', 'New York Times/organization'] },
    { body: 'Russian officials and American troops met Arab leaders.', has: ['Russian/group', 'American/group', 'Arab/group'] },
  ]
  for (const c of cases) {
    const got = entities(c.body)
    for (const e of c.has) t.ok(got.includes(e), `${c.body} → ${e} (got ${got.join(', ')})`)
    for (const e of c.not ?? []) t.notOk(got.some((g) => g.split('/')[0] === e.split('/')[0]), `${c.body} ✗ ${e}`)
  }
})

t.test('coreference: surnames, acronyms, aliases, titles', async (t) => {
  const a = parseArticleStrict('Headline\n\nForeign Minister Sergey Lavrov spoke. Lavrov said the U.S. and the United States are one. The Syrian Democratic Forces (SDF) agreed; the SDF said so.')
  const lavrov = a.entities.filter((e) => e.name.includes('Lavrov'))
  t.equal(lavrov.length, 1, 'one Lavrov')
  t.same(lavrov[0]?.aliases, ['Sergey Lavrov', 'Lavrov'])
  t.same(lavrov[0]?.titles, ['Foreign Minister'])
  t.equal(lavrov[0]?.id, 'person-sergey-lavrov')
  const us = a.entities.find((e) => e.id === 'location-united-states')
  t.same(us?.aliases, ['United States', 'U.S.'])
  const sdf = a.entities.find((e) => e.name === 'Syrian Democratic Forces')
  t.ok(sdf?.aliases.includes('SDF'), 'acronym joins its organisation')
  t.equal(a.entities.filter((e) => e.name === 'SDF').length, 0)
})

t.test('title-case headlines only yield known names', async (t) => {
  const text = 'Russia Says Talks With Syria Are Going Well\n\nBody.'
  const { title, paragraphs } = segment(text)
  const names = findMentions(buildDoc(text, title, paragraphs)).map((m) => m.text)
  t.same(names, ['Russia', 'Syria'])
})
