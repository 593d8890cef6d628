// Articles written for the echo tests (issue 17): an agency original, its syndicated copy under
// another headline and publisher, a newspaper's trimmed copy turning the full quote into a partial
// one, a blog's misquote with one word changed, an unrelated story by the same speaker, and another
// speaker using the same stock phrase ("We will see").

export interface EchoArticle {
  name: string
  text: string
  publisher: string
  publishedAt: string
}

const PROMISE = 'We will rebuild every school that the flood destroyed, and we will finish the work before the rains return next spring'

export const ORIGINAL: EchoArticle = {
  name: 'original',
  publisher: 'Wire Agency',
  publishedAt: '2026-03-02T08:00:00Z',
  text: `Mayor vows to rebuild flooded schools

LAGOS, March 2 (Wire Agency) — Mayor Amara Okafor promised on Monday to repair the damage left by last week's flood.

"${PROMISE}," Okafor told reporters at City Hall.

Asked whether the federal government would pay for the repairs, Okafor said: "We will see."

Engineers from the state ministry began surveying the damaged buildings on Sunday.`
}

export const SYNDICATED: EchoArticle = {
  name: 'syndicated',
  publisher: 'Daily Courier',
  publishedAt: '2026-03-02T11:30:00Z',
  text: `Lagos mayor pledges school repairs after flood

LAGOS, March 2 (Wire Agency) — Mayor Amara Okafor promised on Monday to repair the damage left by last week's flood.

"${PROMISE}," Okafor told reporters at City Hall.

Asked whether the federal government would pay for the repairs, Okafor said: "We will see."

Engineers from the state ministry began surveying the damaged buildings on Sunday.`
}

export const TRIMMED: EchoArticle = {
  name: 'trimmed',
  publisher: 'Evening Standard',
  publishedAt: '2026-03-03T06:00:00Z',
  text: `Flood repairs: the mayor's promise

The city's schools are still closed a week after the flood. Mayor Amara Okafor said she would "rebuild every school that the flood destroyed" before the next rainy season.

Parents say the temporary classrooms are too small.`
}

export const MISQUOTED: EchoArticle = {
  name: 'misquoted',
  publisher: 'Lagos Notes',
  publishedAt: '2026-03-04T19:00:00Z',
  text: `What the mayor really promised

Mayor Amara Okafor has made a big promise to the city's parents.

"We will rebuild every school that the storm destroyed, and we will finish the work before the rains return next spring," Okafor said.

We will be watching.`
}

export const SAME_SPEAKER_OTHER_STORY: EchoArticle = {
  name: 'other story',
  publisher: 'Wire Agency',
  publishedAt: '2026-04-10T08:00:00Z',
  text: `Mayor doubles road budget

LAGOS, April 10 (Wire Agency) — Mayor Amara Okafor announced a new budget for the city's roads on Friday.

"The money for roads will double next year, because traffic on the main avenues has grown by a third since the bridge opened," Okafor said.

The council will vote on the budget next month.`
}

export const OTHER_SPEAKER_STOCK_PHRASE: EchoArticle = {
  name: 'other speaker',
  publisher: 'Daily Courier',
  publishedAt: '2026-03-05T09:00:00Z',
  text: `Governor silent on flood funds

ABUJA, March 5 (Wire Agency) — Governor Bello Adeyemi declined to say whether the state would fund the repairs in Lagos.

Asked about the money, Adeyemi said: "We will see."

He left for a meeting with the finance minister.`
}

export const ECHO_ARTICLES = [ORIGINAL, SYNDICATED, TRIMMED, MISQUOTED, SAME_SPEAKER_OTHER_STORY, OTHER_SPEAKER_STOCK_PHRASE]
