// Short articles of many shapes, written for the tests (none is copied from a corpus): wire copy,
// newspapers, blogs, press releases, transcripts, letters, texts without a headline. Each says what
// its structure is, so the rules are held to shapes PolNeAR does not have. Never tuned on: a rule
// that fails one is wrong for that shape, not to be special-cased for the sentence.

export interface ExpectedDateline { text: string, place: string, agency: string | null, date: string | null }

export interface StructureFixture {
  name: string
  text: string
  title: string | null
  dek?: string | null
  byline?: string | null
  dateline?: ExpectedDateline | null
  /** The trailer blocks, as written. */
  trailer?: string[]
  /** The first paragraph's text. */
  first: string
}

export const STRUCTURE_FIXTURES: StructureFixture[] = [
  {
    name: 'wire: city, agency and em dash inline',
    text: 'Ports reopen after storm\n\nMANILA (Reuters) — Philippine ports reopened on Tuesday after a typhoon.\n\nShipping lines said delays would last a week.\n\n(Reporting by Ana Cruz; Editing by Tom Hale)',
    title: 'Ports reopen after storm',
    dateline: { text: 'MANILA (Reuters) —', place: 'MANILA', agency: 'Reuters', date: null },
    trailer: ['(Reporting by Ana Cruz; Editing by Tom Hale)'],
    first: 'Philippine ports reopened on Tuesday after a typhoon.'
  },
  {
    name: 'wire: city, state, date and agency',
    text: 'Governor signs water bill.\n\nSACRAMENTO, Calif., March 4 (UPI) — The governor signed a water bill on Wednesday.\n\nThe bill funds three reservoirs.',
    title: 'Governor signs water bill.',
    dateline: { text: 'SACRAMENTO, Calif., March 4 (UPI) —', place: 'SACRAMENTO, Calif.', agency: 'UPI', date: 'March 4' },
    first: 'The governor signed a water bill on Wednesday.'
  },
  {
    name: 'wire: hyphen dash and an AP credit',
    text: 'Court delays ruling on map\n\nATLANTA (AP) - A federal court delayed its ruling on the state map.\n\nThe Associated Press contributed to this report.',
    title: 'Court delays ruling on map',
    dateline: { text: 'ATLANTA (AP) -', place: 'ATLANTA', agency: 'AP', date: null },
    trailer: ['The Associated Press contributed to this report.'],
    first: 'A federal court delayed its ruling on the state map.'
  },
  {
    name: 'wire: title-case city with an agency, en dash',
    text: 'Talks resume in Geneva\n\nGeneva (AFP) – Negotiators returned to the table on Monday.\n\nNo date was set for a vote.',
    title: 'Talks resume in Geneva',
    dateline: { text: 'Geneva (AFP) –', place: 'Geneva', agency: 'AFP', date: null },
    first: 'Negotiators returned to the table on Monday.'
  },
  {
    name: 'wire: dateline on its own line, double hyphen in the body',
    text: 'Rail strike called off\n\nLONDON\n\nUnions called off a rail strike -- for now -- after talks.\n\nThe next round is in May.',
    title: 'Rail strike called off',
    dateline: { text: 'LONDON', place: 'LONDON', agency: null, date: null },
    first: 'Unions called off a rail strike -- for now -- after talks.'
  },
  {
    name: 'newspaper: byline with a role line, no dash space',
    text: 'Council approves budget\nBy MARIA LOPEZ\nStaff Writer\n\nTUCSON, Ariz.—The city council approved a $1.2 billion budget on Tuesday night.\n\n“It was a long night,” said council member Ray Ortiz.',
    title: 'Council approves budget',
    byline: 'By MARIA LOPEZ',
    dateline: { text: 'TUCSON, Ariz.—', place: 'TUCSON, Ariz.', agency: null, date: null },
    first: 'The city council approved a $1.2 billion budget on Tuesday night.'
  },
  {
    name: 'newspaper: two writers and a horizontal bar dash',
    text: 'Schools brace for cuts\n\nBy Jane Doe and John Roe\n\nDENVER ― School districts are bracing for cuts.\n\nJohn Roe reported from Boulder.',
    title: 'Schools brace for cuts',
    byline: 'By Jane Doe and John Roe',
    dateline: { text: 'DENVER ―', place: 'DENVER', agency: null, date: null },
    trailer: ['John Roe reported from Boulder.'],
    first: 'School districts are bracing for cuts.'
  },
  {
    name: 'newspaper: headline and dek joined by a semicolon',
    text: 'Mayor unveils housing plan;\nCritics say it does too little, too late\n\nThe mayor unveiled a plan to build 10,000 homes.\n\nCritics were unimpressed.',
    title: 'Mayor unveils housing plan',
    dek: 'Critics say it does too little, too late',
    first: 'The mayor unveiled a plan to build 10,000 homes.'
  },
  {
    name: 'newspaper: all-capitals headline',
    text: 'SENATE PASSES FARM BILL AFTER LONG FIGHT\n\nThe Senate passed the farm bill on Thursday by a vote of 68 to 31.\n\nThe House votes next week.',
    title: 'SENATE PASSES FARM BILL AFTER LONG FIGHT',
    first: 'The Senate passed the farm bill on Thursday by a vote of 68 to 31.'
  },
  {
    name: 'newspaper: a kicker above the headline',
    text: 'ANALYSIS\nWhy the rate cut came early\n\nThe central bank surprised markets on Wednesday.\n\nEconomists had expected a cut in June.',
    title: 'Why the rate cut came early',
    first: 'The central bank surprised markets on Wednesday.'
  },
  {
    name: 'newspaper: a correction at the end',
    text: 'Bridge to close for repairs\n\nThe Elm Street bridge will close for six weeks.\n\nDetours will be posted.\n\nCorrection: An earlier version of this article gave the wrong closing date.',
    title: 'Bridge to close for repairs',
    trailer: ['Correction: An earlier version of this article gave the wrong closing date.'],
    first: 'The Elm Street bridge will close for six weeks.'
  },
  {
    name: 'newspaper: contributed reporting and a copyright line',
    text: 'Storm knocks out power\n\nMore than 40,000 homes lost power overnight.\n\nCrews worked through the morning.\n\nLena Park contributed reporting.\n\n© 2026 The Daily Ledger. All rights reserved.',
    title: 'Storm knocks out power',
    trailer: ['Lena Park contributed reporting.', '© 2026 The Daily Ledger. All rights reserved.'],
    first: 'More than 40,000 homes lost power overnight.'
  },
  {
    name: 'newspaper: name and outlet after a pipe',
    text: 'Hospital wait times grow\nSam Ngata | The Coast Herald\n\nPatients waited an average of five hours last month.\n\nThe health board meets on Friday.',
    title: 'Hospital wait times grow',
    byline: 'Sam Ngata | The Coast Herald',
    first: 'Patients waited an average of five hours last month.'
  },
  {
    name: 'wire: name comma agency byline',
    text: 'Oil slips on supply worries\nDavid Mercer, Reuters\n\nOil prices slipped on Friday.\n\nBrent fell 1 percent.',
    title: 'Oil slips on supply worries',
    byline: 'David Mercer, Reuters',
    first: 'Oil prices slipped on Friday.'
  },
  {
    name: 'op-ed: an author bio at the end',
    text: 'We need more libraries, not fewer\n\nEvery town I have lived in had a library at its heart.\n\nClosing them saves little and costs much.\n\nNora Feld is a senior fellow at the Civic Reading Institute.',
    title: 'We need more libraries, not fewer',
    trailer: ['Nora Feld is a senior fellow at the Civic Reading Institute.'],
    first: 'Every town I have lived in had a library at its heart.'
  },
  {
    name: 'news: a last paragraph about someone the story named is not a bio',
    text: 'Mayor Chen wins second term\n\nMayor Lily Chen won a second term on Tuesday.\n\nShe thanked her volunteers.\n\nChen is the first mayor to win twice since 1990.',
    title: 'Mayor Chen wins second term',
    trailer: [],
    first: 'Mayor Lily Chen won a second term on Tuesday.'
  },
  {
    name: 'blog: posted-by line, timestamp, tags and share lines',
    text: 'Ten things I learned at the book fair\nPosted by Kim Alder\nUpdated March 3, 2026 at 9:15 a.m.\n\nI spent three days at the fair this year.\n\nHere is what stuck with me.\n\nTags: books, fairs, reading\n\nShare this: Facebook, X, Email',
    title: 'Ten things I learned at the book fair',
    byline: 'Posted by Kim Alder',
    trailer: ['Tags: books, fairs, reading', 'Share this: Facebook, X, Email'],
    first: 'I spent three days at the fair this year.'
  },
  {
    name: 'blog: follow line at the end',
    text: 'My week with an electric bike\n\nI commuted by e-bike for a week.\n\nThe hills were no problem.\n\nFollow Jo Wren on Twitter @jowren.',
    title: 'My week with an electric bike',
    trailer: ['Follow Jo Wren on Twitter @jowren.'],
    first: 'I commuted by e-bike for a week.'
  },
  {
    name: 'press release: for immediate release, slashes around the wire, an about section and contacts',
    text: 'FOR IMMEDIATE RELEASE\n\nAcme Robotics Opens Second Factory\n\nDAYTON, Ohio, June 2, 2026 /PRNewswire/ -- Acme Robotics today opened its second factory.\n\n"This doubles our output," said chief executive Mia Lund.\n\nAbout Acme Robotics\n\nAcme Robotics builds warehouse robots.\n\nMedia contact: press@acme.example\n\n###',
    title: 'Acme Robotics Opens Second Factory',
    dateline: { text: 'DAYTON, Ohio, June 2, 2026 /PRNewswire/ --', place: 'DAYTON, Ohio', agency: 'PRNewswire', date: 'June 2, 2026' },
    trailer: ['About Acme Robotics', 'Acme Robotics builds warehouse robots.', 'Media contact: press@acme.example', '###'],
    first: 'Acme Robotics today opened its second factory.'
  },
  {
    name: 'press release: headline in title case, no dateline',
    text: 'City Launches Free Bus Pilot\n\nThe city will run free buses on three routes from May 1.\n\nRiders can give feedback online.\n\n-30-',
    title: 'City Launches Free Bus Pilot',
    trailer: ['-30-'],
    first: 'The city will run free buses on three routes from May 1.'
  },
  {
    name: 'transcript: speaker labels are paragraphs, not datelines',
    text: 'Transcript: an interview with the health minister\n\nHOST: Minister, thank you for joining us.\n\nMINISTER: Thank you for having me.\n\nHOST: Will the clinics open on time?',
    title: 'Transcript: an interview with the health minister',
    first: 'HOST: Minister, thank you for joining us.'
  },
  {
    name: 'no headline: the text opens with its first paragraph',
    text: 'The council met on Monday and approved the plan.\nIt takes effect in June.\n\nOpponents plan an appeal.',
    title: null,
    first: 'The council met on Monday and approved the plan.'
  },
  {
    name: 'no headline: a dateline opens the text',
    text: 'NAIROBI — Kenya raised its interest rate on Tuesday.\n\nThe shilling rose.',
    title: null,
    dateline: { text: 'NAIROBI —', place: 'NAIROBI', agency: null, date: null },
    first: 'Kenya raised its interest rate on Tuesday.'
  },
  {
    name: 'a capitalised word and a dash open a sentence, not a dateline',
    text: 'Budget vote delayed\n\nBREAKING — The budget vote has been delayed until Friday.\n\nLeaders gave no reason.',
    title: 'Budget vote delayed',
    dateline: null,
    first: 'BREAKING — The budget vote has been delayed until Friday.'
  },
  {
    name: 'a hyphenated capitalised word is no dateline',
    text: 'Agency names new chief\n\nNASA-led teams will run the new program, officials said.\n\nThe chief starts in July.',
    title: 'Agency names new chief',
    dateline: null,
    first: 'NASA-led teams will run the new program, officials said.'
  },
  {
    name: 'a period-final headline of a question and answer',
    text: 'Will prices fall? Not soon.\n\nEconomists expect prices to stay high this year.\n\nWages are rising too.',
    title: 'Will prices fall? Not soon.',
    first: 'Economists expect prices to stay high this year.'
  },
  {
    name: 'editor’s note and an update notice',
    text: 'Protest planned for Saturday\n\nOrganisers expect thousands at the march.\n\nPolice will close Main Street.\n\nEditor’s note: This story has been updated with the route.\n\nThis article was updated on March 5 to add the police statement.',
    title: 'Protest planned for Saturday',
    trailer: ['Editor’s note: This story has been updated with the route.', 'This article was updated on March 5 to add the police statement.'],
    first: 'Organisers expect thousands at the march.'
  },
  {
    name: 'related stories after the story',
    text: 'Wildfire forces evacuations\n\nResidents of two towns were told to leave on Sunday.\n\nShelters opened at the high school.\n\nRelated stories\n\nHow to prepare a go-bag\n\nWhere the fires are now',
    title: 'Wildfire forces evacuations',
    trailer: ['Related stories', 'How to prepare a go-bag', 'Where the fires are now'],
    first: 'Residents of two towns were told to leave on Sunday.'
  },
  {
    name: 'a repeated headline and a dateline with a date only',
    text: 'Markets close higher\n\nMarkets close higher\n\nTOKYO, Dec. 9 — Japanese shares closed higher on Wednesday.\n\nThe yen was steady.',
    title: 'Markets close higher',
    dateline: { text: 'TOKYO, Dec. 9 —', place: 'TOKYO', agency: null, date: 'Dec. 9' },
    first: 'Japanese shares closed higher on Wednesday.'
  },
  {
    name: 'a two-word place with a region',
    text: 'Plant to add 300 jobs\n\nGRAND RAPIDS, Mich. (AP) — A furniture maker will add 300 jobs.\n\nHiring starts in the fall.',
    title: 'Plant to add 300 jobs',
    dateline: { text: 'GRAND RAPIDS, Mich. (AP) —', place: 'GRAND RAPIDS, Mich.', agency: 'AP', date: null },
    first: 'A furniture maker will add 300 jobs.'
  },
  {
    name: 'a letter to the editor with a signature stays in the body',
    text: 'Letters: The park deserves better\n\nThe city has neglected Riverside Park for years.\n\nPlease fix the lights.\n\nAlan Brook, Springfield',
    title: 'Letters: The park deserves better',
    trailer: [],
    first: 'The city has neglected Riverside Park for years.'
  },
  {
    name: 'a headline of a quote, then a byline starting with By and a comma role',
    text: '“We will rebuild,” mayor says\nBy Omar Haddad, Staff Writer\n\nThe mayor spoke at the fire station on Friday.\n\nShe promised aid within a week.',
    title: '“We will rebuild,” mayor says',
    byline: 'By Omar Haddad, Staff Writer',
    first: 'The mayor spoke at the fire station on Friday.'
  },
  {
    name: 'a sentence that starts with By is no byline',
    text: 'Flood waters recede\n\nBy Monday, the river had fallen two feet.\n\nFarmers began to count their losses.',
    title: 'Flood waters recede',
    byline: null,
    first: 'By Monday, the river had fallen two feet.'
  }
]
