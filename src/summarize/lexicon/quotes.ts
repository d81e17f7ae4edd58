/** Words that attribute a quotation: speech verbs, the words around a speaker's phrase, the nouns that describe a speaker. */

/** Verbs that report speech; "according to" is handled beside them. */
export const SPEECH_VERBS = new Set(
  (
    'say says said saying tell tells told telling add adds added adding continue continues continued continuing explain explains explained explaining ' +
    'warn warns warned warning write writes wrote writing tweet tweets tweeted tweeting state states stated note notes noted noting argue argues argued arguing ' +
    'ask asks asked asking insist insists insisted insisting declare declares declared announce announces announced claim claims claimed reply replies replied ' +
    'respond responds responded acknowledge acknowledges acknowledged admit admits admitted remark remarks remarked recall recalls recalled stress stresses stressed ' +
    'urge urges urged predict predicts predicted suggest suggests suggested concede concedes conceded complain complains complained boast boasts boasted joke jokes joked ' +
    'quip quips quipped caution cautions cautioned emphasize emphasizes emphasized emphasise emphasises emphasised reiterate reiterates reiterated vow vows vowed ' +
    'promise promises promised pledge pledges pledged observe observes observed comment comments commented post posts posted shout shouts shouted yell yelled cry cried ' +
    'whisper whispered testify testified testifies allege alleges alleged charge charges charged counter counters countered confirm confirms confirmed deny denies denied ' +
    'maintain maintains maintained contend contends contended conclude concludes concluded lament laments lamented muse mused recount recounts recounted report reports reported ' +
    'assert asserts asserted demand demands demanded proclaim proclaimed thundered exclaimed retorted murmured stressing insisting agree agrees agreed retaliated ' +
    // Reporting verbs of manner: `” Lee fumed.`, `” reacted Lee.`, `” Lee assured the crowd.`
    'answer answers answered assure assures assured echo echoes echoed elaborate elaborates elaborated interject interjects interjected ' +
    'mention mentions mentioned mock mocks mocked opine opines opined press presses pressed question questions questioned react reacts reacted ' +
    'reason reasons reasoned scoff scoffs scoffed sigh sighs sighed snap snaps snapped wonder wonders wondered fume fumes fumed surmise surmises surmised ' +
    'marvel marvels marveled marvelled exhort exhorts exhorted chide chides chided quip quipping remember remembers remembered ' +
    'tout touts touted touting ' +
    // The participles of the verbs above that report speech: `with Lee recently promising to “…”`.
    'promising vowing pledging yelling shouting screaming whispering ' +
    // Verbs that characterise in quoted words: `what it called “a clear threat”`, `branded it “an outlaw nation”`.
    'call calls called calling brand brands branded branding dub dubs dubbed dubbing label labels labeled labelled labeling labelling term terms termed'
  ).split(' '),
);

/** Verbs that report a retort with "back": `” Lee shot back.`, `Lee fired back: “…` */
export const BACK_VERBS = new Set('shoot shoots shot fire fires fired hit hits push pushes pushed strike strikes struck'.split(' '));

/** Speech verbs whose following phrase is who was spoken to or about, never the speaker ("told Fox News"). */
export const OBJECT_VERBS = new Set(
  (
    'tell tells told telling ask asks asked asking urge urges urged urging call calls called calling brand brands branded dub dubs dubbed ' +
    'label labels labeled labelled term terms termed warn warns warned warning promise promises promised charge charges charged ' +
    'assure assures assured press presses pressed question questions questioned mock mocks mocked exhort exhorts exhorted chide chides chided ' +
    'demand demands demanded'
  ).split(' '),
);

/** Words between a subject and its speech verb: "has also repeatedly said". */
export const AUXILIARIES = new Set(
  'has have had was were is are will would may might could should must can had also later then previously once again further earlier recently repeatedly often simply reportedly publicly privately had been did does do went on'.split(
    ' ',
  ),
);

export const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'its',
  'his',
  'her',
  'their',
  'our',
  'one',
  'another',
  'two',
  'three',
  'several',
  'some',
  'many',
]);

export const PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'you']);

/** Lower-case heads that name a speaker without a name ("a spokesman", "local sources", "residents"). */
export const ROLE_NOUNS = new Set(
  (
    'source sources official officials spokesman spokeswoman spokesperson witness witnesses resident residents activist activists doctor doctors medic medics ' +
    'commander commanders fighter fighters rebel rebels analyst analysts expert experts diplomat diplomats observer observers monitor monitors police statement report ' +
    'people man woman men women voice aide aides adviser advisers minister ministers officer officers soldier soldiers lawmaker lawmakers member members leader leaders ' +
    'reporter reporters writer writers columnist columnists journalist journalists moderator author lawyer lawyers professor scientist researcher researchers historian ' +
    'consultant operative donor donors supporter supporters voter voters delegate delegates protester protesters student students teacher teachers worker workers owner owners ' +
    'graduate graduates alumnus alumna veteran veterans'
  ).split(' '),
);

/** Group nouns that any organisation can be called ("the group said" after "the Syrian Observatory"). */
export const GENERIC_GROUP_NOUNS = new Set(['group', 'organisation', 'organization', 'monitor', 'body', 'agency', 'movement']);

/** Things that carry someone's words: a role, a group, a title, or a document ("the Pentagon statement"). */
export const DOCUMENT_NOUNS = new Set(
  'statement report website site post ad advert account letter document release video tweet message newspaper paper source sources poll survey study'.split(
    ' ',
  ),
);

/** Things that speak for their author: `the Rove ad`, `a Pew report`, `Lind's remarks`. */
export const AUTHORED_NOUNS = new Set([
  'comments',
  'remarks',
  'words',
  'speech',
  'ad',
  'ads',
  'advert',
  'advertisement',
  'commercial',
  'spot',
  'video',
  'report',
  'statement',
  'letter',
  'memo',
  'release',
  'poll',
  'survey',
  'study',
  'website',
  'tweet',
  'post',
  'editorial',
  'book',
  'paper',
  'page',
  'profile',
  'account',
  'feed',
  'blog',
]);

/** Papers that speak for whoever filed or released them: "according to a court filing by …". */
export const FILED_PAPERS = new Set(
  'document documents filing filings excerpts transcript copy complaint affidavit order statement report letter memo release'.split(' '),
);

/** Prepositions whose object is a place or a medium, never the one speaking: `replied on Facebook writing …`. */
export const MEDIUM_PREPOSITIONS = new Set(['on', 'in', 'at', 'to', 'from', 'into', 'onto']);

/** Prepositions that open where or when something was said: `Lee said in a statement`, `… on Monday`. */
export const TRAILING_PREPOSITIONS = new Set(['in', 'on', 'at', 'during', 'after', 'before', 'via', 'over']);

/** Lower-case words inside an organisation's name: "Center for Economic and Policy Research". */
export const ORGANISATION_LINKS = new Set(['of', 'for', 'and', 'the', 'on', 'in']);

/** Lower-case words that end a speaker phrase: clause openers, prepositions, verbs of manner. */
export const PHRASE_STOPS = new Set(
  (
    'that who whom whose which when where while as because since after before during until unless whereas in on at to from with without about into over under than ' +
    'and or but if though although was were is are has have had will would can could should may might did does do not also who’s ' +
    'this these those there here then now today yesterday tonight tomorrow recently later earlier again ' +
    'against among amid toward towards across along around behind beyond near upon via per despite'
  ).split(' '),
);

/** Common verbs that end a subject ("The US Secretary of State met …"). */
export const LIKELY_VERBS = new Set(
  (
    'met meet meets went go goes came come comes made make makes took take takes gave give gives held hold holds led lead leads left leave leaves began begin begins ' +
    'won win wins lost lose loses sent send sends put puts got get gets saw see sees knew know knows thought think thinks found find finds became become becomes ' +
    'kept keep keeps ran run runs spoke speak speaks called call calls want wants need needs seem seems appear appears must shall been being be am ' +
    'believe believes believed hope hopes feel feels felt expect expects urged accused blamed launched killed shot shoots hit hits struck strikes pushes'
  ).split(' '),
);

/** Capitalised words that open a sentence, not a name: "In a statement", "During the debate". */
export const CAPITALISED_STOPS = new Set(
  (
    'during following amid despite should would could will can may might must according asked speaking however meanwhile but so yet for read ' +
    'monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays fridays saturdays sundays'
  ).split(' '),
);

/** Words that open an adverbial clause before a sentence's subject ("Sooner or later, …"). */
export const ADVERBIAL_OPENERS = new Set(
  (
    'after before when while as since although though if unless once until sooner alongside like unlike despite following during amid in on at with without by for from under over however meanwhile later earlier last this still instead yesterday today now then also ' +
    'here there back again elsewhere afterward afterwards nevertheless nonetheless indeed moreover besides overall meantime tonight tomorrow ' +
    'likewise similarly separately additionally furthermore conversely consequently accordingly regardless ultimately eventually initially notably importantly specifically'
  ).split(' '),
);

export const MODIFIER_PREPOSITIONS = new Set(['of', 'for', 'at', 'from', 'in', 'to', 'with', 'by', 'on']);

export const OBJECT_PREPOSITIONS = new Set([
  'in',
  'of',
  'at',
  'on',
  'from',
  'for',
  'with',
  'by',
  'near',
  'to',
  'into',
  'over',
  'under',
  'against',
  'about',
  'among',
  'the',
]);

export const NOUN_DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'his',
  'her',
  'their',
  'its',
  'our',
  'my',
  'your',
  'these',
  'those',
  'this',
  'such',
  'whose',
]);

/** Words that link two quoted fragments of one sentence: `“a liar” and a “bully”`, `“A” who “B”`. */
export const FRAGMENT_LINKS = new Set(['and', 'or', 'but', 'nor', 'a', 'an', 'who', 'which', 'that', 'in', 'as', 'then']);

/** Openers of a description of someone the story does not name ("a spokesman for …", "one adviser to …"). */
export const UNNAMED_OPENERS = new Set(['a', 'an', 'one', 'another']);

/** Nouns for someone near a named person or group, besides role nouns and titles ("a person close to …"). */
export const NEAR_PERSON_NOUNS = new Set(['person', 'friend', 'ally', 'associate', 'confidant', 'insider', 'veteran']);

/** Words that tie such a description to the name it stands near: "adviser to", "close to", "familiar with" ("a member of" is someone inside a group, not near it). */
export const NEAR_LINKS = new Set(['to', 'for', 'at', 'with', 'close', 'inside', 'near', 'familiar']);

/** Words that open a clause of their own after a quotation: `” until Lee said she …` is not its attribution. */
export const SUBORDINATORS = new Set([
  'until',
  'because',
  'after',
  'before',
  'when',
  'whenever',
  'while',
  'unless',
  'although',
  'though',
  'since',
  'if',
  'once',
  'whereas',
]);

/** Auxiliaries that make "asked" or "told" passive: `Lee was asked, “…”` is the question put to Lee. */
export const PASSIVE_AUXILIARIES = new Set(['was', 'were', 'is', 'are', 'been', 'being', 'be', 'get', 'got', 'gets']);

/** Words that link a sentence to the one before, read past to find its subject: "And then Trump went …", "Now Lee, the mayor, …". */
export const SENTENCE_LINKS = new Set(['and', 'but', 'so', 'yet', 'then', 'still', 'now', 'here', 'later', 'earlier', 'also']);

/** Words that count or date a message before its author's name and are no part of it: "One Club for Growth ad", "a new Pew poll". */
export const MESSAGE_MODIFIERS = new Set(['one', 'two', 'three', 'four', 'five', 'new', 'latest', 'recent', 'another']);

/** Question words: one opens a clause, not a subject ("What the mayor called …"). */
export const QUESTION_WORDS = new Set(['what', 'which', 'who', 'whom', 'how', 'why', 'when', 'where', 'whatever', 'whoever']);

/** Words that tie a document to its author: "a paper from the Harbour Institute", "a study by Ann Lee". */
export const AUTHOR_LINKS = new Set(['from', 'by']);

/** Words that open a clause a participle may hang on: `…, when Lind protesters interrupted her, shouting`. */
export const CLAUSE_OPENERS = new Set(['when', 'as', 'while', 'after']);

/** Words after a count that make it a share of a group, not a name: "Six in 10 Republicans", "Two of them". */
export const SHARE_LINKS = new Set(['in', 'of', 'out']);

/** Parties and leanings that describe an unnamed speaker on their own: "one Democrat familiar with the talks". */
export const AFFILIATION_NOUNS = new Set([
  'democrat',
  'republican',
  'conservative',
  'liberal',
  'independent',
  'libertarian',
  'socialist',
  'progressive',
]);
