import { describe, expect, it } from 'vitest';
import { quotesOf, speakers } from './stories.js';

/** The quotations of a story written for these tests (a title line, then paragraphs). */

/** Failure classes of speaker attribution: each row a short story and the speakers it must give. */
const CASES: { name: string; story: string[]; want: (string | null)[] }[] = [
  {
    name: 'a description that names nobody gives no speaker, not the previous one',
    story: [
      '“The dam will hold through the spring floods,” said engineer Pia Holm.',
      '“We have never seen the river this high in March,” a longtime adviser said.',
    ],
    want: ['Pia Holm', null],
  },
  {
    name: '"told" is followed by the listener, never the speaker',
    story: [
      'Farmers gathered in Dunmore on Sunday.',
      'Greta Vold said the harvest was late and told the Valley Courier: “We will lose half the barley if the rain keeps up.”',
    ],
    want: ['Greta Vold'],
  },
  {
    name: 'a possessive before a speech word makes it a noun ("Mr. Arden’s remarks")',
    story: [
      'Mayor Lena Arden spoke on Friday.',
      'With ten days left, Osvald Brink, a senior adviser to the mayor, called Mr. Arden’s remarks “a clear signal to every shop owner in town.”',
    ],
    want: ['Osvald Brink'],
  },
  {
    name: 'the name before two appositions speaks, not the organisation inside them',
    story: [
      'Ida Rask, president of the Northern Teachers Union, which represents 9,000 teachers, said the strike would go ahead because “nobody has answered our letters since May.”',
    ],
    want: ['Ida Rask'],
  },
  {
    name: 'a question or an exclamation is followed by its attribution, however long',
    story: [
      'Harbour master Pia Holm spoke about the new ferries on Monday.',
      '“Will they ever fit in this harbour?” Holm told the island radio station in an interview aired on Monday when asked about the dredging.',
      '“This is the best harbour on the coast!” Holm said at a meeting with the ferry company and the island council.',
    ],
    want: ['Pia Holm', 'Pia Holm'],
  },
  {
    name: 'a full stop ends the quotation, and the sentence after it is no attribution',
    story: ['“The ferries will not fit in this harbour.” Residents told the island radio station that they had heard it before from the council.'],
    want: [null],
  },
  {
    name: 'a party label in parentheses does not end the name before an apposition',
    story: ['Rep. Ada Lind (D-Ore.), chair of the harbour committee, said that the toll was “the fairest way to pay for the new pier.”'],
    want: ['Ada Lind'],
  },
  {
    name: 'a name inside an apposition’s clause is not the subject that speaks',
    story: [
      'Tom Voss, a professor who once worked for Sen. Ada Lind (D-Ore.), one of the bill’s authors, said the toll was “the fairest way to pay for the new pier.”',
    ],
    want: ['Tom Voss'],
  },
  {
    name: 'a conjunction opening the sentence does not hide its subject',
    story: [
      'The harbour board met on Monday.',
      'And then Pia Holm went on the attack, saying, “Nobody on this board has ever taken the ferry to work.”',
    ],
    want: ['Pia Holm'],
  },
  {
    name: 'an opening "Now" or "Here in …" and a second "and said" keep the sentence’s subject',
    story: [
      'Now Pia Holm, the harbour master, is promising to build “a pier that can take every ferry on the coast.”',
      'Here in Selby, Tom Voss opened the meeting with a warning, saying, “Nobody will pay for a second pier.”',
      'When told the pier would cost twice as much, Ida Brun thought for a moment and said that in the end, “the island pays for everything.”',
    ],
    want: ['Pia Holm', 'Tom Voss', 'Ida Brun'],
  },
  {
    name: 'a surname ending in -ed before its verb opens a name, not a participle clause',
    story: ['Harbour clerk Joh Husted spoke first.', 'Husted continued by saying, “The pier will not take a ship longer than the old ferry.”'],
    want: ['Joh Husted'],
  },
  {
    name: 'a first name ending in -ly opens a name, not an adverbial clause',
    story: ['Carly Brenner threw her support behind the harbour plan on Monday, saying it was time for “a pier that can take the new ferries.”'],
    want: ['Carly Brenner'],
  },
  {
    name: 'reporting verbs of manner attribute like "said"',
    story: [
      'Harbour master Pia Holm met the ferry company on Monday.',
      '“The pier will not take a ship that size,” Holm fumed.',
      '“Then we will build a longer one,” answered company chief Lars Berg.',
      '“Nobody on this island will pay for it,” Holm assured the crowd.',
    ],
    want: ['Pia Holm', 'Lars Berg', 'Pia Holm'],
  },
  {
    name: 'an infinitive speech verb gives the quotation to the sentence’s subject',
    story: [
      'Harbour master Pia Holm spoke last at the meeting on Monday.',
      'She went on to say, “The pier will not take a ship that size, whatever the company promises.”',
    ],
    want: ['Pia Holm'],
  },
  {
    name: '"as X put it" names who speaks',
    story: ['The council has not decided. As the Valley Courier’s Ida Brun put it, “the harbour is waiting for a plan that nobody has written.”'],
    want: ['Ida Brun'],
  },
  {
    name: 'two opening clauses do not hide the subject, and a pronoun subject is not passed over',
    story: [
      'On Thursday, after staying neutral through the long spring campaign, Pia Holm appeared on island radio and endorsed the plan, saying, “The pier is the best thing we can build this decade.”',
      'However, she described Sen. Tom Voss, D-Ore., as “a man who has never once taken the ferry to work.”',
    ],
    want: ['Pia Holm', null],
  },
  {
    name: 'a name before a colon speaks after a heading’s dash, and a full name anywhere',
    story: [
      'Harbour master Pia Holm spoke at the meeting.',
      'Ferry tolls and the new pier — Holm: “The toll pays for the pier and for nothing else on the island.”',
      'The vote came as no surprise to Pia Holm: “We have waited for this pier since the old one burned down.”',
    ],
    want: ['Pia Holm', 'Pia Holm'],
  },
  {
    name: 'a signature line under a quotation names who said it; a dash that goes on does not',
    story: [
      '“The pier will be finished before the first winter storm, and it will be paid for.”',
      '- Pia Holm, harbour master.',
      '“Nobody on the island believes the first part.”',
      '- Islanders have heard that promise before, and the ferry still runs late.',
    ],
    want: ['Pia Holm', null],
  },
  {
    name: '"continue to" is no speech verb, and the speaker stays the one who said it',
    story: ['After the vote, Pia Holm said she was sure Tom Voss would continue to be “a friend of every ferry on this coast.”'],
    want: ['Pia Holm'],
  },
  {
    name: 'a place or an opening "Of X" inside the attribution is not the speaker',
    story: [
      'Harbour master Pia Holm and the banker Ida Brun spoke on Monday.',
      'Holm, during a meeting in Selby, Ohio, said she was “going to close the pier to every ship that is too long for it,” to applause.',
      '“He is honest.” Of Voss, Brun, who has given money to Tom Lind, said, “He is the only one who answers letters.”',
    ],
    want: ['Pia Holm', 'Ida Brun'],
  },
  {
    name: 'a retort with "back" attributes like "replied"',
    story: ['Harbour master Pia Holm spoke first.', '“The ferry is too long for this pier,” Tom Voss shot back. “Build a longer one.”'],
    want: ['Tom Voss'],
  },
  {
    name: 'after a quotation left open, a name and one verb in the past report how it was said',
    story: [
      'Harbour master Pia Holm spoke to the ferry captains on Monday.',
      '“Go back to the mainland and take your long ships with you,” Holm barked, and the captains left.',
      'It was “three more weeks of waiting at sea” until the Harbour Board decided.',
    ],
    want: ['Pia Holm', null],
  },
  {
    name: '"X said, adding" gives the quotation to X',
    story: ['The talks will resume next week, Petter Lund said, adding that the offer was “the best the port can make this year.”'],
    want: ['Petter Lund'],
  },
  {
    name: 'an adverbial opening does not hide the subject ("In recent weeks, Vale has …")',
    story: ['In recent weeks, Senator Hugo Vale has called the plan “a tax on every family that drives to work.”'],
    want: ['Hugo Vale'],
  },
  {
    name: 'a participle before the subject is not a name ("Reached by phone, Moss …")',
    story: ['Reached by phone on Monday, Karin Moss denied the report, saying “the mill has not laid off a single worker this year.”'],
    want: ['Karin Moss'],
  },
  {
    name: 'a title-case word that only ever opens a line is not a name ("Partial transcript:")',
    story: [
      'Mayor Ines Dahl took questions on the radio.',
      'Partial transcript:',
      '“We will repave every road in the old town before the festival season begins.”',
    ],
    want: [null],
  },
  {
    name: 'a heading in capitals names nobody',
    story: ['FLOOD WARNINGS STAY IN PLACE — the river authority said the levels “will not fall before the weekend at the earliest.”'],
    want: [null],
  },
  {
    name: 'a person merely named in the paragraph before does not speak a quotation with no attribution',
    story: [
      'Coach Arne Vik met the players after the match, and the club chairman Rolf Eng joined them.',
      '“This season is not over and nobody in this room should think it is.”',
    ],
    want: [null],
  },
  {
    name: 'a lead-in paragraph ending in a colon gives its subject ("Vik made the following remark:")',
    story: ['Coach Arne Vik made the following remark:', '“This season is not over and nobody in this room should think it is.”'],
    want: ['Arne Vik'],
  },
  {
    name: '"was asked by X" gives the question to X',
    story: ['Candidate Sofie Berg was asked by host Jonas Lie, “Will you raise the ferry fares if you win in November?”'],
    want: ['Jonas Lie'],
  },
  {
    name: 'the name right before a participle speaks ("footage of Vik saying")',
    story: [
      'The advert ends with footage of Arne Vik saying during the debate, “That makes me a careful manager of the club’s money,” to loud applause.',
    ],
    want: ['Arne Vik'],
  },
  {
    name: 'a present-tense verb ends the speaker phrase ("Weld describes the party as")',
    story: ['On the stump, Tove Weld describes the Harbour Party as “a ferry that never leaves the dock on time.”'],
    want: ['Tove Weld'],
  },
  {
    name: 'the name nearest the verb wins over the organisation before its appositions',
    story: ['“The ferry plan is settled,” the Valley Courier’s editor, her chief reporter, Ida Brun, said on Monday.'],
    want: ['Ida Brun'],
  },
  {
    name: 'an organisation, a role in lower case, then the person ("Norbank portfolio manager Eva Lind")',
    story: ['“Rates will not fall before the summer,” Norbank portfolio manager Eva Lind said.'],
    want: ['Eva Lind'],
  },
  {
    name: 'a participle that opens the sentence is not a name ("Appearing before supporters, Dahl said")',
    story: ['Appearing before cheering supporters on Monday, Ines Dahl said it was too early to celebrate but added: “We have won the city back.”'],
    want: ['Ines Dahl'],
  },
  {
    name: 'a lower-case verb after a quotation that ends its sentence still attributes it, however long the apposition',
    story: [
      '“The mill is closing,” said Mayor Ines Dahl.',
      '“This is little Nordby!” said Ada Lind, 39, a waitress at the Harbour Café, which serves a cheap breakfast to the night shift.',
    ],
    want: ['Ines Dahl', 'Ada Lind'],
  },
  {
    name: 'a first name that is also a word ("said Will Brandt")',
    story: ['“The ferry costs too much to run,” said Will Brandt, a professor of economics at Nordby College.'],
    want: ['Will Brandt'],
  },
  {
    name: 'two people opening the sentence leave the quotation without a speaker ("Lind and Berg issued a statement")',
    story: ['Ada Lind and Jonas Berg issued a statement calling the deal “a fair end to a long dispute over the harbour.”'],
    want: [null],
  },
  {
    name: '"ranking" belongs to the title ("said Oversight ranking member Ola Brandt")',
    story: ['“The budget hides the cost of the new pier,” said Oversight ranking member Ola Brandt.'],
    want: ['Ola Brandt'],
  },
  {
    name: 'an opening clause with a comma of its own does not hide the subject ("Following a swiftly called, late meeting, the Council …")',
    story: [
      'Following a swiftly called, late-afternoon meeting, the Harbour Council issued a statement calling the closure “a breach of every promise made to the fishermen.”',
    ],
    want: ['Harbour Council'],
  },
  {
    name: 'a dash before text that goes on is not an epigraph’s signature',
    story: ['“Why does the council keep giving them so much money?” - Farmers across the valley have asked the same question for years.'],
    want: [null],
  },
  {
    name: '"demanded" is followed by who is asked, not who speaks',
    story: ['The union demanded Harbour Holdings pay “every worker the wages owed since the spring.”'],
    want: ['The union'],
  },
  {
    name: 'a town and its state after a name are not the speaker',
    story: [
      'Dean Lind, a 55-year-old salesman from Selby, Ohio, says Vale will “leave the state with momentum.”',
      'Stacy Berg of Dunmore, Ohio says she likes “what he is doing with the harbour.”',
      'During a breakfast in Selby, Ada Holm wrote that it was “time to end the ferry subsidy for good.”',
    ],
    want: ['Dean Lind', 'Stacy Berg', 'Ada Holm'],
  },
  {
    name: 'the writer, not the paper she writes for ("Ada Lind of The Courier wrote")',
    story: ['Ada Lind of The Courier wrote that the ferry plan was “the most expensive mistake the council has made in a decade.”'],
    want: ['Ada Lind'],
  },
  {
    name: '"they" is never one named person',
    story: ['Mayor Ines Dahl met the fishermen on Monday.', 'Later they said: “Nobody in the town hall listens to us anymore.”'],
    want: [null],
  },
  {
    name: 'a name before a colon speaks in a transcript or a list ("Vale: “…” Lind: “…”")',
    story: [
      'Both candidates spoke about the ferry.',
      'Vale: “Our goal is to keep the ferry running every day of the year.” Lind: “The ferry must pay for itself.”',
    ],
    want: ['Vale', 'Lind'],
  },
  {
    name: 'the one who was asked is not the speaker of the question',
    story: ['Mayor Ines Dahl was asked by host Jonas Berg on Sunday: “Will you close the ferry if the council says no?”'],
    want: ['Jonas Berg'],
  },
  {
    name: 'a member of a group is not the group ("a member of the Tide group told")',
    story: ['“Nobody can reach the northern villages now,” a member of the Aleppo-based relief group Tide told reporters.'],
    want: [null],
  },
  {
    name: '"the X official" right after a person spoke is that person, as "she" would be',
    story: [
      '“The clinics have run out of insulin,” Relief Coordinator Vera Amsel said.',
      '“I appeal to every donor to do more before winter comes,” the UN official concluded.',
    ],
    want: ['Vera Amsel', 'Vera Amsel'],
  },
  {
    name: 'a demonym qualifying a thing names nobody ("the Norlandian economy continues")',
    story: [
      'Aid chief Vera Amsel spoke on Monday.',
      '“Half of all workers have lost their jobs since the spring,” the Norlandian economy continues to shrink.',
    ],
    want: [null],
  },
  {
    name: 'a verb inside a clause of its own after the quotation is not the attribution',
    story: ['Ivo Sims says he was "kind of riding the fence" until Ada Holm said she was backing the senator.'],
    want: ['Ivo Sims'],
  },
  {
    name: 'after such a clause closes with a comma, the attribution may follow',
    story: ['"Many would call that an embarrassment for the mayor" if she did not win by more, said Dave Lind, an analyst at the Harbour Report.'],
    want: ['Dave Lind'],
  },
  {
    name: 'an organisation’s whole name before a participle',
    story: ['Unions were early supporters, with the Harbour Federation of Teachers calling her "the champion working families need" on Monday.'],
    want: ['Harbour Federation of Teachers'],
  },
  {
    name: 'a noun before a participle is no speech verb ("Ryan’s comments, saying")',
    story: ['One operative inside the campaign tried to downplay Ryan’s comments, saying they were "not a big deal around here."'],
    want: ['One operative inside the campaign'],
  },
  {
    name: 'a name with its role before a colon, not the listener after "told"',
    story: [
      'The race tightened in March, which does not surprise pollster Dara Shaw: "Lesser-known candidates have seen the biggest gains in early contests."',
    ],
    want: ['Dara Shaw'],
  },
  {
    name: 'the listener after "told" before a colon is no speaker',
    story: ['Then she told reporter Ivo Lind: "We have seen this before in every race."'],
    want: [null],
  },
  {
    name: 'a short title in quotation marks inside the attribution does not end it',
    story: [
      '"We have had better conventions than this one," delegate Bill Eastwood, wearing a cowboy hat and "Vote Lind" campaign pins, said matter-of-factly.',
    ],
    want: ['Bill Eastwood'],
  },
  {
    name: 'a role in lower case before a full name opens the sentence after a place with its state',
    story: [
      'At a conference that month in Aspen, Colo., historian Nora Vale ended her speech with a line of verse: "Every obstacle yields to stern resolve."',
    ],
    want: ['Nora Vale'],
  },
  {
    name: 'a participle of shouting reports speech',
    story: ['At a rally on Saturday supporters pushed a protester, with Lind reportedly yelling: "Get him out of here!"'],
    want: ['Lind'],
  },
  {
    name: 'a quotation carries on from the previous one past the rest of its attribution’s sentence',
    story: [
      '"Immigration is important but in my view it is education," says Ada Roloson, 32, of Selby in Upstate New York, who works in retail. Roloson supports Ivo Lind in the race. "I am a college graduate, but I have student loans and no good job."',
    ],
    want: ['Ada Roloson', 'Ada Roloson'],
  },
  {
    name: 'a participle hangs on the named subject of its "when" clause before the sentence’s',
    story: [
      'The first incident came during a speech at the college, when Lind protesters interrupted her speech, shouting “she wins, we lose, and we will not stand for it!”',
    ],
    want: ['Lind protesters'],
  },
  {
    name: 'a long apposition after the name, up to two dozen words, still reaches its verb',
    story: [
      '“This narrative is being pushed by the media system, where we are all caught,” Malka Cyril, the executive director at the Center of Media Justice and whose also featured in the film, told reporters.',
    ],
    want: ['Malka Cyril'],
  },
  {
    name: 'a descriptor before a name at a sentence’s start is no part of the name',
    story: [
      'Billionaire Ivo Lindqvist praised the reporter at a press conference on Monday.',
      '“Very good reporter, very good reporter this guy,” Lindqvist said.',
    ],
    want: ['Ivo Lindqvist'],
  },
  {
    name: 'a name after "said" that opens what was said ("said Lind had") is not the speaker; the subject is',
    story: [
      'House member Ivo Massie used to back another candidate, but now said Lind had “the opportunity and the obligation to bring us together.”',
    ],
    want: ['Ivo Massie'],
  },
  {
    name: '"said he would" keeps the subject the pronoun stands for',
    story: [
      'Ada Lind spoke after the vote.',
      'When Lind later referred to the storm and said she would “protect every family on the island,” the crowd applauded.',
    ],
    want: ['Ada Lind'],
  },
];

describe('speaker attribution: right or none', () => {
  it.each(CASES)('$name', ({ story, want }) => {
    expect(speakers(...story)).toEqual(want);
  });
});

/** The failure classes named by the product's attribution issue, each with text written here. */
describe('speaker attribution: the classes readers reported', () => {
  it('a section heading or a title-case phrase is not a speaker', () => {
    expect(speakers('Praising Harbour Street', '“Every shop on this street has doubled its takings since the bridge opened.”')).toEqual([null]);
  });

  it('a description stands for the organisation named before it ("the Britain-based group")', () => {
    expect(
      speakers(
        'At least 12 people were killed in Harran, the Norland Observatory for Human Rights said.',
        '“The shelling went on until dawn and nobody could reach the wounded,” the Britain-based group said.',
      ),
    ).toEqual(['Norland Observatory for Human Rights']);
  });

  it('a role run together with the name gives the name, the role apart', () => {
    const [quote] = quotesOf('“We struck four positions near the dam overnight,” US-led coalition commander Lt. Gen. Jane Doe said.');
    expect(quote?.speaker).toBe('Jane Doe');
    expect(quote?.speakerRole).toBe('US-led coalition commander');
  });

  it.each([
    [
      'with apostrophes',
      '“The convoy was turned back at the border twice this week,” the UN’s aid chief Stephen O’Brien told the council.',
      'Stephen O’Brien',
    ],
    [
      'apostrophes stripped',
      '"The convoy was turned back at the border twice this week" the UNs aid chief Stephen OBrien told the council.',
      'Stephen OBrien',
    ],
  ])('a possessive affiliation before the name (%s)', (_, story, name) => {
    expect(speakers(story)).toEqual([name]);
  });

  it('a person merely mentioned in the attribution does not take the next quotation', () => {
    expect(
      speakers(
        '“The harbour will reopen on Monday morning,” said Mira Smith, who met Tom Jones on Friday.',
        '“We expect the first ferries before noon,” she added.',
      ),
    ).toEqual(['Mira Smith', 'Mira Smith']);
  });

  it('a quotation of one speaker is not given to the previous paragraph’s speaker', () => {
    expect(
      speakers(
        '“The bridge will be closed for a month,” said engineer Pia Holm.',
        'Residents of the east bank, led by the teacher Ola Brandt, met on Tuesday.',
        '“We were never asked about any of this.”',
      ),
    ).toEqual(['Pia Holm', null]);
  });
});
