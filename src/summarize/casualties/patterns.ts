/**
 * Casualty phrase rules as data: each row is a token pattern (see ./match.ts for the notation),
 * where it is tried, and the kind of figure it gives. The engine in ../casualties.ts tries the rows
 * of one place through ./rules.ts: in order, the first that matches decides (toll rows: the one
 * nearest the count). Word lists live in ../lexicon/casualties.ts.
 */
import { compile, type Pattern } from './match.js';
import { NON_COMBATANTS } from '../lexicon/casualties.js';
import type { FigureKind } from '../types.js';

export interface PhraseRule {
  name: string;
  /**
   * Where the row is tried: `next` right after the counted noun ("12 of the dead"); `verb` after
   * the auxiliaries that follow it ("700 people have been … killed"); `before` ending right before
   * the count ("the deaths of 12"); `toll` ending right before the count, with a toll named earlier
   * in the clause ("the death toll has risen to 45"), a weak cue that the count's own cue overrides.
   */
  where: 'next' | 'verb' | 'before' | 'toll';
  pattern: Pattern;
  /** The kind of figure; `cue` takes it from the pattern's `$cue`/`$nounOf` word; `null` rules the side out. */
  kind: FigureKind | 'cue' | null;
  /** The kind of a `cue` row whose cue word is optional and absent ("the toll rose to 45" counts the dead). */
  defaultKind?: FigureKind;
  /** When set, the counted noun must be one of these words. */
  subject?: ReadonlySet<string>;
  /** A sentence the rule is for, written for the tests. */
  example: string;
  /** Rows of people leaving a place, which the engine also asks when "left" might be an auxiliary. */
  leaving?: boolean;
}

interface Row {
  name: string;
  where: PhraseRule['where'];
  pattern: string;
  kind: PhraseRule['kind'];
  defaultKind?: FigureKind;
  subject?: ReadonlySet<string>;
  example: string;
  leaving?: boolean;
}

const ROWS: Row[] = [
  // Right after the counted noun.
  { name: 'of the dead', where: 'next', pattern: 'of the|those $cue', kind: 'cue', example: 'Twelve of the dead were police officers.' },

  // After the auxiliaries: what happened to the people counted.
  {
    name: 'lost their lives',
    where: 'verb',
    pattern: 'lost their|his|her lives',
    kind: 'killed',
    example: 'Eleven people lost their lives in the blaze.',
  },
  {
    name: 'sustained injuries',
    where: 'verb',
    pattern: 'sustained|suffered ~injur|wound',
    kind: 'injured',
    example: 'Nine workers sustained injuries in the blast.',
  },
  { name: 'found refuge', where: 'verb', pattern: 'found|sought refuge', kind: 'displaced', example: 'Some 4000 families sought refuge in Belmora.' },
  { name: 'found dead', where: 'verb', pattern: 'found @killedCues', kind: 'killed', example: 'Three hikers were found dead near the pass.' },
  {
    name: 'from their homes',
    where: 'verb',
    pattern: 'from their home|homes',
    kind: 'displaced',
    example: '600 villagers were driven from their homes.',
  },
  {
    name: 'out of their homes',
    where: 'verb',
    pattern: 'out of their? home|homes',
    kind: 'displaced',
    example: '300 families were forced out of their homes.',
  },
  {
    name: 'affected by exposure',
    where: 'verb',
    pattern: 'affected by the? @exposure',
    kind: 'injured',
    example: '33 people were affected by the gas in Tamsin.',
  },
  {
    name: 'treated for',
    where: 'verb',
    pattern: 'treated for|in|at',
    kind: 'injured',
    example: 'Forty people were treated for burns at the clinic.',
  },
  {
    name: 'rounded up and killed',
    where: 'verb',
    pattern: '@gathered up|out|away|off? and|then $cue',
    kind: 'cue',
    example: 'Around 41 rebels were rounded up and executed.',
  },
  {
    name: 'taken prisoner',
    where: 'verb',
    pattern: 'taken|held|captured prisoner|prisoners|captive|captives',
    kind: 'detained',
    example: 'Twelve soldiers were taken prisoner by the rebels.',
  },
  {
    name: 'taken hostage',
    where: 'verb',
    pattern: 'taken|held|seized hostage|hostages',
    kind: 'kidnapped',
    example: 'Twelve people were taken hostage at the bank.',
  },
  { name: 'put to death', where: 'verb', pattern: '@toDeath to death', kind: 'killed', example: 'Twelve people were burned to death in the bus.' },
  {
    name: 'made homeless',
    where: 'verb',
    pattern: 'made|rendered homeless|refugees',
    kind: 'displaced',
    example: 'Over a million people have been made homeless by the war.',
  },
  {
    name: 'left a named place',
    where: 'verb',
    pattern: 'leaving|left ^',
    kind: 'displaced',
    leaving: true,
    example: 'Some 3000 residents left Tessa on Wednesday.',
  },
  {
    name: 'left the town',
    where: 'verb',
    pattern: 'leaving|left _? _? _? @placesLeft',
    kind: 'displaced',
    leaving: true,
    example: 'More than 3000 residents left the besieged town on buses.',
  },
  {
    name: 'among the dead',
    where: 'verb',
    pattern: 'among the|those? %qualifier? #? @people? $cue',
    kind: 'cue',
    example: 'Twelve tourists were among the 40 people killed.',
  },
  {
    name: 'among others',
    where: 'verb',
    pattern: 'among',
    kind: null,
    example: 'Twelve tourists were among the passengers of the bus on which a fire killed its driver.',
  },
  {
    name: 'moved from their homes',
    where: 'verb',
    pattern: '@relocated',
    kind: 'displaced',
    subject: NON_COMBATANTS,
    example: 'The deal could see some 9000 people moved across front lines.',
  },

  // Ending right before the count.
  { name: 'saved the lives of', where: 'before', pattern: '~sav the? $nounOf of', kind: null, example: 'Medics saved the lives of 30 children.' },
  { name: 'the deaths of', where: 'before', pattern: '$nounOf of', kind: 'cue', example: 'The court heard about the deaths of 12 children.' },
  {
    name: 'treated N of the M',
    where: 'before',
    pattern: 'treated|treating # of',
    kind: 'injured',
    example: 'Doctors treated 16 of the 29 cases brought in.',
  },

  // A toll named earlier in the clause, ending with the word that gives its value (TOLL_LINKS).
  {
    name: 'the toll stands at',
    where: 'toll',
    pattern: '$toll? toll|tolls … @tollLinks',
    kind: 'cue',
    defaultKind: 'killed',
    example: 'The death toll from the floods in Varna has risen to 45.',
  },
  {
    name: 'toll before the count',
    where: 'toll',
    pattern: '$toll? toll',
    kind: 'cue',
    defaultKind: 'killed',
    example: 'Quake injury toll 45 and rising',
  },
  {
    name: 'the number of people killed',
    where: 'toll',
    pattern: 'number of … $cue … @tollLinks',
    kind: 'cue',
    example: 'The number of fighters killed in the battles for the ridge has risen to 39.',
  },
];

/**
 * How far before the count's link word a toll row's "toll" or "number of" may stand (the rows
 * end with the link, "has risen to"): the subject of a long clause ("the number of fighters
 * killed in the battles between the two groups since the start of the year has risen to 39") runs
 * to some thirty words. The gap `…` also ends at a full stop, a semicolon or a figure in digits.
 */
export const TOLL_REACH = 40;

export const PHRASE_RULES: readonly PhraseRule[] = ROWS.map((row) => ({ ...row, pattern: compile(row.pattern) }));

export const NEXT_RULES = PHRASE_RULES.filter((rule) => rule.where === 'next');
export const VERB_RULES = PHRASE_RULES.filter((rule) => rule.where === 'verb');
export const BEFORE_RULES = PHRASE_RULES.filter((rule) => rule.where === 'before');
export const LEAVING_RULES = PHRASE_RULES.filter((rule) => rule.leaving);
export const TOLL_RULES = PHRASE_RULES.filter((rule) => rule.where === 'toll');

/**
 * A count that is part of an earlier figure, said by the words before it ("including eight
 * children", "among them four") or after its noun ("two of them"); it takes that figure's kind.
 */
export interface PartRule {
  name: string;
  /** `lead`: the words end right before the count (or its qualifier); `tail`: they follow its noun. */
  where: 'lead' | 'tail';
  pattern: Pattern;
  /** The figure's text takes the words: "including eight children", "two of them"; not "among them". */
  inText: boolean;
  /** A sentence the rule is for, written for the tests. */
  example: string;
}

export const PART_RULES: readonly PartRule[] = [
  {
    name: 'including',
    where: 'lead',
    pattern: compile('@including'),
    inText: true,
    example: 'The blast killed 12 people, including three children.',
  },
  {
    name: 'among them',
    where: 'lead',
    pattern: compile('among|of them|whom'),
    inText: false,
    example: 'Gunmen killed 20 villagers, among them four teachers.',
  },
  { name: 'of them', where: 'tail', pattern: compile('of them|whom|those'), inText: true, example: 'Ten people were killed, two of them children.' },
];

export const PART_LEADS = PART_RULES.filter((rule) => rule.where === 'lead');
export const PART_TAILS = PART_RULES.filter((rule) => rule.where === 'tail');
