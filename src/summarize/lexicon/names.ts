/** Words in and around names: particles, titles, the nouns that end an organisation's name, capitalised words that are not names. */

export const CONNECTORS = new Set([
  'of',
  'the',
  'for',
  'de',
  'del',
  'der',
  'van',
  'von',
  'bin',
  'ibn',
  'al',
  'el',
  'da',
  'di',
  'du',
  'la',
  'le',
  'bint',
  'abu',
  'y',
]);

/** Capitalised words that are not names: sentence openers, pronouns, days and months. */
export const NOT_NAMES = new Set(
  (
    'a an the this that these those there then than and but or nor so yet for if when while whereas after before since until as at by in on of to from with without into onto over under about above below between among ' +
    'however meanwhile also still although though because despite instead moreover furthermore indeed thus therefore hence otherwise later earlier today tonight yesterday tomorrow now here ' +
    'he she it we they i you his her its our their my your him them us me who whom whose what which where why how all both each every some many most few several no not nor one two three ' +
    'mr mrs ms dr monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'according asked speaking just even only asked unlike like other another such please yes well oh ok okay let last next first second third latest ' +
    'during throughout amid following within including near via per upon toward towards against across along around behind beyond inside outside should would could will can might must ' +
    'do does did is are was were has have had unless whether once any none nobody everyone someone something nothing perhaps maybe why more less much very too read follow'
  ).split(' '),
);

/** Words of a title or office that stand before a name ("Foreign Secretary", "Gov.", "leader"). */
export const TITLE_WORDS = new Set(
  (
    'president vice secretary minister ministers prime foreign defense defence interior finance state general attorney deputy chief commander colonel col. lt. lieutenant maj. major capt. captain ' +
    'del. delegate cmdr. gen. adm. admiral sgt. sergeant rev. reverend sen. senator rep. representative gov. governor mayor mr. mrs. ms. dr. prof. professor chairman chairwoman chair director ' +
    'spokesman spokeswoman spokesperson ambassador envoy special king queen prince princess sheikh emir pope judge justice ayatollah imam cardinal bishop chancellor premier ' +
    'leader head founder executive ceo official officer host anchor correspondent analyst activist lawmaker congressman congresswoman councilman councilwoman councillor councilor alderman candidate nominee ' +
    'speaker senior former acting top presidential republican democratic democrat gop national opposition league arab general-secretary secretary-general under-secretary ' +
    'coach ranking coordinator commissioner chief-of-staff staff campaign manager adviser advisor aide strategist pollster economist director-general president-elect deputy-director editor ' +
    'monitor mp mep un u.n. us u.s. uk u.k. eu nato white house house senate ' +
    'billionaire mogul tycoon businessman businesswoman philanthropist'
  ).split(' '),
);

/** Nouns that end an organisation's name: "the Friends of Syria group". */
export const GROUP_NOUNS = new Set(
  (
    'group groups coalition alliance ministry council committee agency army forces organisation organization organisations organizations campaign party government office ' +
    'department observatory network union movement front monitor command commission administration authority authorities court militia brigade brigades battalion ' +
    'regime embassy institute foundation association federation bureau service services agency team board fund bank company firm media outlet newspaper channel station ' +
    'convention conference forum summit caucus center centre university college school institute society societies club church times post journal news press report'
  ).split(' '),
);

/**
 * Given names read as a woman's or a man's, for "she said" and "he said": a pronoun never points
 * to a person whose first name says otherwise. Common English given names and frequent ones of
 * other languages in the news; a name in neither list leaves the pronoun free.
 */
export const FEMALE_GIVEN_NAMES = new Set(
  (
    'abigail ada adriana aisha alexandra alice alicia alison amanda amber amelia amy ana angela angelina anita ann anna anne annette antonia april ashley audrey ' +
    'barbara beatrice becky belinda beth betsy betty beverly bonnie brenda bridget brittany camila candace carla carly carmen carol caroline carolyn catherine cathy cecile cecilia ' +
    'charlotte chelsea cheryl christina christine cindy claire clara claudia colleen connie constance cynthia daisy daniela danielle darlene dawn debbie deborah debra denise diana ' +
    'diane donna dora doris dorothy edith eileen elaine eleanor elena elisabeth elise eliza elizabeth ella ellen emily emma erica erin esther eva evelyn fatima fiona florence frances ' +
    'gabriela gabrielle gail gina giselle gloria grace greta gwen hannah harriet heather heidi helen helena hilary hillary holly ida ingrid irene iris isabel isabella ' +
    'jacqueline jane janet janice jasmine jeanne jennifer jenny jessica jill joan joanna joanne jodi josephine joy joyce judith judy julia julie june karen karina kate katherine ' +
    'kathleen kathryn kathy katie kay kimberly kirsten kristen kristin laura lauren leah leila lena linda lisa liz lois loretta lori lorraine louise lucia lucy lydia lynn ' +
    'madeleine madeline maggie mandy marcia margaret margarita maria mariam marian marie marilyn marina marisa marissa marjorie marsha martha mary maureen maxine megan melanie melinda ' +
    'melissa meredith mia michele michelle mildred miranda miriam molly monica nadia nancy naomi natalie natasha nicole nikki nina nora olga olivia paige pamela patricia patti ' +
    'paula pauline peggy penny phyllis priscilla rachel rebecca regina renee rita roberta rosa rosalind rose rosemary ruth sabrina sally samantha sandra sara sarah sharon sheila ' +
    'shirley silvia sofia sonia sophia sophie stacy stephanie sue susan suzanne sylvia tamara tammy tanya tara teresa theresa tiffany tina tracy ursula valerie vanessa vera veronica ' +
    'victoria virginia wanda wendy whitney yasmin yolanda yvonne zoe'
  ).split(' '),
);

export const MALE_GIVEN_NAMES = new Set(
  (
    'aaron abdullah adam adrian ahmed alan albert alexander alexei ali allen andrew andy angelo anthony antonio arnold arthur barack ben benjamin bernard bernie bill billy bob ' +
    'bobby brad bradley brandon brendan brent brett brian bruce bryan carl carlos charles charlie christian christopher chuck clarence craig curtis dan daniel danny darren ' +
    'dave david dean dennis derek diego dmitry dominic don donald doug douglas duncan dylan earl eddie edgar eduardo edward edwin elijah elliot emmanuel eric ernest ethan eugene evan ' +
    'felix fernando francis francisco frank franklin fred frederick gabriel gary gene geoffrey george gerald gerard gilbert glenn gordon graham grant greg gregory harold harry ' +
    'hassan hector henry herbert howard hugh hussein ian isaac ivan jack jacob jaime jake james jared jason javier jay jeb jeff jeffrey jeremy jerome jerry jesse jim jimmy joe ' +
    'joel john johnny jon jonathan jorge jose joseph josh joshua juan julian justin karl keith ken kenneth kevin kyle lance larry lawrence leo leon leonard lewis louis ' +
    'luis luke malcolm marco marcus mario mark martin matt matthew maurice max michael miguel mike mitch mitchell mohamed mohammad mohammed muhammad nathan neil nicholas nick nigel ' +
    'noah norman oliver omar oscar owen patrick paul pedro peter phil philip phillip pierre rafael ralph ramon randy raul ray raymond reggie reince ricardo richard rick ricky ' +
    'rob robert roberto rodney roger roland ron ronald rory ross roy rudy russell ryan salman samuel scott sean sergei seth shane shawn simon stanley stephen steve steven stuart ' +
    'ted thomas tim timothy todd tom tommy tony travis trent trey troy tyler victor vincent vladimir walter warren wayne wesley william willie xavier yusuf zachary'
  ).split(' '),
);

/** Honorifics and office words that say a woman or a man holds them ("Mrs. Lind", "Congresswoman Lind"). */
export const FEMALE_TITLES = new Set([
  'mrs.',
  'mrs',
  'ms.',
  'ms',
  'miss',
  'madam',
  'lady',
  'dame',
  'queen',
  'princess',
  'congresswoman',
  'chairwoman',
  'spokeswoman',
  'councilwoman',
  'businesswoman',
]);
export const MALE_TITLES = new Set([
  'mr.',
  'mr',
  'sir',
  'lord',
  'king',
  'prince',
  'congressman',
  'chairman',
  'spokesman',
  'councilman',
  'businessman',
]);

/** Nationality words: "Japanese", "Syrian". Alone they name no speaker ("the U.S. and Japanese comments"). */
export const DEMONYMS = new Set(
  (
    'afghan african albanian algerian american arab argentine argentinian armenian asian australian austrian azerbaijani bahraini belgian bolivian bosnian brazilian british ' +
    'bulgarian burmese cambodian canadian chilean chinese colombian congolese croatian cuban cypriot czech danish dutch ecuadorian egyptian emirati english eritrean estonian ' +
    'ethiopian european filipino finnish french georgian german ghanaian greek haitian hungarian icelandic indian indonesian iranian iraqi irish israeli italian ivorian jamaican ' +
    'japanese jordanian kazakh kenyan korean kosovar kurdish kuwaiti latin latvian lebanese libyan lithuanian malaysian malian maltese mexican moldovan mongolian moroccan nepalese ' +
    'nigerian nigerien norwegian omani pakistani palestinian panamanian persian peruvian polish portuguese qatari romanian russian rwandan saudi scottish senegalese serbian ' +
    'singaporean slovak slovenian somali spanish sudanese swedish swiss syrian taiwanese tajik thai tunisian turkish ugandan ukrainian uzbek venezuelan vietnamese welsh western ' +
    'yemeni zambian zimbabwean'
  ).split(' '),
);

/** State abbreviations written after a town ("Aspen, Colo."): places, never speakers. */
export const STATE_ABBREVIATIONS = new Set(
  'ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb nev n.h n.j n.m n.y n.c n.d okla ore pa r.i s.c s.d tenn tex va vt wash w.va wis wyo'.split(
    ' ',
  ),
);

/** Number words that open a count, not a name ("Six in 10 Republicans said"). */
export const COUNT_WORDS = new Set(
  'one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred dozens hundreds thousands millions half'.split(
    ' ',
  ),
);

/** Months written short: a date when they open a run ("Jun 5"), a name's word after a given name ("Ai Jun"). */
export const MONTH_ABBREVIATIONS = new Set('jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '));

/** Verbs that headlines written in title case use ("Veto Power Impedes Peace Efforts"); never a word of a name. */
export const HEADLINE_VERBS = new Set(
  'says calls tells urges warns vows slams blasts hits impedes hints rejects backs wins loses seeks killed injured wounded dies'.split(' '),
);

/**
 * Places written like a person's name (two capitalised words): US states, countries and large
 * cities. They may speak as a government ("South Korea said"), never as a person "he" or "she" stands for.
 */
export const PLACE_NAMES = new Set(
  (
    'new hampshire|new jersey|new mexico|new york|north carolina|north dakota|south carolina|south dakota|rhode island|west virginia|' +
    'united states|united kingdom|north korea|south korea|saudi arabia|new zealand|south africa|sri lanka|costa rica|el salvador|puerto rico|' +
    'hong kong|los angeles|san francisco|san diego|san antonio|las vegas|new orleans|st. louis|salt lake city|kansas city|tel aviv|abu dhabi|' +
    'buenos aires|mexico city|rio de janeiro|sao paulo|cape town|new delhi|north america|south america|latin america|middle east|wall street|capitol hill'
  ).split('|'),
);

/**
 * Lower-case words a name phrase may hold ("Jan van Dijk", "Bank of England", "Abd al Rahman"), for
 * the subject rules of quotations; wider than CONNECTORS, with which the name index joins a name.
 */
export const NAME_LINKS = new Set([
  'of',
  'and',
  'de',
  'del',
  'della',
  'da',
  'do',
  'dos',
  'du',
  'des',
  'van',
  'von',
  'der',
  'den',
  'la',
  'le',
  'al',
  'el',
  'bin',
  'ibn',
  'bint',
  'y',
  'e',
  'for',
  'on',
  'the',
]);

/** Words that end a person's name after the surname ("Donald Trump Jr."), as written: matched case and all. */
export const GENERATIONS = new Set(['Jr', 'Sr', 'Jr.', 'Sr.', 'II', 'III', 'IV']);

/**
 * Party words that only qualify a name and name no one alone ("Democratic" left over from "the
 * Democratic senator"); "Republican" is also a noun ("a Republican said") and is not here.
 */
export const PARTY_ADJECTIVES = new Set(['democratic']);

/** Last words that make a capitalised run a place, not a person ("Pinellas County", "Salt Lake City"); not those that are also surnames (Lake, Rivers, Beach, Street). */
export const PLACE_SUFFIXES = new Set(['county', 'city', 'province', 'island', 'islands', 'valley', 'district', 'avenue', 'square']);
