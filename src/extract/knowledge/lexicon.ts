// Closed word lists the rule-based stages rely on. Kept as data so they can grow with the corpus
// without touching the rules. All entries are lower-case; look-ups lower-case their input.

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/))

/** Function words and other capitalised-at-sentence-start words that are never names on their own. */
export const FUNCTION_WORDS = words(`
  a an the this that these those there here it its it's he she they we i you me him her us them his hers
  their theirs our ours my mine your yours who whom whose which what when where why how whether if then
  than as at by for from in into of off on onto out over to under up upon with within without about
  above after against along among around before behind below beneath beside between beyond but
  despite down during except inside near since through throughout till toward towards until via
  and or nor so yet also although though because while whereas unless once let lets let's
  all any both each either every few many more most much neither no none not one other others
  several some such only just even still already meanwhile however moreover furthermore nevertheless
  instead indeed perhaps maybe thus hence therefore otherwise besides according later earlier
  now today yesterday tomorrow tonight recent recently
  is are was were be been being am do does did done have has had will would shall should can could
  may might must yes oh well speaking saying says said
  following including regarding considering given amid amongst per
  nobody everyone everybody someone somebody anyone anybody nothing everything something
  mother father daughter son`)

export const WEEKDAYS = words('monday tuesday wednesday thursday friday saturday sunday')
export const MONTHS = words(`january february march april may june july august september october
  november december jan feb mar apr jun jul aug sep sept oct nov dec`)

/**
 * Speech and thought cue verbs, every inflection listed (no stemmer: explicit forms keep
 * "states" the noun from matching "state" the verb).
 */
export const CUE_VERBS = words(`
  say says said saying tell tells told telling argue argues argued arguing note notes noted noting
  add adds added adding warn warns warned warning urge urges urged urging claim claims claimed claiming
  state stated stating explain explains explained explaining insist insists insisted insisting
  believe believes believed believing think thinks thought report reports reported reporting
  announce announces announced announcing write writes wrote writing stress stresses stressed stressing
  emphasize emphasizes emphasized emphasizing emphasise emphasised emphasising assert asserts asserted
  asserting contend contends contended maintain maintains maintained acknowledge acknowledges
  acknowledged acknowledging admit admits admitted admitting deny denies denied denying
  suggest suggests suggested suggesting recall recalls recalled recalling predict predicts predicted
  confirm confirms confirmed confirming declare declares declared declaring allege alleges alleged
  alleging mention mentions mentioned mentioning point pointed remark remarks remarked reiterate
  reiterates reiterated reiterating complain complains complained agree agrees agreed estimate
  estimates estimated concede concedes conceded observe observes observed indicate indicates indicated
  indicating reveal reveals revealed revealing recommend recommends recommended caution cautions cautioned
  cautioning tweet tweets tweeted posted underline underlines underlined underscore underscores
  underscored ask asks asked asking vow vows vowed pledge pledges pledged promise promises promised
  comment comments commented reply replies replied respond responds responded continue continues continued
  yell yells yelled shout shouts shouted exclaim exclaims exclaimed joke jokes joked quip quips quipped
  demand demands demanded boast boasts boasted wonder wonders wondered`)

/** Cue forms that mean "X says about something" only with a following content clause. */
export const CUE_NEEDS_PARTICLE: ReadonlyMap<string, string> = new Map([['point', 'out'], ['pointed', 'out']])

/** Cue verbs whose object precedes the content ("told reporters that ..."). */
export const OBJECT_CUES = words('tell tells told telling ask asks asked asking')

/** Words that may sit between a source and its cue ("he also said", "she has repeatedly argued"). */
export const CUE_ADVERBS = words(`also further again later then earlier previously repeatedly recently
  once first last separately similarly likewise additionally moreover however has have had had been
  would will could may might reportedly allegedly publicly privately openly bluntly flatly
  explicitly firmly strongly frankly already still too even never had`)

/** Heads of lower-case source phrases ("media reports said", "officials told"). */
export const SOURCE_NOUNS = words(`report reports media sources source officials official analysts analyst
  experts expert spokesman spokeswoman spokesperson statement statements diplomats diplomat minister
  ministers ministry president leader leaders authorities government agency observers observer
  residents witnesses witness activists activist police military army prosecutors prosecutor lawyers
  lawyer critics critic investigators commentators journalists newspaper outlet outlets channel
  people person man woman group groups researchers scientists economists sources officers officer
  representative representatives envoy ambassador commander commanders chief chairman chairwoman
  secretary spokespeople aide aides adviser advisers advisor advisors counterpart negotiators
  lawmakers lawmaker senator senators delegation statement`)

/** Heads of descriptors that denote a single person ("the minister", "the top Russian diplomat"). */
export const PERSON_DESCRIPTORS: ReadonlyMap<string, readonly string[]> = new Map([
  ['diplomat', ['minister', 'ambassador', 'envoy', 'diplomat', 'secretary']],
  ['minister', ['minister']],
  ['president', ['president']],
  ['leader', ['president', 'leader', 'prime', 'chancellor', 'king', 'chairman', 'premier', 'minister']],
  ['premier', ['premier', 'prime']],
  ['chancellor', ['chancellor']],
  ['envoy', ['envoy', 'ambassador']],
  ['ambassador', ['ambassador']],
  ['spokesman', ['spokesman', 'spokesperson']],
  ['spokeswoman', ['spokeswoman', 'spokesperson']],
  ['secretary', ['secretary']],
  ['general', ['general', 'commander']],
  ['commander', ['commander', 'general']],
  ['official', ['minister', 'official', 'secretary', 'spokesman', 'spokeswoman']],
  ['senator', ['senator']],
  ['governor', ['governor']],
  ['mayor', ['mayor']],
  ['chief', ['chief', 'director', 'head']],
])

/** Pronouns a source may be, with what they can refer to. */
export const PERSON_PRONOUNS = words('he she him her')
export const PLURAL_PRONOUNS = words('they them')
export const SPEAKER_PRONOUNS = words('he she they i we')

/** Role words that may precede a name; the last word of a title must be a head. */
export const TITLE_HEADS = words(`president minister secretary chancellor premier king queen prince princess
  emperor sheikh sultan emir pope cardinal bishop archbishop rabbi imam ayatollah general gen. colonel col.
  major lieutenant lt. captain capt. admiral commander sergeant sgt. marshal senator sen. representative rep.
  governor gov. mayor ambassador envoy spokesman spokeswoman spokesperson chairman chairwoman chair ceo
  director judge justice prosecutor attorney chief mr. mrs. ms. dr. prof. professor mr mrs ms dr
  officer lord lady dame sir speaker leader deputy head coach`)

/** Words that may qualify a title head ("Foreign Minister", "Deputy Prime Minister"). */
export const TITLE_MODIFIERS = words(`foreign defense defence interior finance economy economic trade
  justice health education energy prime vice deputy acting former first chief state general attorney
  supreme grand crown executive national security home culture transport agriculture labor labour
  environment information communications emergency emergencies senior special top assistant under
  associate majority minority opposition house party former late interim`)

/** Last words that make a capitalised span an organisation. */
export const ORG_HEADS = words(`forces force army navy corps guard guards police ministry department
  agency council committee commission parliament congress senate assembly court party movement front
  brigade brigades battalion militia union league association federation organization organisation
  organisation institute university college school bank fund group company corporation corp corp. inc
  inc. ltd ltd. llc co. times journal post news tribune herald gazette telegraph guardian press agency
  network networks channel television tv radio broadcasting broadcaster media service services office
  authority administration bureau foundation alliance coalition church club team airlines airways
  telecom motors industries holdings partners institute centre center`)

/** Lower-case words right after a name that make it an organisation ("the Al-Arabia TV channel"). */
export const ORG_FOLLOWERS = words('tv channel network newspaper agency broadcaster daily magazine outlet company group party militia')

/** Lower-case words right after a name that make it a facility ("Hmeimim air base"). */
export const FACILITY_FOLLOWERS = words('base airbase airport port harbor harbour camp prison facility plant station bridge dam stadium hospital')

/** Capitalised last words that make a span a facility ("Hmeimim Air Base", "Evin Prison"). */
export const FACILITY_HEADS = words('base airbase airport port harbor harbour camp prison plant station bridge dam stadium hospital palace tower square')

/** Lower-case words right after a name that make it a location ("the Idlib province"). */
export const LOCATION_FOLLOWERS = words('province region city town village district county state governorate river valley mountains desert border')

/** Plural facility/location nouns heading a list ("bases in Syria including X and Y"). */
export const FACILITY_LIST_NOUNS = words('bases airbases airports ports harbors camps prisons facilities plants stations sites outposts installations')
export const LOCATION_LIST_NOUNS = words('cities towns villages regions provinces countries states districts areas capitals')

/** Prepositions after which an unknown capitalised span is most likely a place. */
export const LOCATION_PREPOSITIONS = words('in at near from across into toward towards outside inside around throughout')

/** Lower-case name particles ("Asaad al Shaibani", "Ludwig van Beethoven"). */
export const NAME_PARTICLES = words('al el ad as ash bin ibn abu bint de del della der den di da dos du la le van von ter')

/** Abbreviations whose final period does not end a sentence. */
export const ABBREVIATIONS = words(`mr mrs ms dr prof gen col lt capt sgt sen rep gov st jr sr inc ltd corp co
  vs etc e.g i.e jan feb mar apr jun jul aug sep sept oct nov dec mt ft`)
