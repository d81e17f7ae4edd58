/** Invented news articles for same-story tests: places, people and figures are all made up. */
export interface TestArticle {
  id: string;
  title: string;
  body: string;
}

/** A rail strike, as the Lindholm Herald wrote it. */
export const strikeHerald: TestArticle = {
  id: 'strike-herald',
  title: 'Velorian train drivers begin 48-hour strike over pay',
  body: `Train drivers across Veloria walked out on Monday at the start of a 48-hour strike over pay, forcing the national operator to cancel 1,200 services and leaving commuters in Lindholm and Port Aster without trains.

The drivers' union, led by Marta Kovic, says its members have had no pay rise since 2021 while living costs rose by 17 percent. "We did not want this strike, but the company gave us no choice," Kovic told reporters outside Lindholm Central station.

Transport minister Elias Brandt called the walkout irresponsible and urged both sides to return to talks. The operator, VelRail, said it had offered a 4 percent rise and would keep a skeleton service on the coastal route.

Buses replaced some trains on the busiest lines, but queues stretched for hundreds of metres at stops in the city centre during the morning rush.`,
};

/** The same strike, rewritten by another publication with other words and another angle. */
export const strikeCourier: TestArticle = {
  id: 'strike-courier',
  title: "Commuters stranded as VelRail cancels 1,200 trains in drivers' walkout",
  body: `Thousands of commuters were stranded on Monday after VelRail cancelled 1,200 trains when drivers started a two-day strike in a dispute over wages.

Marta Kovic, head of the drivers' union, said pay had been frozen since 2021 even though prices climbed 17 percent. She accused the rail company of refusing to negotiate seriously.

VelRail said its offer of a 4 percent increase remained on the table and that a reduced timetable would run on the coastal line. Elias Brandt, the transport minister, described the 48-hour stoppage as irresponsible.

In Lindholm, replacement buses were packed and long queues formed at stops, while many workers in Port Aster said they would stay at home until Wednesday.`,
};

/** Same topic (Velorian railways, the same minister and operator), a different story. */
export const newLine: TestArticle = {
  id: 'new-line',
  title: 'Veloria opens high-speed rail line between Lindholm and Port Aster',
  body: `Veloria's first high-speed rail line opened on Friday, cutting the journey between Lindholm and Port Aster from three hours to 75 minutes.

Transport minister Elias Brandt rode the first train and said the 3.1 billion euro project would change how people in the country travel. The line took nine years to build and crosses the Amber river on a new 2-kilometre viaduct.

The operator, VelRail, will run 36 trains a day on the route, with tickets starting at 19 euros. The company expects 5 million passengers in the first year.

Residents near the viaduct have complained about noise during construction, and a local group is still seeking compensation.`,
};

/** A wire story as one site printed it… */
export const floodWire: TestArticle = {
  id: 'flood-wire',
  title: 'River Amber bursts its banks, 300 homes evacuated',
  body: `KESTREL (Velorian Press) - The River Amber burst its banks early on Sunday after three days of heavy rain, flooding the town of Kestrel and forcing the evacuation of about 300 homes, local officials said.

Mayor Jonas Ferreira said no one had been hurt but that water had reached a depth of 1.5 metres in the old town. Firefighters used boats to reach elderly residents who had stayed behind.

Forecasters expect the rain to ease on Monday evening, but the river is not expected to fall below flood level before Wednesday.

Emergency shelters have been opened in two schools and the sports hall, the mayor said.`,
};

/** …and as another site republished it, with small edits and its own trailer. */
export const floodReprint: TestArticle = {
  id: 'flood-reprint',
  title: 'Amber river floods Kestrel; about 300 homes evacuated',
  body: `The River Amber burst its banks early on Sunday after three days of heavy rain, flooding the town of Kestrel and forcing the evacuation of about 300 homes, local officials said.

Mayor Jonas Ferreira said nobody had been hurt but that water had reached a depth of 1.5 metres in the old town. Firefighters used boats to reach elderly residents who had stayed behind.

Forecasters expect the rain to ease on Monday evening, but the river is not expected to fall below flood level before Wednesday.

Emergency shelters have opened in two schools and the town's sports hall, the mayor said.

The post Amber river floods Kestrel appeared first on Valley Daily.`,
};

/** Two different stories about the same football club. */
export const clubTransfer: TestArticle = {
  id: 'club-transfer',
  title: 'Lindholm United sign striker Ade Mensah for record fee',
  body: `Lindholm United have signed striker Ade Mensah from Port Aster Rovers for a club-record fee of 14 million euros, the club announced on Thursday.

The 24-year-old scored 22 goals last season and has agreed a five-year contract. Coach Sofia Lindqvist said Mensah was "exactly the player we needed" after United finished fourth in the league.

Mensah will wear the number nine shirt and could make his debut in the pre-season friendly against Kestrel Athletic on 12 July.`,
};

export const clubMatch: TestArticle = {
  id: 'club-match',
  title: 'Lindholm United held to a draw by ten-man Kestrel Athletic',
  body: `Lindholm United dropped two points at home on Saturday as ten-man Kestrel Athletic held them to a 1-1 draw in the league.

United took the lead through a header from defender Piotr Nowak after 31 minutes, but Kestrel equalised from the penalty spot early in the second half. Kestrel's goalkeeper was sent off with 20 minutes left.

Coach Sofia Lindqvist said her side had "lacked a cutting edge" and admitted the result was a setback in the title race. United are now five points behind the leaders.`,
};

/** Unrelated to everything above. */
export const museum: TestArticle = {
  id: 'museum',
  title: 'City museum reopens after two-year renovation',
  body: `The Lindholm City Museum reopened its doors on Saturday after a two-year renovation that added a glass roof over the central courtyard and three new galleries.

Director Hanne Solberg said the museum would show objects from its collection that had been in storage for decades, including a 900-year-old wooden boat found in the harbour.

Entry will be free for children under twelve, and the museum will stay open late on Thursdays.`,
};

/** One jobs report told two ways: the rate in one headline, the hiring in the other. */
export const jobsRate: TestArticle = {
  id: 'jobs-rate',
  title: 'Jobless rate dips to 4.1% in Veloria',
  body: `Veloria's unemployment rate fell to 4.1% in March from 4.4% a month earlier, the national statistics office said on Friday, the lowest level since the office began its monthly survey.

Labour minister Ana Rostova welcomed the figures and said the government's training scheme was starting to pay off.`,
};

export const jobsHiring: TestArticle = {
  id: 'jobs-hiring',
  title: 'Employers add 310,000 jobs in March',
  body: `Velorian employers hired 310,000 more workers in March, pushing the jobless rate down to 4.1%, according to figures from the national statistics office.

Builders and hospitals did most of the hiring. Ana Rostova, the labour minister, said the numbers showed the economy had turned a corner.`,
};

/** The same kind of story elsewhere: another country, minister and figures. */
export const jobsOstmark: TestArticle = {
  id: 'jobs-ostmark',
  title: 'Unemployment climbs to 6.8% in Ostmark',
  body: `Ostmark's unemployment rate rose to 6.8% in March from 6.2%, its statistics bureau said on Friday, as factories shed 45,000 jobs.

Economy minister Pavel Dresner blamed weak exports and promised tax relief for manufacturers.`,
};

/** A two-sentence wire item and a long feature about the same resignation, dominated by other people's quotes. */
export const mayorWire: TestArticle = {
  id: 'mayor-wire',
  title: 'Lindholm mayor Ilse Varnholt resigns after audit',
  body: `Lindholm mayor Ilse Varnholt resigned on Tuesday, a week after an audit found 2.3 million euros missing from the city's housing fund. Her deputy, Tomas Brek, will lead the council until an election in June.`,
};

export const mayorFeature: TestArticle = {
  id: 'mayor-feature',
  title: 'Inside the audit that ended Ilse Varnholt’s career',
  body: `Ilse Varnholt resigned as mayor of Lindholm on Tuesday, seven days after auditors reported that 2.3 million euros could not be traced in the city's housing fund.

"We asked for the ledgers three times," said Greta Holm, the auditor who led the review. "Nobody could tell us where the money went."

Councillor Jens Albrecht said the council had warned about the fund for years. "This did not start last week," Albrecht said. "We raised it in 2019 and in 2021."

Residents of the Nordhafen estate, whose repairs the fund was meant to pay for, were less surprised. "The roof has leaked for four winters," said Hanna Sorensen, a nurse who has lived there since 2010. "Now we know why."

Tomas Brek, the deputy mayor, will run the council until the June election. "My first job is to open every book," Brek said.`,
};

/** Talks that open, stall and collapse over a week: three stories that follow one another. */
export const talksOpen: TestArticle & { publishedAt: string } = {
  id: 'talks-open',
  title: 'Veloria and Ostmark open border talks in Tarsel',
  body: `Negotiators from Veloria and Ostmark opened talks in Tarsel on Monday on the disputed Amber river border, the first meeting in six years. Foreign minister Lena Morrow said both sides had agreed an agenda.`,
  publishedAt: '2031-05-05T09:00:00Z',
};

export const talksStall: TestArticle & { publishedAt: string } = {
  id: 'talks-stall',
  title: 'Veloria–Ostmark border talks in Tarsel stall over Amber river islands',
  body: `Border talks between Veloria and Ostmark in Tarsel stalled on Wednesday over three islands in the Amber river, foreign minister Lena Morrow said, adding that negotiators would meet again on Saturday.`,
  publishedAt: '2031-05-07T15:00:00Z',
};

export const talksCollapse: TestArticle & { publishedAt: string } = {
  id: 'talks-collapse',
  title: 'Tarsel border talks collapse as Ostmark walks out',
  body: `Ostmark's delegation walked out of the Tarsel talks on the Amber river border on Sunday, ending the first negotiations with Veloria in six years. Lena Morrow, Veloria's foreign minister, said the door remained open.`,
  publishedAt: '2031-05-11T18:00:00Z',
};

const TOWNS = [
  'Brisk',
  'Calder',
  'Dunmoor',
  'Eskel',
  'Farrow',
  'Gant',
  'Halvik',
  'Irden',
  'Jorvale',
  'Kestrel',
  'Lund',
  'Morvik',
  'Norrin',
  'Oskar',
  'Pellam',
  'Quarry',
  'Rimmel',
  'Stannis',
];
const SUBJECTS = [
  'swimming pool',
  'tram depot',
  'library',
  'harbour wall',
  'school roof',
  'cycle lane',
  'fire station',
  'market hall',
  'bridge',
  'water works',
  'museum wing',
  'bus station',
  'sports hall',
  'hospital ward',
  'concert hall',
  'ferry pier',
  'park',
  'ice rink',
];
const OFFICIALS = [
  'Aino Berg',
  'Bela Cruz',
  'Cato Dahl',
  'Dora Engel',
  'Emil Faber',
  'Fania Grot',
  'Gustav Hale',
  'Hilde Ivers',
  'Ivo Janek',
  'Jana Kole',
  'Karl Lenz',
  'Lotte Marx',
  'Milo Nagy',
  'Nora Olsen',
  'Otto Pike',
  'Pia Quist',
  'Rolf Saar',
  'Sara Toft',
];

/** Unrelated local stories, one per town, to fill a day's batch. */
export function localStories(count: number): TestArticle[] {
  return Array.from({ length: count }, (_, i) => {
    const town = TOWNS[i % TOWNS.length]!;
    const subject = SUBJECTS[(i * 7) % SUBJECTS.length]!;
    const official = OFFICIALS[(i * 5) % OFFICIALS.length]!;
    const cost = 1 + ((i * 37) % 90) / 10;
    return {
      id: `local-${i}`,
      title: `${town} council approves new ${subject}`,
      body: `${town}'s council voted on Thursday to build a new ${subject} costing ${cost.toFixed(1)} million euros. Councillor ${official} said work would start in ${['spring', 'autumn', 'the new year'][i % 3]}.`,
    };
  });
}
