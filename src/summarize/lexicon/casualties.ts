import { lookupTable } from '../numbers.js';
import type { FigureKind } from '../types.js';

/** Cheap pre-filter: a sentence without one of these stems holds no casualty figure. */
export const CUE_STEMS =
  /\b(?:kill|dead|death|die[ds]?\b|dying|wound|injur|hurt|casualt|fatalit|victim|bod(?:y|ies)|corpse|lives|toll|slain|slaughter|massacr|execut|perish|martyr|displac|fled|flee|homeless|refuge|evacu|uproot|missing|disappear|detain|detention|arrest|captur|jail|imprison|kidnap|abduct|hostage|left\b|leaving|escap|behead|crucif|murder|assassinat|shot|gunned|homes?\b|affected|eliminat|destroy|neutrali|prisoner|captive|unaccounted|treat|hospitali|moved|relocat|bussed|bused|resettl|deport|expel)/i;

/** Verbs that take the count as object: "killed at least 130,000 people", "wounding 30 others". */
export const VERB_BEFORE = lookupTable<FigureKind>({
  kill: 'killed', kills: 'killed', killed: 'killed', killing: 'killed',
  slaughtered: 'killed', slaughtering: 'killed', massacred: 'killed', massacring: 'killed',
  behead: 'killed', beheads: 'killed', beheaded: 'killed', beheading: 'killed', crucify: 'killed', crucifies: 'killed', crucified: 'killed', crucifying: 'killed',
  murder: 'killed', murders: 'killed', murdered: 'killed', murdering: 'killed', assassinated: 'killed',
  executed: 'killed', executing: 'killed', executes: 'killed',
  treated: 'injured', treating: 'injured', hospitalised: 'injured', hospitalized: 'injured',
  wound: 'injured', wounds: 'injured', wounded: 'injured', wounding: 'injured',
  injure: 'injured', injures: 'injured', injured: 'injured', injuring: 'injured',
  displace: 'displaced', displaces: 'displaced', displaced: 'displaced', displacing: 'displaced',
  evacuate: 'displaced', evacuated: 'displaced', evacuating: 'displaced', uprooted: 'displaced', uprooting: 'displaced',
  arrest: 'detained', arrests: 'detained', arrested: 'detained', arresting: 'detained',
  detain: 'detained', detains: 'detained', detained: 'detained', detaining: 'detained',
  capture: 'detained', captures: 'detained', captured: 'detained', capturing: 'detained',
  jailed: 'detained', imprisoned: 'detained',
  eliminate: 'killed', eliminates: 'killed', eliminated: 'killed', eliminating: 'killed',
  destroy: 'killed', destroys: 'killed', destroyed: 'killed', destroying: 'killed',
  neutralise: 'killed', neutralises: 'killed', neutralised: 'killed', neutralising: 'killed',
  neutralize: 'killed', neutralizes: 'killed', neutralized: 'killed', neutralizing: 'killed',
  kidnap: 'kidnapped', kidnaps: 'kidnapped', kidnapped: 'kidnapped', kidnapping: 'kidnapped',
  abduct: 'kidnapped', abducts: 'kidnapped', abducted: 'kidnapped', abducting: 'kidnapped',
});

/** Nouns that take the count after "of": "the death of eight", "the bodies of 20". */
export const NOUN_OF_BEFORE = lookupTable<FigureKind>({
  death: 'killed', deaths: 'killed', killing: 'killed', killings: 'killed', murder: 'killed', murders: 'killed',
  execution: 'killed', executions: 'killed', bodies: 'killed', corpses: 'killed', remains: 'killed', lives: 'killed',
  massacre: 'killed',
  injury: 'injured', injuries: 'injured', injuring: 'injured', wounding: 'injured',
  displacement: 'displaced', evacuation: 'displaced', exodus: 'displaced',
  arrest: 'detained', arrests: 'detained', detention: 'detained', capture: 'detained',
  kidnapping: 'kidnapped', abduction: 'kidnapped', abductions: 'kidnapped', kidnappings: 'kidnapped',
  disappearance: 'missing',
});

/** Words after the count (and its auxiliaries) that say what happened: "700 people have been killed". */
export const CUE_AFTER = lookupTable<FigureKind>({
  killed: 'killed', kills: 'killed', dead: 'killed', died: 'killed', die: 'killed', dies: 'killed', perished: 'killed',
  slain: 'killed', executed: 'killed', beheaded: 'killed', crucified: 'killed', murdered: 'killed', assassinated: 'killed', massacred: 'killed', slaughtered: 'killed', martyred: 'killed',
  deaths: 'killed', fatalities: 'killed', bodies: 'killed', corpses: 'killed', martyrs: 'killed', lives: 'killed',
  wounded: 'injured', injured: 'injured', hurt: 'injured', injuries: 'injured', wounds: 'injured', injures: 'injured', hospitalised: 'injured', hospitalized: 'injured',
  casualties: 'casualties', victims: 'casualties',
  displaced: 'displaced', fled: 'displaced', flee: 'displaced', fleeing: 'displaced', escaped: 'displaced', homeless: 'displaced', uprooted: 'displaced', evacuated: 'displaced', refugees: 'displaced', evacuees: 'displaced',
  missing: 'missing', disappeared: 'missing', unaccounted: 'missing',
  detained: 'detained', arrested: 'detained', captured: 'detained', jailed: 'detained', imprisoned: 'detained', detainees: 'detained',
  kidnapped: 'kidnapped', abducted: 'kidnapped', hostages: 'kidnapped', abductees: 'kidnapped',
});

/** Cue nouns that stand as the counted noun itself ("45 dead", "12 fatalities"), not as a verb. */
export const CUE_NOUNS = new Set(['dead', 'deaths', 'fatalities', 'bodies', 'corpses', 'martyrs', 'lives', 'injuries', 'wounds', 'casualties', 'victims', 'refugees', 'evacuees', 'detainees', 'hostages', 'abductees', 'wounded', 'injured', 'displaced', 'missing']);

/** Words allowed between the counted noun and the cue: "have been", "were reportedly", "are feared". */
export const AUXILIARIES = new Set([
  'were', 'was', 'have', 'has', 'had', 'been', 'being', 'be', 'are', 'is', 'will', 'would', 'may', 'might', 'could',
  'reportedly', 'also', 'all', 'later', 'allegedly', 'now', 'already', 'since', 'confirmed', 'believed', 'thought', 'feared',
  'said', 'reported', 'known', 'to', 'apparently', 'subsequently', 'eventually', 'mostly', 'either', 'officially', 'shot', 'left', 'lay', 'lie', 'got', 'get', 'gets', 'getting', 'became', 'become',
  'forced', 'driven', 'begun', 'began', 'started', 'starting', 'continue', 'continued', 'continuing', 'likely', 'probably', 'presumed', 'presumably', 'recorded', 'still', 'yet', 'currently', 'remain', 'remained', 'remains', 'overall', 'altogether', 'initially', 'reportedly',
]);

/** Qualifiers before a count and the bound they set. */
export const QUALIFIERS: { words: string[]; bound: 'min' | 'max' | null }[] = [
  ['at least', 'min'], ['more than', 'min'], ['over', 'min'], ['upwards of', 'min'], ['in excess of', 'min'], ['no fewer than', 'min'],
  ['not less than', 'min'], ['just over', 'min'], ['well over', 'min'], ['above', 'min'], ['exceeding', 'min'],
  ['up to', 'max'], ['nearly', 'max'], ['almost', 'max'], ['as many as', 'max'], ['fewer than', 'max'], ['less than', 'max'],
  ['at most', 'max'], ['close to', 'max'], ['just under', 'max'], ['under', 'max'],
  ['about', null], ['around', null], ['some', null], ['approximately', null], ['roughly', null], ['an estimated', null],
  ['estimated', null], ['almost exactly', null], ['a total of', null], ['a further', null], ['another', null], ['an additional', null],
].map(([phrase, bound]) => ({ words: phrase!.split(' '), bound: bound as 'min' | 'max' | null }))
  .sort((a, b) => b.words.length - a.words.length);

/** Nouns for people, so the figure can say who it counts. */
export const PEOPLE = new Set([
  'people', 'persons', 'person', 'individuals', 'civilians', 'civilian', 'children', 'child', 'kids', 'kid', 'women', 'woman', 'men', 'man',
  'boys', 'girls', 'babies', 'infants', 'teenagers', 'minors', 'soldiers', 'soldier', 'troops', 'servicemen', 'rebels', 'rebel',
  'fighters', 'fighter', 'militants', 'militant', 'terrorists', 'terrorist', 'jihadists', 'jihadist', 'insurgents', 'gunmen',
  'militiamen', 'extremists', 'combatants', 'combattants', 'mercenaries', 'members', 'policemen', 'police', 'officers', 'officials',
  'personnel', 'guards', 'commanders', 'commander', 'leaders', 'residents', 'inhabitants', 'citizens', 'villagers', 'protesters',
  'protestors', 'demonstrators', 'students', 'pupils', 'workers', 'journalists', 'reporters', 'doctors', 'medics', 'nurses',
  'volunteers', 'staff', 'migrants', 'evacuees', 'passengers', 'pilgrims', 'worshippers', 'prisoners', 'patients', 'family',
  'families', 'relatives', 'others', 'other', 'more', 'them', 'elements', 'operatives', 'snipers', 'crew', 'crews', 'recruits',
  'conscripts', 'defectors', 'activists', 'supporters', 'loyalists', 'opponents', 'aid', 'hostages', 'detainees', 'refugees',
  'martyrs', 'victims', 'casualties', 'syrians', 'iraqis', 'kurds', 'palestinians', 'lebanese', 'turks', 'russians', 'americans',
  'iranians', 'afghans', 'yazidis', 'alawites', 'christians', 'sunnis', 'shiites', 'druze', 'israelis', 'jordanians', 'egyptians',
  'foreigners', 'nationals', 'youths', 'youngsters', 'elderly', 'adults', 'males', 'females', 'paramedics', 'rescuers', 'firefighters', 'suspects', 'farmers', 'fishermen', 'miners', 'shoppers', 'tourists', 'hikers', 'climbers', 'sailors', 'pilots', 'drivers', 'guards', 'bystanders', 'attackers', 'assailants', 'bombers', 'agents', 'spies', 'diplomats',
]);

/** A count of these is not a count of people: "35 homes were destroyed", "killed in 3 attacks". */
export const THINGS = new Set([
  'year', 'years', 'month', 'months', 'week', 'weeks', 'day', 'days', 'hour', 'hours', 'minute', 'minutes', 'second', 'seconds',
  'decade', 'decades', 'century', 'centuries', 'night', 'nights', 'am', 'pm', 'gmt', 'times', 'time', 'percent', 'per', 'km',
  'kilometres', 'kilometers', 'kilometre', 'kilometer', 'miles', 'mile', 'metres', 'meters', 'metre', 'meter', 'feet', 'foot', 'yards',
  'square', 'hectares', 'acres', 'tons', 'tonnes', 'kilograms', 'kg', 'kilos', 'litres', 'liters', 'dollars', 'euros', 'pounds',
  'lira', 'liras', 'pounds', 'cents', 'points', 'votes', 'seats', 'tanks', 'vehicles', 'cars', 'trucks', 'lorries', 'buses',
  'buildings', 'houses', 'homes', 'shops', 'schools', 'hospitals', 'clinics', 'mosques', 'churches', 'villages', 'towns', 'cities',
  'districts', 'provinces', 'neighbourhoods', 'neighborhoods', 'areas', 'regions', 'positions', 'checkpoints', 'bases', 'airstrikes',
  'strikes', 'raids', 'sorties', 'missiles', 'rockets', 'shells', 'mortars', 'mortar', 'bombs', 'barrel', 'attacks', 'explosions', 'blasts',
  'bombings', 'operations', 'weapons', 'rifles', 'guns', 'aircraft', 'planes', 'jets', 'warplanes', 'helicopters', 'drones', 'ships',
  'boats', 'countries', 'nations', 'states', 'groups', 'factions', 'brigades', 'battalions', 'divisions', 'units', 'rounds',
  'sessions', 'meetings', 'resolutions', 'articles', 'pages', 'items', 'convoys', 'containers', 'barrels', 'boxes', 'tents', 'camps',
  'crossings', 'sites', 'facilities', 'hideouts', 'tunnels', 'bridges', 'roads', 'locations', 'targets', 'projectiles', 'munitions',
  'ammunition', 'cases', 'incidents', 'violations', 'trips', 'flights', 'kilometers', 'mph', 'rounds', 'miles', 'storeys', 'floors',
  'stories', 'steps', 'points', 'agreements', 'deals', 'talks', 'laws', 'decrees', 'fronts', 'axes', 'outposts', 'posts', 'depots',
  'warehouses', 'launchers', 'cannons', 'artillery', 'bulldozers', 'motorcycles', 'ambulances', 'trucks', 'doses', 'tablets',
]);

export const MONTHS = new Set([
  'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/** Words before a number that make it something other than a head count: "aged 45", "$300", "No. 5". */
export const NOT_A_COUNT_BEFORE = new Set(['aged', 'age', 'ages', '$', '£', '€', 'us', 'no', 'number', 'page', 'resolution', 'article', 'chapter', 'route', 'highway', 'flight', 'room', 'unit', 'brigade', 'division', 'battalion', 'division', 'regiment', 'group', 'squad', 'g', 'p', 'covid', 'minus', 'plus', 'score', 'scored', 'ranked']);

/** Words that bring a count into an earlier figure's kind: "including eight children", "among them four". */
export const INCLUDING = new Set(['including', 'includes', 'included', 'include', 'among', 'incl']);

/** Cheap pre-filter, with CUE_STEMS: a sentence without a digit or number word has no figure. */
export const HAS_NUMBER = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|dozens?|hundreds?|thousands?|millions?|scores|tens|tenths?)\b/i;

/** Words that end the noun phrase after a count ("12 civilians in Aleppo"). */
export const PHRASE_BREAK = new Set([
  'of', 'in', 'on', 'at', 'from', 'by', 'and', 'or', 'the', 'a', 'an', 'with', 'including', 'after', 'during', 'when', 'as', 'for',
  'near', 'across', 'into', 'while', 'since', 'than', 'but', 'this', 'that', 'last', 'who', 'which', 'whom', 'among', 'between', 'over',
  'under', 'to', 'so', 'because', 'according', 'amid', 'inside', 'outside', 'throughout', 'within', 'without', 'their', 'his', 'her', 'its',
]);

/** The noun before "toll" and the kind of figure it counts: "the death toll", "the casualty toll". */
export const TOLL_KINDS = lookupTable<FigureKind>({ death: 'killed', casualty: 'casualties', injury: 'injured' });

/** Words after "toll" that introduce its value: "the death toll rose to 45", "a toll of 12". */
export const TOLL_LINKS = new Set(['estimated', 'put', 'reach', 'toll', 'to', 'at', 'of', 'reached', 'hit', 'is', 'was', 'stands', 'stood', 'topped', 'exceeded', 'passed', 'rose', 'climbed', 'reaching', 'hitting', 'now', 'risen', 'jumped']);

/** Finite verbs: a count followed by one of these is the subject of a clause. */
export const FINITE = new Set(['have', 'has', 'had', 'were', 'was', 'are', 'is', 'will', 'would']);

/** What may join two counts that share a cue: "63 rebels and 21 fighters were killed". */
export const CONNECTORS = new Set(['and', 'or', ',', '-', '–', 'as', 'well', 'including', 'plus']);

/** Places people leave: "left the city", "fled their villages". */
export const PLACE_NOUNS = new Set(['city', 'town', 'village', 'villages', 'towns', 'area', 'areas', 'country', 'enclave', 'district', 'region', 'province', 'camp', 'neighbourhood', 'neighborhood']);

/** Determiners that may stand between a cue before the count and the count: "killed all five", "the death of the 12". */
export const BEFORE_COUNT = new Set(['the', 'a', 'an', 'only', 'just', 'all']);

/** What harms people by exposure rather than a wound: "33 people were affected by the gas". */
export const EXPOSURE = new Set([
  'gas', 'gases', 'chlorine', 'sarin', 'chemical', 'chemicals', 'toxic', 'toxins', 'poison', 'poisonous', 'nerve', 'mustard', 'smoke',
  'fumes', 'radiation', 'attack', 'attacks', 'blast', 'explosion', 'bombing', 'shelling', 'strike', 'strikes', 'airstrike', 'airstrikes',
]);

/** Verbs of being gathered before a fate: "were rounded up and executed", "were lined up and shot". */
export const GATHERED = new Set(['rounded', 'lined', 'taken', 'dragged', 'led', 'marched', 'pulled', 'brought', 'gathered', 'herded']);

/** Verbs that move people from where they live without a casualty word: "some 9000 people moved across front lines". */
export const RELOCATED = new Set(['moved', 'relocated', 'bussed', 'bused', 'resettled', 'deported', 'expelled']);

/** Nouns for people who are not fighters: only these are "moved" from their homes. */
export const NON_COMBATANTS = new Set([
  'people', 'persons', 'individuals', 'civilians', 'residents', 'inhabitants', 'citizens', 'villagers', 'families', 'children', 'women',
  'evacuees', 'refugees', 'migrants', 'elderly', 'syrians', 'iraqis', 'kurds', 'palestinians', 'christians', 'yazidis',
]);

/** Ways of killing said with "to death": "burned to death", "beaten to death". */
export const TO_DEATH = new Set([
  'burned', 'burnt', 'stabbed', 'beaten', 'starved', 'crushed', 'hacked', 'tortured', 'bludgeoned', 'shot', 'stoned', 'frozen',
  'trampled', 'clubbed', 'hanged', 'strangled', 'put', 'choked', 'bled',
]);

/** Shares of a count: "most of them civilians", "more than half of them fighters". */
export const SHARES = new Set(['half', 'most', 'many', 'some', 'all', 'none', 'majority', 'third', 'thirds', 'quarter', 'several', 'dozens', 'scores', 'hundreds']);

/** Word lists the phrase patterns of ../casualties/patterns.ts name as `@class`. */
export const WORD_CLASSES: Readonly<Record<string, ReadonlySet<string>>> = lookupTable<ReadonlySet<string>>({
  people: PEOPLE,
  exposure: EXPOSURE,
  gathered: GATHERED,
  relocated: RELOCATED,
  nonCombatants: NON_COMBATANTS,
  toDeath: TO_DEATH,
  shares: SHARES,
  placesLeft: new Set([...PLACE_NOUNS, 'homes']),
  killedCues: new Set(Object.keys(CUE_AFTER).filter((word) => CUE_AFTER[word] === 'killed')),
});

/** Words of medical care after which "cases" are people: "doctors treated 16 of the 29 cases". */
export const TREATED = new Set(['treated', 'treating', 'treats', 'admitted', 'received', 'receiving', 'hospitalised', 'hospitalized']);

/** Nouns that count patients only after a word of TREATED. */
export const PATIENT_NOUNS = new Set(['cases']);

/** Words that open an insert between a count and its verb: "500 people including fighters left", "73 civilians mostly women were killed". */
export const INSERT_OPENERS = new Set(['including', 'mostly', 'mainly', 'chiefly', 'largely', 'among']);

/** Words that open a relative clause after a count: "Tens of civilians who tried to leave were killed". */
export const RELATIVES = new Set(['who', 'whom', 'that']);

/** Prepositions that open a place after a figure: "killed 19 people in Arlen and another 23 in Mossby". */
export const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'on', 'inside', 'outside', 'around', 'across']);

/** Verbs that are a casualty only when people follow as object: "eliminated 60 terrorists", "treated 40 patients", not "destroyed 60 positions". */
export const PERSON_OBJECT_VERBS = new Set([
  'eliminate', 'eliminates', 'eliminated', 'eliminating', 'destroy', 'destroys', 'destroyed', 'destroying',
  'treated', 'treating', 'treats', 'neutralise', 'neutralises', 'neutralised', 'neutralising', 'neutralize', 'neutralizes', 'neutralized', 'neutralizing',
]);

/** Groups that "one" counts as a whole: "members of one family" counts no one person. */
export const COLLECTIVES = new Set(['family', 'household', 'group', 'clan', 'tribe', 'unit']);

/** Nouns for one person: "Civilian killed 3 injured" lists two counts, the first of them one civilian. */
export const ONE_PERSON = new Set([
  'person', 'civilian', 'child', 'kid', 'woman', 'man', 'boy', 'girl', 'baby', 'soldier', 'rebel', 'fighter', 'militant', 'officer',
  'policeman', 'journalist', 'doctor', 'student', 'resident', 'farmer', 'worker',
]);

/** Pre-filter for a sentence that may count a part of the figure before it: "includes 800 armed men", "among them four". */
export const PART_STEMS = /\b(?:includ|among|of (?:them|whom))/i;

/** Auxiliaries of the passive: "were killed 3 …" is a list, not "killed 3" taking an object. */
export const PASSIVE_AUXILIARIES = new Set(['were', 'was', 'been', 'be', 'being', 'are', 'is']);

/** Prepositions of a short phrase between a count and its verb: "10 members of the group were killed", "12 people in Arlen died". */
export const PHRASE_PREPOSITIONS = new Set(['of', 'from', 'in', 'on', 'at', 'inside', 'near']);
