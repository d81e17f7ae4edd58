import { readArticle } from '../../src/article/read.js';
import { entryFor, type DigestEntry } from '../../src/digest/item.js';
import { summarize } from '../../src/summarize/index.js';

/**
 * Short articles written for these tests (invented places, people and figures): one earthquake
 * reported by several outlets over two days, and a wire story republished by two sites.
 */

const QUAKE_WIRE = `Earthquake in Dravenia kills at least 700

MERROW (Northwire) - A powerful earthquake struck the mountain province of Dravenia on Thursday, killing at least 700 people and leaving thousands homeless, officials said.

"We are pulling families from the rubble with our bare hands," said Lena Vostrik, the provincial governor.

Rescue teams from three neighbouring countries arrived overnight, and at least 1,200 people were injured, the health ministry said.

Aftershocks rattled the provincial capital Merrow through the night.`;

const FERRY = `Ferry service to Oslen island resumes after strike

KALDA - The ferry service between Kalda and Oslen island resumed on Monday after a two-week strike by deck crews ended with a new pay deal.

"Islanders can finally get to their jobs and their doctors again," said Mira Santek, who chairs the island council.

The operator said timetables would be back to normal by the weekend.`;

export const ARTICLES = {
  /** Northwire's story as Valley Post carried it. */
  quakeWireValley: QUAKE_WIRE,
  /** The same Northwire story on a second site, with its own last line. */
  quakeWireHarbor: QUAKE_WIRE.replace(
    'Aftershocks rattled the provincial capital Merrow through the night.',
    'Aftershocks rattled the provincial capital Merrow through the night, residents told Northwire.',
  ),
  /** Coast Herald's own reporting: a different death toll, the governor's quote, a new one. */
  quakeHerald: `Dravenia earthquake toll reaches 750

MERROW - Rescuers in Dravenia were still searching collapsed homes on Friday as the toll from Thursday's earthquake rose, with 750 people killed according to the interior ministry.

"We are pulling families from the rubble with our bare hands," Governor Lena Vostrik told reporters in Merrow.

"The schools held, and that saved hundreds of children," said Tomas Brell, the head of the regional engineering board.

Field hospitals were set up in three valleys cut off by landslides.`,
  /** Day two: the toll rises again and a minister speaks. */
  quakeDayTwo: `Dravenia quake toll rises to 820 as rescuers reach remote valleys

MERROW - The number of people killed in the Dravenia earthquake rose to at least 820 on Saturday as rescue teams reached villages cut off by landslides, the interior ministry said.

"Every hour now counts for those still trapped," Interior Minister Aleksa Dorn said after visiting the worst-hit valley.

Governor Lena Vostrik said earlier that families were being pulled from the rubble by hand.

Field hospitals in the three valleys were treating hundreds of injured.`,
  /** Northwire's updated story the next day: a higher toll and a new quote, most of the text unchanged. */
  quakeWireUpdate: QUAKE_WIRE.replace('Earthquake in Dravenia kills at least 700', 'Earthquake in Dravenia kills at least 820')
    .replace('killing at least 700 people', 'killing at least 820 people')
    .replace(
      'Aftershocks rattled',
      '"Every hour now counts for those still trapped," Interior Minister Aleksa Dorn said on Saturday.\n\nAftershocks rattled',
    ),
  /** An unrelated story. */
  ferry: FERRY,
  /** The ferry story again with its last line reworded: nothing new in it. */
  ferryReworded: FERRY.replace('would be back to normal by the weekend.', 'should be back to normal by the weekend.'),
};

export type ArticleName = keyof typeof ARTICLES;

export interface Outlet {
  publication?: string;
  agency?: string;
  url?: string;
}

export function entry(name: ArticleName, outlet: Outlet = {}): DigestEntry {
  const article = readArticle(ARTICLES[name], { origin: `${name}.txt`, ...outlet });
  return entryFor(article, summarize(article, { sentences: 2 }));
}
