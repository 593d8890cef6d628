// A labelled set of quote pairs for statement matching (issue 17), written for this project in news
// style; the speakers are invented. Each family is one quote (`base`) and hand-written texts that a
// reader would call the same statement (exact copy, partial quote, variant) or not ("none"). The
// label is the relation of the base to the other quote: `contains` = the base is the longer one.
// Labels say what a careful reader would decide, not what the matcher can do: a four-word partial
// quote of a statement is labelled `contains` even though the rules refuse quotes that short.
// Unresolved speakers (null) follow the policy of the feature: a long copy of the words is the same
// statement; a short phrase from an unnamed source cannot be told apart from anybody's, so "none".
import type { EchoRelation } from '../../../src/domain/statements.js'

export type PairLabel = EchoRelation | 'none'

export const PAIR_CATEGORIES = ['syndicated', 'typography', 'trimmed', 'partial', 'misquote', 'same-speaker-other', 'stock-phrase',
  'unresolved', 'short', 'long'] as const
export type PairCategory = (typeof PAIR_CATEGORIES)[number]

export interface LabelledQuote {
  text: string
  speaker: string | null
}

export interface LabelledPair {
  id: string
  family: string
  category: PairCategory
  a: LabelledQuote
  b: LabelledQuote
  relation: PairLabel
}

/** [label, category, text, speaker when not the base's (null = unresolved)]. */
type Other = [PairLabel, PairCategory, string, (string | null)?]

interface Family {
  id: string
  speaker: string | null
  base: string
  others: Other[]
}

const FAMILIES: Family[] = [
  {
    id: 'okafor-budget',
    speaker: 'ruth-okafor',
    base: '“We are not going to balance this budget on the backs of the people who clean our streets and teach our children,” Okafor said.',
    others: [
      ['exact', 'syndicated', '"We are not going to balance this budget on the backs of the people who clean our streets and teach our children," Okafor said.'],
      ['exact', 'typography', '“WE ARE NOT GOING TO BALANCE THIS BUDGET ON THE BACKS OF THE PEOPLE WHO CLEAN OUR STREETS AND TEACH OUR CHILDREN,” Okafor said.'],
      ['contains', 'trimmed', 'not going to balance this budget on the backs of the people who clean our streets'],
      ['contains', 'partial', 'on the backs of the people'],
      ['variant', 'misquote', '“We are not going to balance this budget on the backs of the people who sweep our streets and teach our kids,” Okafor said.'],
      ['none', 'same-speaker-other', '“The budget we sent to the council protects every library branch and every after-school program in the city,” Okafor said.']
    ]
  },
  {
    id: 'hallberg-border',
    speaker: 'tom-hallberg',
    base: 'This bill does nothing to secure the border and everything to protect the people who profit from chaos there.',
    others: [
      ['exact', 'syndicated', 'This bill does nothing to secure the border, and everything to protect the people who profit from chaos there.'],
      ['exact', 'typography', "''This bill does nothing to secure the border and everything to protect the people who profit from chaos there.''"],
      ['contains', 'trimmed', 'This bill does nothing to secure the border'],
      ['variant', 'misquote', 'This bill does nothing to protect the border and everything to protect the people who profit from the chaos there.'],
      ['none', 'same-speaker-other', 'I have voted for every border security bill that came to the floor with real money for agents and judges.'],
      ['none', 'stock-phrase', 'This bill does nothing to secure the border and everything to protect the people who profit from chaos there.', 'nadia-brook']
    ]
  },
  {
    id: 'castellanos-inflation',
    speaker: 'lucia-castellanos',
    base: 'Inflation has peaked, but it will take at least another eighteen months before families feel the difference at the supermarket.',
    others: [
      ['exact', 'syndicated', 'Inflation has peaked – but it will take at least another eighteen months before families feel the difference at the supermarket.'],
      ['contains', 'trimmed', 'it will take at least another eighteen months before families feel the difference'],
      ['contains', 'partial', 'Inflation has peaked'],
      ['variant', 'misquote', 'Inflation has peaked, but it will take at least another 18 months before households feel the difference at the supermarket.'],
      ['none', 'same-speaker-other', 'We will not raise the value-added tax on food, not this year and not while I am minister.'],
      ['none', 'same-speaker-other', 'Inflation has fallen for five months in a row, and the central bank now has room to cut rates.']
    ]
  },
  {
    id: 'brennan-we-will-see',
    speaker: 'mike-brennan',
    base: 'We will see.',
    others: [
      ['exact', 'syndicated', '"We will see."'],
      ['exact', 'typography', 'we will see'],
      ['none', 'stock-phrase', 'We will see.', 'anna-lindqvist'],
      ['none', 'stock-phrase', 'We will see.', 'helen-ashworth'],
      ['none', 'unresolved', 'We will see.', null],
      ['none', 'same-speaker-other', 'Our defense has been the best in the league for six weeks, and on Sunday we will see if that holds against a real offense.']
    ]
  },
  {
    id: 'no-comment',
    speaker: 'carla-ortiz',
    base: 'No comment.',
    others: [
      ['exact', 'short', '“No comment,”'],
      ['none', 'stock-phrase', 'No comment.', 'martin-daley'],
      ['none', 'stock-phrase', 'no comment', 'daniel-reyes'],
      ['none', 'unresolved', 'No comment.', null],
      ['none', 'same-speaker-other', 'The company has no comment on pending litigation and will not discuss the matter further.']
    ]
  },
  {
    id: 'great-day',
    speaker: 'helen-ashworth',
    base: "It's a great day for the state of Ohio.",
    others: [
      ['exact', 'syndicated', 'It’s a great day for the State of Ohio!'],
      ['none', 'stock-phrase', "It's a great day for the state of Ohio.", 'tom-hallberg'],
      ['none', 'unresolved', "It's a great day for the state of Ohio.", null],
      ['none', 'stock-phrase', "It's a great day.", 'ruth-okafor'],
      ['none', 'same-speaker-other', "It's a great day for the workers of this plant, who kept it running through two winters without a contract."]
    ]
  },
  {
    id: 'daley-shooting',
    speaker: 'martin-daley',
    base: 'At this point we have no evidence that the shooter knew any of the victims, and we are asking anyone who was on Fifth Street last night to call us.',
    others: [
      ['exact', 'syndicated', 'At this point, we have no evidence that the shooter knew any of the victims, and we are asking anyone who was on Fifth Street last night to call us.'],
      ['exact', 'unresolved', 'At this point we have no evidence that the shooter knew any of the victims, and we are asking anyone who was on Fifth Street last night to call us.', null],
      ['contains', 'trimmed', 'we have no evidence that the shooter knew any of the victims'],
      ['contains', 'unresolved', 'we are asking anyone who was on Fifth Street last night to call us', null],
      ['variant', 'misquote', 'At this point we have no evidence the gunman knew any of the victims, and we are asking anyone who was on Fifth Street last night to call us.'],
      ['none', 'same-speaker-other', 'We have made two arrests in the Fifth Street case and we expect more in the coming days.']
    ]
  },
  {
    id: 'lindqvist-layoffs',
    speaker: 'anna-lindqvist',
    base: 'These were the hardest decisions I have made as chief executive, and I take full responsibility for them.',
    others: [
      ['exact', 'syndicated', 'These were the hardest decisions I have made as chief executive — and I take full responsibility for them.'],
      ['contains', 'trimmed', 'I take full responsibility for them'],
      ['variant', 'misquote', 'These were the hardest decisions I have ever made as CEO, and I take full responsibility for them.'],
      ['none', 'stock-phrase', 'I take full responsibility.', 'mike-brennan'],
      ['none', 'same-speaker-other', 'Our order book is the strongest it has been in a decade, and we expect to hire again by the autumn.']
    ]
  },
  {
    id: 'nakamura-vaccine',
    speaker: 'kenji-nakamura',
    base: 'The data from more than forty thousand patients show the vaccine is safe for children over six months, and we recommend it for every family that can get it before the winter.',
    others: [
      ['exact', 'syndicated', 'The data from more than forty thousand patients show the vaccine is safe for children over six months, and we recommend it for every family that can get it before the winter.'],
      ['exact', 'typography', 'The data from more than forty-thousand patients show the vaccine is safe for children over six months and we recommend it for every family that can get it before the winter'],
      ['contains', 'trimmed', 'the vaccine is safe for children over six months'],
      ['contains', 'partial', 'we recommend it for every family that can get it before the winter'],
      ['variant', 'misquote', 'The data from more than forty thousand patients show the vaccine is safe for children over six months, and we recommend it to every family that can get it before winter.'],
      ['none', 'same-speaker-other', 'We are seeing more children in hospital with the flu this month than in any January of the past ten years.']
    ]
  },
  {
    id: 'varga-eu',
    speaker: 'istvan-varga',
    base: 'Hungary will not accept a single euro that comes with conditions written in Brussels for the people of Budapest.',
    others: [
      ['exact', 'typography', 'Hungary will not accept a single euro that comes with conditions written in Brussels for the people of Budapest.'],
      ['exact', 'syndicated', '«Hungary will not accept a single euro that comes with conditions written in Brussels for the people of Budapest.»'],
      ['variant', 'misquote', 'Hungary will not accept one euro that comes with conditions written in Brussels for the people of Budapest.'],
      ['contains', 'partial', 'conditions written in Brussels'],
      ['none', 'same-speaker-other', 'We have met every condition the commission set, and the money belongs to the Hungarian people.'],
      ['none', 'stock-phrase', 'Hungary will not accept a single euro that comes with conditions written in Brussels.', 'lucia-castellanos']
    ]
  },
  {
    id: 'fraser-strike',
    speaker: 'moira-fraser',
    base: 'Our members did not want this strike, but they will stay out for as long as it takes to get a fair offer on the table.',
    others: [
      ['variant', 'syndicated', "Our members didn't want this strike, but they'll stay out for as long as it takes to get a fair offer on the table."],
      ['contains', 'trimmed', 'they will stay out for as long as it takes to get a fair offer on the table'],
      ['contains', 'partial', 'as long as it takes'],
      ['variant', 'misquote', 'Our members did not want this strike, but they will stay out as long as it takes to get a fair deal on the table.'],
      ['none', 'same-speaker-other', 'We have had one meeting with management in six weeks, and they sent a lawyer who had not read our proposal.'],
      ['none', 'stock-phrase', 'We will stay out for as long as it takes.', 'mike-brennan']
    ]
  },
  {
    id: 'reyes-ceasefire',
    speaker: 'daniel-reyes',
    base: 'A ceasefire that lasts a weekend is not a ceasefire. We need a pause long enough to get food, water and medicine to the people who need it.',
    others: [
      ['exact', 'syndicated', 'A ceasefire that lasts a weekend is not a ceasefire; we need a pause long enough to get food, water and medicine to the people who need it.'],
      ['contains', 'trimmed', 'A ceasefire that lasts a weekend is not a ceasefire.'],
      ['contains', 'trimmed', 'We need a pause long enough to get food, water and medicine to the people who need it.'],
      ['variant', 'misquote', 'A ceasefire that lasts a weekend is not a ceasefire. We need a pause long enough to get food, fuel and medicine to the people who need it most.'],
      ['none', 'same-speaker-other', 'The United States will keep pressing both sides for a ceasefire, and I will travel to the region again next week.'],
      ['none', 'stock-phrase', 'A ceasefire that lasts a weekend is not a ceasefire.', 'istvan-varga']
    ]
  },
  {
    id: 'dubois-transfer',
    speaker: 'theo-dubois',
    base: 'I am happy here, I love this club and I have never asked my agent to find me another team.',
    others: [
      ['variant', 'syndicated', "I'm happy here, I love this club and I've never asked my agent to find me another team."],
      ['exact', 'typography', 'I am happy here. I love this club, and I have never asked my agent to find me another team.'],
      ['contains', 'trimmed', 'I have never asked my agent to find me another team'],
      ['contains', 'partial', 'I love this club'],
      ['variant', 'misquote', 'I am happy here, I love this club and I have never asked my agent to find me a new team.'],
      ['none', 'same-speaker-other', 'The coach knows what I can do, and I will be ready when he needs me on Saturday.']
    ]
  },
  {
    id: 'whitcombe-sentence',
    speaker: 'eleanor-whitcombe',
    base: 'You took advantage of people who trusted you with their savings, and nothing this court does can give them back the years they have lost.',
    others: [
      ['exact', 'syndicated', 'You took advantage of people who trusted you with their savings — and nothing this court does can give them back the years they have lost.'],
      ['contains', 'trimmed', 'nothing this court does can give them back the years they have lost'],
      ['variant', 'misquote', 'You took advantage of people who trusted you with their life savings, and nothing this court does can give them back the years they lost.'],
      ['exact', 'unresolved', 'You took advantage of people who trusted you with their savings, and nothing this court does can give them back the years they have lost.', null],
      ['none', 'same-speaker-other', 'The defendant will serve the first twelve years of the sentence before any hearing on parole.']
    ]
  },
  {
    id: 'adeyemi-housing',
    speaker: 'tunde-adeyemi',
    base: 'If you work full time in this district you should be able to afford a one-bedroom apartment in this district. Right now you cannot, and that is a choice Congress has made.',
    others: [
      ['exact', 'syndicated', 'If you work full-time in this district, you should be able to afford a one-bedroom apartment in this district. Right now you cannot, and that is a choice Congress has made.'],
      ['contains', 'trimmed', 'If you work full time in this district you should be able to afford a one-bedroom apartment in this district.'],
      ['contains', 'partial', 'that is a choice Congress has made'],
      ['variant', 'misquote', 'If you work full time in this district you should be able to afford a two-bedroom apartment in this district. Right now you cannot, and that is a choice Washington has made.'],
      ['none', 'same-speaker-other', 'The housing bill puts four billion dollars into apartments that teachers, nurses and bus drivers can actually afford.'],
      ['none', 'stock-phrase', 'That is a choice Congress has made.', 'tom-hallberg']
    ]
  },
  {
    id: 'okafor-short',
    speaker: 'ruth-okafor',
    base: 'Absolutely not.',
    others: [
      ['exact', 'short', '“Absolutely not!”'],
      ['none', 'stock-phrase', 'Absolutely not.', 'daniel-reyes'],
      ['none', 'unresolved', 'Absolutely not.', null],
      ['none', 'short', 'Absolutely.']
    ]
  },
  {
    id: 'hallberg-partial-in-longer',
    speaker: 'tom-hallberg',
    base: 'a reckless and cynical attempt to rewrite the rules',
    others: [
      ['contained', 'partial', 'What the majority did tonight is a reckless and cynical attempt to rewrite the rules of this chamber so that no one can ever stop them again.'],
      ['contained', 'unresolved', 'What the majority did tonight is a reckless and cynical attempt to rewrite the rules of this chamber so that no one can ever stop them again.', null],
      ['variant', 'typography', 'a reckless, cynical attempt to rewrite the rules'],
      ['none', 'same-speaker-other', 'We will use every rule we have to slow this bill down, and I make no apology for that.'],
      ['none', 'stock-phrase', 'This is a reckless and cynical attempt to rewrite the rules of the election.', 'nadia-brook']
    ]
  },
  {
    id: 'castellanos-partial-in-longer',
    speaker: 'lucia-castellanos',
    base: 'the most difficult budget in a generation',
    others: [
      ['contained', 'partial', 'This is the most difficult budget in a generation, and I will not pretend otherwise to the people who will pay for it.'],
      ['exact', 'syndicated', '"The most difficult budget in a generation"'],
      ['none', 'same-speaker-other', 'This budget is the fairest our country has had in a generation.'],
      ['none', 'stock-phrase', 'the most difficult budget in a generation', 'istvan-varga']
    ]
  },
  {
    id: 'ashworth-long-address',
    speaker: 'helen-ashworth',
    base: 'When I took this office four years ago, our rainy day fund had eleven dollars in it. Not eleven million, eleven dollars. Today it holds more than two billion, our schools are funded to the level the courts told us they must be, and we have cut the income tax for every family that earns less than a hundred thousand dollars a year. We did that without a single new tax on working people, and we did it with votes from both parties, because the people of this state do not care whose idea it was. They care whether it works. So tonight I am asking this legislature to do one more hard thing together: to fix the roads and bridges we have patched for thirty years and never rebuilt.',
    others: [
      ['exact', 'long', 'When I took this office four years ago, our rainy-day fund had eleven dollars in it. Not eleven million — eleven dollars. Today it holds more than two billion, our schools are funded to the level the courts told us they must be, and we have cut the income tax for every family that earns less than a hundred thousand dollars a year. We did that without a single new tax on working people, and we did it with votes from both parties, because the people of this state do not care whose idea it was. They care whether it works. So tonight I am asking this legislature to do one more hard thing together: to fix the roads and bridges we have patched for thirty years and never rebuilt.'],
      ['contains', 'long', 'When I took this office four years ago, our rainy day fund had eleven dollars in it. Not eleven million, eleven dollars.'],
      ['contains', 'long', 'the people of this state do not care whose idea it was. They care whether it works.'],
      ['contains', 'trimmed', 'So tonight I am asking this legislature to do one more hard thing together: to fix the roads and bridges we have patched for thirty years and never rebuilt.'],
      ['variant', 'long', 'When I took this office four years ago, our rainy day fund had eleven dollars in it. Not eleven million, eleven dollars. Today it holds more than two billion dollars, our schools are funded to the level the courts said they must be, and we have cut the income tax for every family that earns less than a hundred thousand dollars a year. We did that without a single new tax on working people, and we did it with votes from both parties, because the people of this state do not care whose idea it was. They care whether it works. So tonight I am asking this legislature to do one more hard thing together: to fix the roads and bridges we have patched for forty years and never rebuilt.'],
      ['contains', 'unresolved', 'Today it holds more than two billion, our schools are funded to the level the courts told us they must be', null],
      ['none', 'same-speaker-other', 'The roads plan is paid for by a fee on heavy trucks and by bonds the state can repay within fifteen years, and it will put ten thousand people to work in its first season.']
    ]
  },
  {
    id: 'reyes-long-briefing',
    speaker: 'daniel-reyes',
    base: 'We have been clear with our partners in the region, in private and in public, that the humanitarian situation is unacceptable. We have seen some progress on the number of trucks crossing each day, but it is nowhere near enough, and the corridor in the north has been closed more days than it has been open. I raised this directly with the foreign minister this morning. He told me the crossings would be open around the clock starting Monday. We will judge that by what happens on the ground, not by what is promised in a meeting.',
    others: [
      ['exact', 'long', 'We have been clear with our partners in the region — in private and in public — that the humanitarian situation is unacceptable. We have seen some progress on the number of trucks crossing each day, but it is nowhere near enough, and the corridor in the north has been closed more days than it has been open. I raised this directly with the foreign minister this morning. He told me the crossings would be open around the clock starting Monday. We will judge that by what happens on the ground, not by what is promised in a meeting.'],
      ['contains', 'long', 'We will judge that by what happens on the ground, not by what is promised in a meeting.'],
      ['contains', 'trimmed', 'We have seen some progress on the number of trucks crossing each day, but it is nowhere near enough'],
      ['variant', 'misquote', 'We have been clear with our partners in the region, in private and in public, that the humanitarian situation is unacceptable. We have seen some progress on the number of trucks crossing every day, but it is nowhere near enough, and the crossing in the north has been closed more days than it has been open. I raised this directly with the foreign minister this morning. He told me the crossings would be open around the clock starting Monday. We will judge that by what happens on the ground, not by what is promised in a meeting.'],
      ['none', 'same-speaker-other', 'I raised the case of the detained journalists with the foreign minister and I will keep raising it until they are home.'],
      ['none', 'stock-phrase', 'We will judge that by what happens on the ground.', 'istvan-varga']
    ]
  },
  {
    id: 'daley-trim-ellipsis',
    speaker: 'martin-daley',
    base: 'The officer followed his training, he gave three clear warnings, and he fired only when the suspect raised the weapon toward a child.',
    others: [
      ['contains', 'trimmed', 'The officer followed his training ... and he fired only when the suspect raised the weapon toward a child.'],
      ['contains', 'trimmed', 'he gave three clear warnings, and he fired only when the suspect raised the weapon'],
      ['exact', 'syndicated', 'The officer followed his training; he gave three clear warnings; and he fired only when the suspect raised the weapon toward a child.'],
      ['variant', 'misquote', 'The officer followed his training, he gave two clear warnings, and he fired only when the suspect pointed the weapon toward a child.'],
      ['none', 'same-speaker-other', 'The officer has been placed on administrative leave, as our policy requires after every shooting.']
    ]
  },
  {
    id: 'nakamura-unresolved',
    speaker: null,
    base: 'Hospitals in the region have postponed every operation that can wait, and several have asked retired nurses to come back for the winter.',
    others: [
      ['exact', 'unresolved', 'Hospitals in the region have postponed every operation that can wait, and several have asked retired nurses to come back for the winter.', 'kenji-nakamura'],
      ['exact', 'unresolved', '"Hospitals in the region have postponed every operation that can wait, and several have asked retired nurses to come back for the winter."', null],
      ['contains', 'unresolved', 'several have asked retired nurses to come back for the winter', null],
      ['variant', 'unresolved', 'Hospitals in the region have postponed every surgery that can wait, and several have asked retired nurses to come back for the winter.', 'kenji-nakamura'],
      ['none', 'unresolved', 'Hospitals in the region have enough beds for now, but several have asked for help with staff.', null]
    ]
  },
  {
    id: 'unresolved-short',
    speaker: null,
    base: 'It was terrifying.',
    others: [
      ['none', 'unresolved', 'It was terrifying.', null],
      ['none', 'unresolved', 'It was terrifying.', 'theo-dubois'],
      ['none', 'unresolved', 'It was absolutely terrifying.', null],
      ['none', 'unresolved', 'We heard a bang and it was terrifying, the whole building shook.', null]
    ]
  },
  {
    id: 'ortiz-recall',
    speaker: 'carla-ortiz',
    base: 'Out of an abundance of caution, we are recalling every unit sold since March and offering customers a full refund.',
    others: [
      ['exact', 'syndicated', '“Out of an abundance of caution, we are recalling every unit sold since March and offering customers a full refund.”'],
      ['contains', 'trimmed', 'we are recalling every unit sold since March'],
      ['variant', 'misquote', 'Out of an abundance of caution, we are recalling every unit sold since May and offering customers a full refund.'],
      ['none', 'stock-phrase', 'Out of an abundance of caution, we are closing the school for the rest of the week.', 'ruth-okafor'],
      ['none', 'same-speaker-other', 'Out of an abundance of caution, we have paused shipments from the Ohio plant while the inspection goes on.']
    ]
  },
  {
    id: 'brennan-loss',
    speaker: 'mike-brennan',
    base: 'We got beat by a better team tonight. That is on me, not on the players, and we will fix it this week.',
    others: [
      ['variant', 'syndicated', "We got beat by a better team tonight. That's on me, not on the players, and we'll fix it this week."],
      ['contains', 'trimmed', 'That is on me, not on the players'],
      ['variant', 'misquote', 'We got beat by a better team tonight. That is on me, not the players, and we are going to fix it this week.'],
      ['none', 'stock-phrase', 'We got beat by a better team tonight.', 'theo-dubois'],
      ['none', 'same-speaker-other', 'We got the win, but that is not the standard, and the players know it.']
    ]
  },
  {
    id: 'lindqvist-merger',
    speaker: 'anna-lindqvist',
    base: 'This merger creates a company that can compete with anyone in the world, and not one of our plants in Sweden will close as a result of it.',
    others: [
      ['exact', 'typography', 'This merger creates a company that can compete with anyone in the world – and not one of our plants in Sweden will close as a result of it.'],
      ['contains', 'partial', 'not one of our plants in Sweden will close'],
      ['variant', 'misquote', 'This merger creates a company that can compete with anyone in the world, and none of our plants in Sweden will close because of it.'],
      ['exact', 'unresolved', 'This merger creates a company that can compete with anyone in the world, and not one of our plants in Sweden will close as a result of it.', null],
      ['none', 'same-speaker-other', 'The merger will close in the second quarter if the regulators in Brussels and Washington approve it.']
    ]
  },
  {
    id: 'varga-accents',
    speaker: 'istvan-varga',
    base: 'Ez a döntés Budapesten születik, nem Brüsszelben, és ezt mindenki tudja.',
    others: [
      ['exact', 'typography', 'Ez a dontes Budapesten szuletik, nem Brusszelben, es ezt mindenki tudja.'],
      ['exact', 'syndicated', '„Ez a döntés Budapesten születik, nem Brüsszelben, és ezt mindenki tudja.”'],
      ['none', 'same-speaker-other', 'A kormány minden feltételt teljesített, és a pénz a magyar embereket illeti.']
    ]
  },
  {
    id: 'okafor-shelter',
    speaker: 'ruth-okafor',
    base: 'No one in this city should have to choose between a shelter bed and keeping their family together, and starting tonight no one will.',
    others: [
      ['exact', 'syndicated', 'No one in this city should have to choose between a shelter bed and keeping their family together — and starting tonight, no one will.'],
      ['contains', 'trimmed', 'No one in this city should have to choose between a shelter bed and keeping their family together'],
      ['variant', 'misquote', 'No one in this city should have to choose between a shelter bed and keeping their families together, and from tonight no one will.'],
      ['none', 'same-speaker-other', 'The new shelter on Grand Avenue opens tonight with two hundred beds and rooms for families.'],
      ['none', 'stock-phrase', 'No one in this city should have to choose between paying rent and buying medicine.', 'tunde-adeyemi']
    ]
  },
  {
    id: 'fraser-short-partial',
    speaker: 'moira-fraser',
    base: 'Management has treated nurses like a line on a spreadsheet for ten years, and this vote is the answer.',
    others: [
      ['contains', 'partial', 'like a line on a spreadsheet'],
      ['contains', 'trimmed', 'Management has treated nurses like a line on a spreadsheet for ten years'],
      ['variant', 'syndicated', 'Management has treated nurses like a line on a spreadsheet for 10 years, and this vote is the answer.'],
      ['none', 'same-speaker-other', 'Nurses voted ninety-one percent in favour, the highest turnout we have ever had.'],
      ['none', 'stock-phrase', 'They treat us like a line on a spreadsheet.', 'theo-dubois']
    ]
  },
  {
    id: 'hallberg-other-topics',
    speaker: 'tom-hallberg',
    base: 'The farm bill is late, it is underfunded, and the families who grow our food deserve better than another short-term extension.',
    others: [
      ['exact', 'syndicated', 'The farm bill is late, it is under-funded, and the families who grow our food deserve better than another short-term extension.'],
      ['variant', 'misquote', 'The farm bill is late, it is underfunded, and the families who grow our food deserve better than one more short-term extension.'],
      ['none', 'same-speaker-other', 'The farm bill passed the committee tonight with votes from both parties, and the families who grow our food finally have an answer.'],
      ['none', 'same-speaker-other', 'I will not vote for another short-term extension of anything in this building.'],
      ['none', 'stock-phrase', 'The families who grow our food deserve better.', 'helen-ashworth']
    ]
  },
  {
    id: 'dubois-injury',
    speaker: 'theo-dubois',
    base: 'The knee feels good, I trained with the group all week, and I want to play ninety minutes on Saturday.',
    others: [
      ['variant', 'typography', 'The knee feels good. I trained with the group all week and I want to play 90 minutes on Saturday!'],
      ['contains', 'trimmed', 'I want to play ninety minutes on Saturday'],
      ['variant', 'misquote', 'The knee feels great, I trained with the team all week, and I want to play ninety minutes on Saturday.'],
      ['none', 'same-speaker-other', 'The knee still hurts after training, so I will not risk it on Saturday.'],
      ['none', 'stock-phrase', 'I want to play ninety minutes on Saturday.', 'mike-brennan']
    ]
  },
  {
    id: 'whitcombe-short',
    speaker: 'eleanor-whitcombe',
    base: 'Order in the court.',
    others: [
      ['exact', 'short', 'ORDER IN THE COURT!'],
      ['none', 'stock-phrase', 'Order in the court.', 'martin-daley'],
      ['none', 'unresolved', 'Order in the court.', null]
    ]
  },
  {
    id: 'adeyemi-partial-mid',
    speaker: 'tunde-adeyemi',
    base: 'a tax cut for people who already own three houses',
    others: [
      ['contained', 'partial', 'What they are calling relief is a tax cut for people who already own three houses, paid for by people who cannot afford one.'],
      ['exact', 'syndicated', '‘a tax cut for people who already own three houses’'],
      ['none', 'same-speaker-other', 'I support a tax cut for people who rent, and I have written one.'],
      ['none', 'stock-phrase', 'a tax cut for people who already own three houses', 'nadia-brook']
    ]
  },
  {
    id: 'brook-climate',
    speaker: 'nadia-brook',
    base: 'We have the technology, we have the money, and what we have been missing is the will to use them before the next flood instead of after it.',
    others: [
      ['exact', 'syndicated', 'We have the technology. We have the money. And what we have been missing is the will to use them before the next flood, instead of after it.'],
      ['contains', 'trimmed', 'what we have been missing is the will to use them before the next flood instead of after it'],
      ['variant', 'misquote', 'We have the technology, we have the funding, and what we have been missing is the will to use them before the next flood rather than after it.'],
      ['contains', 'unresolved', 'we have been missing is the will to use them before the next flood', null],
      ['none', 'same-speaker-other', 'The flood barriers on the east bank held this week, and that is money the city will never regret spending.'],
      ['none', 'stock-phrase', 'We have the technology and we have the money.', 'anna-lindqvist']
    ]
  },
  {
    id: 'castellanos-variant-short',
    speaker: 'lucia-castellanos',
    base: 'Pensions will rise with prices next year.',
    others: [
      ['exact', 'syndicated', '"Pensions will rise with prices next year."'],
      ['variant', 'misquote', 'Pensions will rise with inflation next year.'],
      ['none', 'same-speaker-other', 'Pensions will not be frozen next year.'],
      ['none', 'stock-phrase', 'Pensions will rise with prices next year.', 'istvan-varga']
    ]
  },
  {
    id: 'brook-vote-template',
    speaker: 'nadia-brook',
    base: 'I will vote against this bill because it cuts funding for rural hospitals that are already closing their maternity wards.',
    others: [
      ['exact', 'syndicated', '"I will vote against this bill because it cuts funding for rural hospitals that are already closing their maternity wards."'],
      ['contains', 'trimmed', 'I will vote against this bill because it cuts funding ... that are already closing their maternity wards'],
      ['variant', 'misquote', 'I will vote against this bill because it cuts money for rural hospitals that are already closing maternity wards.'],
      ['none', 'same-speaker-other', 'I will vote for this bill because it restores funding for rural hospitals that are already closing their maternity wards.'],
      ['none', 'same-speaker-other', 'Rural hospitals in my district have closed four maternity wards since January.']
    ]
  },
  {
    id: 'ortiz-boilerplate',
    speaker: 'carla-ortiz',
    base: 'We do not comment on ongoing investigations.',
    others: [
      ['exact', 'syndicated', '“We do not comment on ongoing investigations.”'],
      ['none', 'same-speaker-other', 'We do not comment on ongoing investigations, but we are cooperating fully with the authorities in Ohio and Michigan.'],
      ['none', 'same-speaker-other', 'We do not comment on ongoing investigations, and we will not be making anyone available for interviews this week.'],
      ['none', 'stock-phrase', 'We do not comment on ongoing investigations.', 'martin-daley'],
      ['none', 'unresolved', 'We do not comment on ongoing investigations.', null]
    ]
  },
  {
    id: 'okafor-storm',
    speaker: 'ruth-okafor',
    base: 'We are working around the clock to restore power to every home in the county, and we will not stop until the last light is back on.',
    others: [
      ['exact', 'typography', 'We are working around-the-clock to restore power to every home in the county — and we will not stop until the last light is back on.'],
      ['contains', 'trimmed', 'We are working around the clock to restore power to every home in the county ... until the last light is back on.'],
      ['contains', 'partial', 'we will not stop until the last light is back on'],
      ['variant', 'misquote', 'We are working around the clock to restore power to every house in the county, and we will not rest until the last light is back on.'],
      ['none', 'same-speaker-other', 'We are working around the clock with the utility, and we expect most homes to have power again by Friday night.'],
      ['none', 'same-speaker-other', 'Every home in the county should have power by Friday, and the shelters at the high schools stay open until then.']
    ]
  },
  {
    id: 'hallberg-two-changes',
    speaker: 'tom-hallberg',
    base: 'Nobody in Washington reads these bills before they vote on them.',
    others: [
      ['variant', 'misquote', 'Nobody in Congress reads these bills before they vote for them.'],
      ['variant', 'misquote', 'Nobody in Washington reads these bills before voting on them.'],
      ['exact', 'syndicated', 'Nobody in Washington reads these bills before they vote on them!'],
      ['none', 'same-speaker-other', 'Nobody in Washington wants to talk about the debt before an election.'],
      ['none', 'stock-phrase', 'Nobody in Washington reads these bills before they vote on them.', 'tunde-adeyemi']
    ]
  },
  {
    id: 'nakamura-long-trim',
    speaker: 'kenji-nakamura',
    base: 'What we are seeing in the emergency departments is not a surge, it is a wave that has been building for weeks. Most of the children we admit have not had the vaccine. Their parents are not against vaccines; they simply could not get an appointment, or they did not know their child was eligible. That is our failure, not theirs. Starting on Monday every pharmacy in the province can vaccinate children from six months old, without an appointment and without a prescription, and I am asking every parent who has been waiting to go this week.',
    others: [
      ['contains', 'long', 'What we are seeing in the emergency departments is not a surge, it is a wave that has been building for weeks. Their parents are not against vaccines; they simply could not get an appointment, or they did not know their child was eligible. That is our failure, not theirs.'],
      ['contains', 'trimmed', 'Starting on Monday every pharmacy in the province can vaccinate children from six months old, without an appointment and without a prescription'],
      ['contains', 'partial', 'That is our failure, not theirs.'],
      ['variant', 'long', 'What we are seeing in the emergency rooms is not a surge, it is a wave that has been building for weeks. Most of the children we admit have not had the vaccine. Their parents are not against vaccines; they simply could not get an appointment, or they did not know their child was eligible. That is our failure, not theirs. Starting Monday every pharmacy in the province can vaccinate children from six months old, without an appointment and without a prescription, and I am asking every parent who has been waiting to go this week.'],
      ['contains', 'unresolved', 'Their parents are not against vaccines; they simply could not get an appointment, or they did not know their child was eligible.', null],
      ['none', 'same-speaker-other', 'Every pharmacy in the province will carry the new vaccine by the end of the month, and appointments open online on Thursday.']
    ]
  },
  {
    id: 'brennan-partial-in-longer',
    speaker: 'mike-brennan',
    base: 'the toughest group of young men I have ever coached',
    others: [
      ['contained', 'partial', 'People will look at the record and see eight and nine, but this is the toughest group of young men I have ever coached, and I would go to war with any of them.'],
      ['contained', 'trimmed', 'this is the toughest group of young men I have ever coached'],
      ['variant', 'misquote', 'the toughest group of guys I have ever coached'],
      ['none', 'same-speaker-other', 'the most talented group I have coached, and the least disciplined'],
      ['none', 'stock-phrase', 'the toughest group of young men I have ever coached', 'theo-dubois']
    ]
  },
  {
    id: 'lindqvist-hyphens',
    speaker: 'anna-lindqvist',
    base: 'Our long-term plan has not changed: we build the batteries here, we hire here, and we pay our taxes here.',
    others: [
      ['exact', 'typography', 'Our long-term plan has not changed. We build the batteries here, we hire here and we pay our taxes here.'],
      ['exact', 'typography', 'Our long term plan has not changed — we build the batteries here, we hire here, and we pay our taxes here.'],
      ['contains', 'trimmed', 'we build the batteries here, we hire here, and we pay our taxes here'],
      ['variant', 'misquote', 'Our long-term plan has not changed: we build the cars here, we hire here, and we pay our taxes here.'],
      ['none', 'same-speaker-other', 'Our plan for the battery plant has changed because the subsidy that paid for it has gone.']
    ]
  }
]

/** Held out (reported, never tuned on): every third family. */
export function isHeldOut (familyIndex: number): boolean {
  return familyIndex % 3 === 2
}

export function labelledPairs (): LabelledPair[] {
  return FAMILIES.flatMap((f) => f.others.map(([relation, category, text, speaker], i) => ({
    id: `${f.id}#${i + 1}`,
    family: f.id,
    category,
    a: { text: f.base, speaker: f.speaker },
    b: { text, speaker: speaker === undefined ? f.speaker : speaker },
    relation
  })))
}

export function splitPairs (): { tune: LabelledPair[], heldOut: LabelledPair[] } {
  const familyIndex = new Map(FAMILIES.map((f, i) => [f.id, i]))
  const pairs = labelledPairs()
  return {
    tune: pairs.filter((p) => !isHeldOut(familyIndex.get(p.family) ?? 0)),
    heldOut: pairs.filter((p) => isHeldOut(familyIndex.get(p.family) ?? 0))
  }
}
