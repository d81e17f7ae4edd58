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
    'monitor mp mep un u.n. us u.s. uk u.k. eu nato white house house senate'
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
