/**
 * Many short, distinct articles the project wrote for its tests (invented towns, people and
 * figures; never corpus text), for digests long enough to go out as several messages: a Slack
 * message holds 11–12 stories, a Discord message 5.
 */

const TOWNS = ['Alderbury', 'Brinmoor', 'Calloway Bay', 'Dunmere', 'Eastwick Fell', 'Fennick', 'Garrowgate', 'Holloway Ridge', 'Ivers Cross', 'Jarrow Point', 'Kestleford', 'Lindqvist Harbour', 'Marrowdale', 'Northcote Vale', 'Oakhurst Mill', 'Pellingham', 'Quarry Sands', 'Ravensholt', 'Saltmarsh End', 'Thornbury Heath', 'Upperfield', 'Vantage Hollow', 'Westerlyn', 'Yarrowby', 'Zennor Flats', 'Ashcombe Lea', 'Bramblecote', 'Coldharbour Rise', 'Drummond Keys', 'Elmstead Quay'];
const PEOPLE = ['Mara Ellison', 'Tobias Wren', 'Odile Farrant', 'Kwame Aberly', 'Signe Holloway', 'Rafael Okonjo', 'Lena Marsh', 'Dmitri Vale', 'Priya Castell', 'Hugo Brannock', 'Ines Tallow', 'Jonas Pemberly', 'Yara Quintrell', 'Felix Arden', 'Nadia Borrow', 'Casper Lindell', 'Amara Fitch', 'Oren Halloway', 'Greta Sunder', 'Malik Orrin', 'Sofia Renwick', 'Tariq Elston', 'Wilhelmina Croft', 'Bastian Merrow', 'Leila Danforth', 'Emil Stroud', 'Rosa Penhallow', 'Kofi Ashdown', 'Astrid Vellacott', 'Ruben Calder'];
const SUBJECTS: [string, string, string][] = [
  ['library', 'reopens after roof repairs', 'The roof had leaked through two winters'],
  ['ferry', 'resumes crossings after engine overhaul', 'Passengers had driven the long way round for a month'],
  ['orchard', 'reports record apple harvest', 'Growers credited a mild spring'],
  ['school', 'opens new science wing', 'Pupils had studied in temporary cabins'],
  ['market', 'moves to the old railway yard', 'Traders said the square had grown too small'],
  ['bridge', 'closes for inspection after cracks found', 'Engineers found the cracks during a routine survey'],
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
