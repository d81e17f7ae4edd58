/**
 * Many short, distinct articles the project wrote for its tests (invented towns, people and
 * figures; never corpus text), for digests long enough to go out as several messages: a Slack
 * message holds 11–12 stories, a Discord message 5.
 */

const TOWNS = [
  'Alderbury',
  'Brinmoor',
  'Calloway Bay',
  'Dunmere',
  'Eastwick Fell',
  'Fennick',
  'Garrowgate',
  'Holloway Ridge',
  'Ivers Cross',
  'Jarrow Point',
  'Kestleford',
  'Lindqvist Harbour',
  'Marrowdale',
  'Northcote Vale',
  'Oakhurst Mill',
  'Pellingham',
  'Quarry Sands',
  'Ravensholt',
  'Saltmarsh End',
  'Thornbury Heath',
  'Upperfield',
  'Vantage Hollow',
  'Westerlyn',
  'Yarrowby',
  'Zennor Flats',
  'Ashcombe Lea',
  'Bramblecote',
  'Coldharbour Rise',
  'Drummond Keys',
  'Elmstead Quay',
];
const PEOPLE = [
  'Mara Ellison',
  'Tobias Wren',
  'Odile Farrant',
  'Kwame Aberly',
  'Signe Holloway',
  'Rafael Okonjo',
  'Lena Marsh',
  'Dmitri Vale',
  'Priya Castell',
  'Hugo Brannock',
  'Ines Tallow',
  'Jonas Pemberly',
  'Yara Quintrell',
  'Felix Arden',
  'Nadia Borrow',
  'Casper Lindell',
  'Amara Fitch',
  'Oren Halloway',
  'Greta Sunder',
  'Malik Orrin',
  'Sofia Renwick',
  'Tariq Elston',
  'Wilhelmina Croft',
  'Bastian Merrow',
  'Leila Danforth',
  'Emil Stroud',
  'Rosa Penhallow',
  'Kofi Ashdown',
  'Astrid Vellacott',
  'Ruben Calder',
];
// One subject per article: stories that share a headline's words are rightly taken for one story.
const SUBJECTS: [string, string, string][] = [
  ['library', 'reopens after roof repairs', 'The roof had leaked through two winters'],
  ['ferry', 'resumes crossings after engine overhaul', 'Passengers had driven the long way round for a month'],
  ['orchard', 'reports record apple harvest', 'Growers credited a mild spring'],
  ['school', 'opens new science wing', 'Pupils had studied in temporary cabins'],
  ['market', 'moves to the old railway yard', 'Traders said the square had grown too small'],
  ['bridge', 'closes for inspection after cracks found', 'Engineers found the cracks during a routine survey'],
  ['lighthouse', 'gets a keeper again', 'Its lamp had been automated in the seventies'],
  ['choir', 'wins national folk contest', 'Singers rehearsed in a barn all summer'],
  ['bakery', 'celebrates its centenary', 'Four generations of one family kneaded its dough'],
  ['clinic', 'adds weekend hours', 'Nurses had asked for more staff since spring'],
  ['stadium', 'installs solar panels', 'The club hopes to halve its power bill'],
  ['museum', 'returns a stolen painting', 'Detectives traced the canvas to an auction abroad'],
  ['harbour', 'dredges its silted channel', 'Fishing boats had run aground at low tide'],
  ['zoo', 'welcomes twin snow leopards', 'Keepers watched the birth on a night camera'],
  ['railway', 'restores the Sunday steam service', 'Volunteers rebuilt the tender over three years'],
  ['brewery', 'switches to local barley', 'Farmers signed ten-year contracts'],
  ['cinema', 'screens silent films with live organ', 'The organ was rescued from a demolished chapel'],
  ['hospital', 'trials robot pharmacy', 'Dispensing errors fell during the first month'],
  ['airport', 'cancels night flights', 'Neighbours had complained about the noise for years'],
  ['dairy', 'launches a sheep cheese', 'Its cheesemaker trained in the Pyrenees'],
  ['quarry', 'floods to become a lake', 'Divers will use it for training'],
  ['observatory', 'spots a new comet', 'An amateur astronomer saw it first'],
  ['vineyard', 'loses its crop to hail', 'The storm lasted barely ten minutes'],
  ['canal', 'reopens a restored lock', 'Narrowboats queued along the towpath'],
  ['theatre', 'stages a play in the local dialect', 'Actors learned words their grandparents used'],
  ['fire station', 'gets an electric engine', 'Crews trained on it for a fortnight'],
  ['post office', 'saved by a village buy-out', 'Residents raised the money in six weeks'],
  ['swimming pool', 'adds evening lessons for adults', 'Instructors volunteered for the first term'],
  ['windmill', 'grinds flour for the first time in a century', 'Millwrights fitted new sails in the spring'],
  ['botanic garden', 'blooms a rare corpse flower', 'Visitors queued despite the smell'],
];

/** `count` articles (file name → text), each its own story. */
export function manyArticles(count: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const town = TOWNS[i % TOWNS.length]!;
    const person = PEOPLE[(i * 7) % PEOPLE.length]!;
    const [thing, event, background] = SUBJECTS[i % SUBJECTS.length]!;
    const figure = 120 + i * 37;
    out[`story-${String(i + 1).padStart(2, '0')}.txt`] = `${town} ${thing} ${event}

${town.toUpperCase()} - The ${town} ${thing} ${event} on Thursday, local officials said, after ${figure} residents signed a petition.

"We waited ${i + 2} years for this day in ${town}," said ${person}, who chairs the ${town} residents' board.

${background}, and ${figure + 11} people attended the meeting in ${town} hall.`;
  }
  return out;
}
