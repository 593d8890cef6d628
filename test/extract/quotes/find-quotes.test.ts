import t from 'tap'
import { parseArticleStrict } from '../../../src/extract/pipeline.js'

interface Expected { kind: string, text: string, cue?: string | null, source?: string | null, speaker?: string | null }

/** Quotes of an article as "kind|text|cue|source|speaker name" records. */
function quotes (text: string): Expected[] {
  const a = parseArticleStrict(text)
  return a.quotes.map((q) => ({
    kind: q.kind, text: q.text, cue: q.cue?.text ?? null, source: q.source?.text ?? null,
    speaker: a.entities.find((e) => e.id === q.speakerId)?.name ?? null,
  }))
}

const cases: Array<{ name: string, body: string, expected: Expected[] }> = [
  {
    name: 'X said that ...',
    body: 'Lavrov said that mutual respect is the principle.',
    expected: [{ kind: 'indirect', text: 'that mutual respect is the principle', cue: 'said', source: 'Lavrov', speaker: 'Lavrov' }],
  },
  {
    name: 'content first, attribution with title and time last',
    body: 'Russia is in talks with Syria, Foreign Minister Sergey Lavrov said Wednesday.',
    // the time stays with the cue, as news annotation marks it ("said Friday")
    expected: [{ kind: 'indirect', text: 'Russia is in talks with Syria', cue: 'said Wednesday', source: 'Foreign Minister Sergey Lavrov', speaker: 'Sergey Lavrov' }],
  },
  {
    name: 'mixed: reported speech holding a quoted part',
    body: 'Lavrov argued that Syrians are "keen" for Russia\'s presence to endure.',
    expected: [{ kind: 'mixed', text: 'that Syrians are "keen" for Russia\'s presence to endure', cue: 'argued', source: 'Lavrov', speaker: 'Lavrov' }],
  },
  {
    name: 'direct quote with pronoun source resolved to the last person',
    body: 'Sergey Lavrov spoke on Wednesday.\n\n“We stand ready to help, and we will,” he said.',
    expected: [{ kind: 'direct', text: '“We stand ready to help, and we will,”', cue: 'said', source: 'he', speaker: 'Sergey Lavrov' }],
  },
  {
    name: 'a list of quotes, one a line, each closed by "― Name", even one opened with a closing mark',
    body: 'Comments, in full.\n\n“Trump makes simple blanket statements about people,”― Pamela Padilla\n”Fear. I am truly afraid of this election.” ― Edwin Monroy',
    expected: [
      { kind: 'direct', text: '“Trump makes simple blanket statements about people,”', cue: '―', source: 'Pamela Padilla', speaker: 'Pamela Padilla' },
      { kind: 'direct', text: '”Fear. I am truly afraid of this election.”', cue: '―', source: 'Edwin Monroy', speaker: 'Edwin Monroy' },
    ],
  },
  {
    name: 'a stray straight mark in a curly-quoted article opens no quote running to the paragraph end',
    body: 'Trump spoke.\n\n"The first time she saw him, she was sure of it, and of the “rant.”\n\n“It never crossed my mind,” she said.',
    expected: [
      { kind: 'direct', text: '“It never crossed my mind,”', cue: 'said', source: 'she', speaker: null },
    ],
  },
  {
    name: 'two apostrophes quote as one double mark, as newspaper archives typed them, across a paragraph break too',
    body: "Taxes are hard.\n\n''This isn't tax reform,'' said Douglas Holtz-Eakin. ''It's anti-reform.''\n\n''It has the virtue of being responsible,'' Leonard Burman said.",
    expected: [
      { kind: 'direct', text: "''This isn't tax reform,'' ''It's anti-reform.''", cue: 'said', source: 'Douglas Holtz-Eakin', speaker: 'Douglas Holtz-Eakin' },
      { kind: 'direct', text: "''It has the virtue of being responsible,''", cue: 'said', source: 'Leonard Burman', speaker: 'Leonard Burman' },
    ],
  },
  {
    name: 'a transcript turn is the rest of its paragraph, said by the person its capitals label names, with no quote inside it',
    body: 'Pence on Fox News.\n\nVice presidential nominee Mike Pence spoke with Chris Wallace on Sunday.\n\n"WALLACE: Let’s start with the news. Why would Trump do that?\n\n"PENCE: Well, look, Clinton said she was “ready.” But this is America, Chris.',
    expected: [
      { kind: 'direct', text: 'Let’s start with the news. Why would Trump do that?', cue: ':', source: 'WALLACE', speaker: 'Chris Wallace' },
      { kind: 'direct', text: 'Well, look, Clinton said she was “ready.” But this is America, Chris.', cue: ':', source: 'PENCE', speaker: 'Mike Pence' },
    ],
  },
  {
    name: 'a source with an appositive before its cue keeps it, closing comma included, and resolves to the name',
    body: 'Mine jobs are coming back.\n\n“The deal is bad,” Phil Smith, a spokesman for the United Mine Workers of America, said.',
    expected: [{ kind: 'direct', text: '“The deal is bad,”', cue: 'said', source: 'Phil Smith, a spokesman for the United Mine Workers of America,', speaker: 'Phil Smith' }],
  },
  {
    name: 'a source with an appositive after its cue runs to the sentence end',
    body: 'Mine jobs are coming back.\n\n“The deal is bad,” said Sen. Lindsey Graham (R-S.C.), the chairman of the panel.',
    expected: [{ kind: 'direct', text: '“The deal is bad,”', cue: 'said', source: 'Sen. Lindsey Graham (R-S.C.), the chairman of the panel', speaker: 'Lindsey Graham' }],
  },
  {
    name: 'a quote closing on a question mark keeps its attribution, and the quoted sentence after it joins it',
    body: 'Clinton spoke in Ohio.\n\n“How many times do we have to see this?” Clinton said. “This is just unbearable.”',
    expected: [{ kind: 'direct', text: '“How many times do we have to see this?” “This is just unbearable.”', cue: 'said', source: 'Clinton', speaker: 'Clinton' }],
  },
  {
    name: 'a quoted sentence without attribution goes on the attributed quote before it that ends on a quoted phrase',
    body: 'The talks ended.\n\nThe summit was “a failure,” Smith said. “Without new policies, nothing changes.”',
    expected: [{ kind: 'mixed', text: 'The summit was “a failure,” “Without new policies, nothing changes.”', cue: 'said', source: 'Smith', speaker: 'Smith' }],
  },
  {
    name: 'a paragraph ending "He said:" attributes the quote opening the next one',
    body: 'Rally in Ohio\n\nDonald Trump spoke in Ohio on Monday.\n\nHe said:\n\n“We have a situation where our inner cities are in trouble.”',
    expected: [{ kind: 'direct', text: '“We have a situation where our inner cities are in trouble.”', cue: 'said', source: 'He', speaker: 'Donald Trump' }],
  },
  {
    name: 'a described source beside a quote ("the ad’s narrator says") attributes both halves',
    body: 'The ad aired Monday.\n\n“If he thinks that makes him smart,” the ad’s narrator says, “what does he think of you?”',
    expected: [{ kind: 'direct', text: '“If he thinks that makes him smart,” “what does he think of you?”', cue: 'says', source: 'the ad’s narrator', speaker: null }],
  },
  {
    name: 'a cue with its topic before the quote ("says of Clinton,")',
    body: 'The race tightened.\n\nThe New York businessman says of Clinton, “If she gets the chance, she will sell it.”',
    expected: [{ kind: 'direct', text: '“If she gets the chance, she will sell it.”', cue: 'says', source: 'The New York businessman', speaker: null }],
  },
  {
    name: 'cues of manner: commented, yells',
    body: 'The race tightened.\n\nA friend commented: “Immigration is the reason.” “Did you shoot him?” she yells.',
    expected: [
      { kind: 'direct', text: '“Immigration is the reason.”', cue: 'commented:', source: 'A friend', speaker: null },
      { kind: 'direct', text: '“Did you shoot him?”', cue: 'yells', source: 'she', speaker: null },
    ],
  },
  {
    // the time goes with the cue, as news annotation marks it ("adding later")
    name: 'a second cue after the attribution starts a quote of its own, spoken by the same source',
    body: 'NATO met.\n\n“We cannot afford this anymore,” Donald Trump said, adding later, “NATO is costing us a fortune.”',
    expected: [
      { kind: 'direct', text: '“We cannot afford this anymore,”', cue: 'said', source: 'Donald Trump', speaker: 'Donald Trump' },
      { kind: 'direct', text: '“NATO is costing us a fortune.”', cue: 'adding later', source: 'Donald Trump', speaker: 'Donald Trump' },
    ],
  },
  {
    name: 'direct quote split around its cue is one quote with two fragments',
    body: '“We will not back down,” Prime Minister Keir Starmer said, “and we will win.”',
    expected: [{ kind: 'direct', text: '“We will not back down,” “and we will win.”', cue: 'said', source: 'Prime Minister Keir Starmer', speaker: 'Keir Starmer' }],
  },
  {
    name: 'multi-paragraph quote',
    body: 'John Smith spoke.\n\n“This is the first paragraph of the statement.\n\n“And this is the second,” Smith said.',
    expected: [{ kind: 'direct', text: '“This is the first paragraph of the statement. “And this is the second,”', cue: 'said', source: 'Smith', speaker: 'John Smith' }],
  },
  {
    name: 'introduced direct quote',
    body: 'Angela Merkel said: «It is over.»',
    expected: [{ kind: 'direct', text: '«It is over.»', cue: 'said', source: 'Angela Merkel', speaker: 'Angela Merkel' }],
  },
  {
    name: 'according to, both orders',
    body: 'According to the ministry, 40 people died. Forty people were hurt, according to Reuters.',
    expected: [
      { kind: 'indirect', text: '40 people died', cue: 'According to', source: 'the ministry', speaker: null },
      { kind: 'indirect', text: 'Forty people were hurt', cue: 'according to', source: 'Reuters', speaker: 'Reuters' },
    ],
  },
  {
    name: 'told with addressee and appositive',
    body: 'Mr. Smith, a senior official, told reporters on Monday that he would resign.',
    expected: [{ kind: 'indirect', text: 'that he would resign', cue: 'told', source: 'Mr. Smith', speaker: 'Smith' }],
  },
  {
    name: 'participle clauses inherit the speaker',
    body: 'Jane Doe noted that the plan failed, urging them to act "in a way that works," warning that time is short.',
    expected: [
      { kind: 'indirect', text: 'that the plan failed', cue: 'noted', source: 'Jane Doe', speaker: 'Jane Doe' },
      { kind: 'mixed', text: 'them to act "in a way that works,"', cue: 'urging', source: 'Jane Doe', speaker: 'Jane Doe' },
      { kind: 'indirect', text: 'that time is short', cue: 'warning', source: 'Jane Doe', speaker: 'Jane Doe' },
    ],
  },
  {
    name: 'unnamed source has no speaker',
    body: 'As for the talks, media reports said the country is planning to leave.',
    expected: [{ kind: 'indirect', text: 'the country is planning to leave', cue: 'said', source: 'media reports', speaker: null }],
  },
  {
    name: 'descriptor resolved by title and nationality',
    body: 'Syrian Foreign Minister Asaad al Shaibani met Foreign Minister Sergey Lavrov. The top Russian diplomat noted that talks went well.',
    expected: [{ kind: 'indirect', text: 'that talks went well', cue: 'noted', source: 'The top Russian diplomat', speaker: 'Sergey Lavrov' }],
  },
  {
    name: 'a source with its party and state in brackets',
    body: '"We will not back down," Sen. Claire McCaskill (D-Mo.) said.',
    expected: [{ kind: 'direct', text: '"We will not back down,"', cue: 'said', source: 'Sen. Claire McCaskill (D-Mo.)', speaker: 'Claire McCaskill' }],
  },
  {
    name: 'a quote going on in lower case after more words than its attribution',
    body: '"Every time you say that," Tester said on the Senate floor, "you give them ammunition."',
    expected: [{ kind: 'direct', text: '"Every time you say that," "you give them ammunition."', cue: 'said', source: 'Tester', speaker: 'Tester' }],
  },
  {
    name: 'a quote going on in lower case after ", but"',
    body: '"You know, I love Larry," he said, but "when it comes to energy, Larry has a history."',
    expected: [{ kind: 'direct', text: '"You know, I love Larry," "when it comes to energy, Larry has a history."', cue: 'said', source: 'he', speaker: null }],
  },
  {
    name: 'a title in quotation marks inside an attribution does not end the quote',
    body: '“I was sitting in a house in Florida,” Trump told NBC’s “Today” on Monday. “I could hardly hear him.”',
    expected: [{ kind: 'direct', text: '“I was sitting in a house in Florida,” “I could hardly hear him.”', cue: 'told', source: 'Trump', speaker: 'Trump' }],
  },
  {
    name: 'a new cue after a title in an attribution starts a quote of its own',
    body: '“Kasich would be the best nominee,” Graham said on MSNBC’s “Morning Joe,” adding, “Nobody wants to buy that.”',
    expected: [
      { kind: 'direct', text: '“Kasich would be the best nominee,”', cue: 'said', source: 'Graham', speaker: 'Graham' },
      { kind: 'direct', text: '“Nobody wants to buy that.”', cue: 'adding', source: 'Graham', speaker: 'Graham' },
    ],
  },
  {
    name: 'a quoted sentence goes on the direct quote of the sentence before, past other attributions there',
    body: '"Your reputation is amazing," Smith assured Jones, after Jones assured Smith that his listeners liked him. "I will not let you down."',
    expected: [
      { kind: 'direct', text: '"Your reputation is amazing," "I will not let you down."', cue: 'assured', source: 'Smith', speaker: 'Smith' },
      { kind: 'indirect', text: 'that his listeners liked him', cue: 'assured', source: 'Jones', speaker: 'Jones' },
    ],
  },
  {
    name: 'a quoted sentence after one sentence of narration goes on the quote before it',
    body: '“Those are some very small towns,” Woolson said. They also lie in a media dead zone. “That’s a tough area.”',
    expected: [{ kind: 'direct', text: '“Those are some very small towns,” “That’s a tough area.”', cue: 'said', source: 'Woolson', speaker: 'Woolson' }],
  },
  {
    name: 'a quoted part after a new cue is that cue\'s content, not the rest of the quote',
    body: '"Filth out!" she wrote, arguing that without tougher measures, "more homes will burn."',
    expected: [
      { kind: 'direct', text: '"Filth out!"', cue: 'wrote', source: 'she', speaker: null },
      { kind: 'mixed', text: 'that without tougher measures, "more homes will burn."', cue: 'arguing', source: 'she', speaker: null },
    ],
  },
  {
    name: 'a paragraph of quotation alone goes on the quote closing the paragraph before',
    body: '“No one is writing songs for her,” Crespo said.\n\n“Right now, the vote is against Trump.”\n\nThe rally ended.',
    expected: [{ kind: 'direct', text: '“No one is writing songs for her,” “Right now, the vote is against Trump.”', cue: 'said', source: 'Crespo', speaker: 'Crespo' }],
  },
  {
    name: 'reported content ends before a cue coordinated with its own',
    body: 'Smith said the plan failed and warned that prices would rise.',
    expected: [
      { kind: 'indirect', text: 'the plan failed', cue: 'said', source: 'Smith', speaker: 'Smith' },
      { kind: 'indirect', text: 'that prices would rise', cue: 'warned', source: 'Smith', speaker: 'Smith' },
    ],
  },
  {
    name: 'reported content ends before a new source and cue',
    body: 'Smith acknowledged that funding was the main reason he quit, Jones noted that morale was low.',
    expected: [
      { kind: 'indirect', text: 'that funding was the main reason he quit', cue: 'acknowledged', source: 'Smith', speaker: 'Smith' },
      { kind: 'indirect', text: 'that morale was low', cue: 'noted', source: 'Jones', speaker: 'Jones' },
    ],
  },
  {
    name: 'no quote from scare quotes or a cue inside a quotation',
    body: 'The "deal" is dead. "I said no to him," she wrote.',
    expected: [{ kind: 'direct', text: '"I said no to him,"', cue: 'wrote', source: 'she', speaker: null }],
  },
]

t.test('quote patterns', async (t) => {
  for (const c of cases) {
    const got = quotes(`Headline\n\n${c.body}`)
    t.same(got, c.expected, c.name)
  }
})

t.test('headline conventions', async (t) => {
  const last = quotes('Russia in talks with Syria: Lavrov\n\nForeign Minister Sergey Lavrov spoke.')
  t.same(last[0], { kind: 'indirect', text: 'Russia in talks with Syria', cue: ':', source: 'Lavrov', speaker: 'Sergey Lavrov' })
  const first = quotes('Lavrov: Russia in talks with Syria\n\nForeign Minister Sergey Lavrov spoke.')
  t.same(first[0], { kind: 'indirect', text: 'Russia in talks with Syria', cue: ':', source: 'Lavrov', speaker: 'Sergey Lavrov' })
  t.same(quotes('Syria: a country in talks\n\nBody.'), [], 'a place before the colon is not a speaker')
  const a = parseArticleStrict('Russia in talks with Syria: Lavrov\n\nBody.')
  t.equal(a.quotes[0]?.paragraph, null, 'a title quote has no paragraph')
})

t.test('an organisation descriptor resolves to the latest organisation of its kind', async (t) => {
  const paper = quotes('Headline\n\nThe Wall Street Journal published the report. The Foreign Ministry declined to comment. The newspaper said the talks had failed.')
  t.match(paper.find((q) => q.source === 'The newspaper'), { speaker: 'Wall Street Journal' }, 'the newspaper is the paper, not the ministry named since')
  const network = quotes('Headline\n\nCBS aired the interview on Sunday. The network said the senator would resign.')
  t.match(network.find((q) => q.source === 'The network'), { speaker: 'CBS' })
  const none = quotes('Headline\n\nThe newspaper said the talks had failed.')
  t.match(none.find((q) => q.source === 'The newspaper'), { speaker: null }, 'no organisation named before: unresolved')
})

t.test('a direct quote closed by a trailing "— Name" is attributed to the name', async (t) => {
  t.match(quotes('Headline\n\n"We will win this fight." — Prime Minister Keir Starmer'),
    [{ kind: 'direct', text: '"We will win this fight."', cue: '—', source: 'Prime Minister Keir Starmer', speaker: 'Keir Starmer' }])
  t.equal(quotes('Headline\n\n"Yes, we will," — and then he left the room.').filter((q) => q.cue === '—').length, 0,
    'a dash going on in lower case is no attribution')
})

t.test('a cue without a source of its own speaks for the sentence\'s attribution before it, or its subject', async (t) => {
  const direct = (body: string) => quotes(`Headline\n\n${body}`).filter((q) => q.kind === 'direct')
  t.match(direct('Ryan and Trump will meet next week, Spicer said, adding, "They need to sit down and talk."'),
    [{ text: '"They need to sit down and talk."', cue: 'adding', source: 'Spicer' }], 'the attribution before it')
  t.match(direct('Howard Dean spoke on Monday.\n\nHe then defended the remark, saying, “I don’t think this is a ridiculous idea.”'),
    [{ text: '“I don’t think this is a ridiculous idea.”', cue: 'saying', source: 'He', speaker: 'Howard Dean' }], 'a cue word used as a noun is no attribution: the subject')
  t.match(direct('Asked about a press conference, he laughed and said, “We’ll see.”'),
    [{ cue: 'said', source: 'he' }], 'the subject of a verb the cue is coordinated with')
  t.match(direct('He then adopted a fake accent and joked, “But I’m just gonna make it easier for them.”'),
    [{ cue: 'joked', source: 'He' }], 'not a noun before "and"')
  t.match(direct('Trump defended not paying an architect who said he was stiffed, saying, “Maybe he didn’t do a good job.”'),
    [{ cue: 'saying', source: 'Trump' }], 'a cue in a relative clause is not the speaker\'s')
})

t.test('a quoted sentence after narration about someone named is a quote of its own', async (t) => {
  const got = quotes('Headline\n\n“It goes in here,” Tom Ebeling said. Betsy Ebeling shook her head. “Tom is much better about it than I am.”')
  t.match(got.map((q) => q.text), ['“It goes in here,”', '“Tom is much better about it than I am.”'])
})

t.test('a paragraph opening with a label in capitals is a transcript turn only where the article has two or more', async (t) => {
  const notices = quotes('Storm hits coast.\n\nUPDATE: The storm weakened overnight, officials said.\n\nRoads stayed closed.')
  t.notOk(notices.some((q) => q.cue === ':' || q.source === 'UPDATE'), 'one labelled paragraph is a notice')
  const labelsOfNotices = quotes('Storm hits coast.\n\nUPDATE: The storm weakened.\n\nBREAKING: Roads are closed, officials said.')
  t.notOk(labelsOfNotices.some((q) => q.cue === ':'), 'the labels of notices are no speakers')
})
