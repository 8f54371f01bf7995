import { describe, expect, it } from 'vitest';
import { extractProgrammes, linkProgrammes } from '../../import/tag/rules/programmes.ts';
import type { EntityMention, SectionContext } from '../../import/model.ts';
import { splitSentences } from '../../import/segment/sentences.ts';

function ctx(text: string, title = 'Test'): SectionContext {
  return { documentId: 'doc', section: { id: 'doc#1', ordinal: 1, title, text }, text, sentences: splitSentences(text) };
}
const names = (text: string) => [...new Set(extractProgrammes(ctx(text)).map((m) => m.name))];

describe('extractProgrammes', () => {
  // The rules run only where their regex can match (a cue word, a quote, an anchor phrase); these
  // cases sit at the edges of those gates.
  it('finds names behind cue words with a plural, an apostrophe-s or a colon', () => {
    const ms = extractProgrammes(ctx("Zij werkten met de programma's Samen Sterk en Buurtkracht."));
    expect(ms.map((m) => [m.name, m.start, m.props?.kind])).toEqual([['Samen Sterk', 31, 'programma']]);
    expect(names('Training: ‘Werken met Vrijwilligers’')).toEqual(['Werken met Vrijwilligers']);
  });

  it('finds CamelCase after a digit and with .nl, but not inside a web or e-mail address', () => {
    expect(names('We gebruiken de app 3Noord en de website DayMate.nl voor jongeren.')).toEqual(['3Noord', 'DayMate.nl']);
    expect(names('Kijk op www.MantelScan.nl of mail info@BuurtWijzer.nl.')).toEqual([]);
  });

  it('finds names defined by an apposition or by who developed them, at the start of a sentence', () => {
    expect(names('Samen Thuis, een weerbaarheidstraining voor ouderen, startte vorig jaar.')).toEqual(['Samen Thuis']);
    expect(names('Het Pluspunt Wijkaanpak is ontwikkeld door Movisie.')).toEqual(['Pluspunt Wijkaanpak']);
    expect(names("‘Wat telt’ is een instrument voor wijkteams. Zij zei: 'Doe mee', en ging weg.")).toEqual(['Wat telt']);
  });

  it('finds a quoted name after a cue word, with its kind', () => {
    const ms = extractProgrammes(ctx('De gemeente startte het programma ‘Samen Sterk in de Buurt’ voor ouderen.'));
    expect(ms.map((m) => m.name)).toEqual(['Samen Sterk in de Buurt']);
    expect(ms[0].props?.kind).toBe('programma');
    expect(ms[0].surface).toBe('Samen Sterk in de Buurt');
  });

  it('finds an unquoted capitalised name after a cue and stops at the verb', () => {
    expect(names('We werken met de methode Krachtbron aan herstel.')).toContain('Krachtbron');
    expect(names('Met het project Jong in Zwolle helpen we jongeren.')).toContain('Jong in Zwolle');
  });

  it('finds CamelCase names, head-word names and hashtags', () => {
    expect(names('Gebruik de BuurtWijzer om hulp te vinden.')).toContain('BuurtWijzer');
    expect(names('Zij werken met het Zorgkompas en het Taalcafé.')).toEqual(expect.arrayContaining(['Zorgkompas', 'Taalcafé']));
    expect(names('De discussie rond #HandenThuis liep hoog op.')).toContain('#HandenThuis');
  });

  it('finds a name defined by the sentence that follows it', () => {
    const section = ctx('Buurtkracht is een initiatief van bewoners in de wijk.', 'Buurtkracht');
    expect(extractProgrammes(section).map((m) => m.name)).toContain('Buurtkracht');
    expect(names('DayHelper is een app voor mensen met autisme.')).toContain('DayHelper');
    expect(names('Een voorbeeld is Stevig, een weerbaarheidstraining voor meiden.')).toContain('Stevig');
  });

  it('takes a lower-case tail that ends cleanly', () => {
    expect(names('Kijk in de databank Goede sociale praktijken.')).toContain('Goede sociale praktijken');
  });

  it('rejects laws, quoted ordinary words and quoted speech', () => {
    const found = names(
      "De Wmo 2015 en de Jeugdwet gelden sinds 2015. Ze noemen het 'lastig'. ‘Wij zien dat het werkt, zegt ze.’ Het programma Participatiewet loopt.",
    );
    expect(found).toEqual([]);
  });

  it('does not take an ordinary capitalised sentence start as a name', () => {
    expect(names('Eigenlijk is het een project van niemand. Doorgaans wordt de methode goed gebruikt.')).toEqual([]);
  });

  it('marks every later occurrence of a found name in the section', () => {
    const ms = extractProgrammes(ctx('Het project Buurtbank Noord helpt bewoners. Buurtbank Noord krijgt nu geld.'));
    expect(ms.filter((m) => m.name === 'Buurtbank Noord')).toHaveLength(2);
  });

  it('names the items of a list that a plural cue announces', () => {
    const text = [
      'Wij helpen graag, bijvoorbeeld met deze trainingen en projecten:',
      'Basismodule: Samen aan tafel - gesprekken met buren. Deze module geeft handvatten aan vrijwilligers.',
      'Op eigen benen, met hulp dichtbij: in drie wijken zoeken we met bewoners naar nieuwe vormen van steun.',
      'Buurtkoffie helpt eenzame ouderen verder.',
      'Tweede lijst: niets hier.',
    ].join('\n\n');
    const found = names(text);
    expect(found).toContain('Samen aan tafel - gesprekken met buren');
    expect(found).toContain('Op eigen benen, met hulp dichtbij');
    expect(found).not.toContain('Tweede lijst');
    // without the announcement, a colon lead is no name
    expect(names('Op eigen benen, met hulp dichtbij: in drie wijken zoeken we naar steun.')).toEqual([]);
  });

  it('takes an uninflected word between de/het and a method head as the method name', () => {
    expect(names('Zij werken met de buddy methode in de wijk.')).toEqual(['buddy methode']);
    expect(names('Zij werken met de nieuwe methode en de eigen training.')).toEqual([]);
  });

  it('finds named crowdfunding platforms in parentheses', () => {
    expect(names('• Crowdfunding (Samen Geven, Buurt in bloei)')).toEqual(['Samen Geven', 'Buurt in bloei']);
  });

  it('drops an opening action noun from a name and rejects a consumer platform with its owner', () => {
    expect(names('Dat is mooi. Aanmelding Oosterse Buurtprijs 2019 geopend.')).toEqual(['Oosterse Buurtprijs 2019']);
    expect(names('Zo telt de App Store van Apple veel apps.')).toEqual([]);
  });
});

describe('linkProgrammes', () => {
  const mention = (type: EntityMention['type'], name: string, text: string, from = 0): EntityMention => {
    const start = text.indexOf(name, from);
    return { type, name, surface: name, start, end: start + name.length };
  };

  it('links a programme to the municipality and the organisation of its sentence', () => {
    const text = 'In Zwolle loopt de pilot ‘Werk Eerst’, een initiatief van Stichting Kansrijk. Elders in het land gebeurt niets.';
    const c = ctx(text);
    const ms = [...extractProgrammes(c), mention('MUNICIPALITY', 'Zwolle', text), mention('ORGANISATION', 'Stichting Kansrijk', text)];
    const rel = linkProgrammes(c, ms);
    expect(rel).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'RUNS_IN', from: { type: 'PROGRAMME', name: 'Werk Eerst' }, to: { type: 'MUNICIPALITY', name: 'Zwolle' } }),
        expect.objectContaining({ type: 'RUN_BY', from: { type: 'PROGRAMME', name: 'Werk Eerst' }, to: { type: 'ORGANISATION', name: 'Stichting Kansrijk' } }),
      ]),
    );
  });

  it('does not link an organisation that merely appears in the sentence without a runner cue', () => {
    const text = 'Het programma Samen Thuis, zo meldt Movisie in de krant.';
    const c = ctx(text);
    const ms = [...extractProgrammes(c), mention('ORGANISATION', 'Movisie', text)];
    expect(linkProgrammes(c, ms).filter((r) => r.type === 'RUN_BY')).toEqual([]);
  });

  it('links to the municipality a section is about, even in another sentence', () => {
    const text = 'Deventer investeert in de wijk. Deventer wil meer doen. Speciaal voor ouderen is het programma Vitaal Thuis opgezet. Ook Deventer doet mee.';
    const c = ctx(text, 'Deventer kiest voor de wijk');
    const ms = [...extractProgrammes(c)];
    let from = 0;
    for (let i = 0; i < 3; i++) {
      const m = mention('MUNICIPALITY', 'Deventer', text, from);
      ms.push(m);
      from = m.end;
    }
    const rel = linkProgrammes(c, ms);
    expect(rel).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'RUNS_IN', from: { type: 'PROGRAMME', name: 'Vitaal Thuis' }, to: { type: 'MUNICIPALITY', name: 'Deventer' } })]));
  });
});

describe('extractProgrammes: section titles and name variants', () => {
  it('takes a short section title that returns as the subject of a body sentence', () => {
    const text = 'Samen Koken\n\nSamen Koken biedt buurtbewoners elke week een maaltijd. Vrijwilligers koken en eten mee.';
    expect(extractProgrammes(ctx(text, 'Samen Koken')).map((m) => m.name)).toContain('Samen Koken');
  });

  it('does not take a title that is only a heading, or one led by a first name', () => {
    const text = 'Jan Pieters\n\nJan Pieters is wethouder. Hij werkt hard.\n\nTriage\n\nTriage is lastig.';
    expect(extractProgrammes(ctx(text, 'Jan Pieters')).map((m) => m.name)).toEqual([]);
    expect(extractProgrammes(ctx(text, 'Triage')).map((m) => m.name)).toEqual([]);
  });

  it('prefers the base name over "X in <municipality>" and CamelCase compounds of a found name', () => {
    const text = 'BuurtMaatjes is een project in de wijk. Het project BuurtMaatjes in Zwolle groeit. Het BuurtMaatjesteam helpt.';
    const found = names(text);
    expect(found).toContain('BuurtMaatjes');
    expect(found).not.toContain('BuurtMaatjes in Zwolle');
    expect(found).not.toContain('BuurtMaatjesteam');
  });

  it('cuts a trailing "van <organisation>" from a name found by a cue', () => {
    expect(names('Zij volgde de training Werken met Vrijwilligers van Movisie.')).toContain('Werken met Vrijwilligers');
  });
});

describe('linkProgrammes: wider evidence', () => {
  const at = (type: EntityMention['type'], name: string, text: string): EntityMention => {
    const start = text.indexOf(name);
    return { type, name, surface: name, start, end: start + name.length };
  };

  it('reads a municipality adjective in the sentence of the programme', () => {
    const text = 'Het Kerstdebat vond plaats in de Utrechtse Domkerk.';
    const c = ctx(text);
    const rel = linkProgrammes(c, extractProgrammes(c));
    expect(rel).toEqual([expect.objectContaining({ type: 'RUNS_IN', to: { type: 'MUNICIPALITY', name: 'Utrecht' } })]);
  });

  it('reads adjectives after a hyphen, before a hyphen and next to astral characters', () => {
    const runsIn = (text: string) => {
      const c = ctx(text);
      return linkProgrammes(c, extractProgrammes(c)).filter((r) => r.type === 'RUNS_IN').map((r) => r.to.name);
    };
    expect(runsIn('Het Kerstdebat vond plaats in de anti-Utrechtse sfeer.')).toEqual(['Utrecht']);
    expect(runsIn('Het Kerstdebat is een Amersfoortse-stijl debat.')).toEqual(['Amersfoort']);
    expect(runsIn('Het Kerstdebat 😀 vond plaats in de Utrechtse Domkerk.')).toEqual(['Utrecht']);
  });

  it('follows a next sentence that refers back with a pronoun', () => {
    const text = '‘Wat Telt’ is een instrument voor wijkteams. Het is ontwikkeld in Tilburg. Breda doet niet mee, maar Breda kijkt wel.';
    const c = ctx(text);
    const ms = [...extractProgrammes(c), at('MUNICIPALITY', 'Tilburg', text), at('MUNICIPALITY', 'Breda', text)];
    const targets = linkProgrammes(c, ms).filter((r) => r.type === 'RUNS_IN').map((r) => r.to.name);
    expect(targets).toContain('Tilburg');
    expect(targets).not.toContain('Breda');
  });
});

describe('linkProgrammesAcrossSections', () => {
  it('links a programme in a section without municipalities to the municipality of a preceding title', async () => {
    const { linkProgrammesAcrossSections } = await import('../../import/relate/programme-links.ts');
    const t1 = 'Wat doet Deventer?\n\nDe gemeente werkt aan de wijk.';
    const t2 = 'Meer weten\n\nDe aanpak heet het programma Wijk Vooruit en loopt nog.';
    const c1 = { ...ctx(t1, 'Wat doet Deventer?') };
    const c2 = { ...ctx(t2, 'Meer weten'), section: { id: 'doc#2', ordinal: 2, title: 'Meer weten', text: t2 } };
    const deventer = t1.indexOf('Deventer');
    const m1: EntityMention[] = [{ type: 'MUNICIPALITY', name: 'Deventer', surface: 'Deventer', start: deventer, end: deventer + 8 }];
    const m2 = extractProgrammes(c2);
    const extra = linkProgrammesAcrossSections([c1, c2], [m1, m2]);
    expect(extra[0]).toEqual([]);
    expect(extra[1]).toEqual([expect.objectContaining({ type: 'RUNS_IN', from: { type: 'PROGRAMME', name: 'Wijk Vooruit' }, to: { type: 'MUNICIPALITY', name: 'Deventer' } })]);
    // evidence is the programme's own sentence
    expect(t2.slice(extra[1][0].start, extra[1][0].end)).toContain('Wijk Vooruit');
  });
});

describe('linkProgrammes: whose municipality it is', () => {
  const mark = (text: string, marks: [EntityMention['type'], string, Record<string, string>?][]): EntityMention[] =>
    marks
      .flatMap(([type, name, props]) => {
        const out: EntityMention[] = [];
        for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + name.length)) out.push({ type, name, surface: name, start: i, end: i + name.length, ...(props ? { props } : {}) });
        return out;
      })
      .sort((a, b) => a.start - b.start);
  const runsIn = (text: string, marks: [EntityMention['type'], string, Record<string, string>?][], title = 'Test') =>
    linkProgrammes(ctx(text, title), mark(text, marks))
      .filter((r) => r.type === 'RUNS_IN')
      .map((r) => `${r.from.name} -> ${r.to.name}`);

  it('does not place a programme where a person of its sentence works', () => {
    const text = 'Pieter Smeding, jongerenwerker in Zwolle, gebruikt al jaren de methode Sterke Start.';
    expect(runsIn(text, [['PERSON', 'Pieter Smeding'], ['MUNICIPALITY', 'Zwolle'], ['PROGRAMME', 'Sterke Start']])).toEqual([]);
    const quote = "'Ik raad Sterke Start iedereen aan', aldus Els Wouda, wethouder Zwolle.";
    expect(runsIn(quote, [['PERSON', 'Els Wouda'], ['MUNICIPALITY', 'Zwolle'], ['PROGRAMME', 'Sterke Start']])).toEqual([]);
  });

  it('links a programme in parentheses only to the municipality that heads them', () => {
    const text = 'We spraken met wethouder Els Wouda van Zwolle (tevens ambassadeur van Sterke Start) en met burgemeester Ad Kuipers van Deventer.';
    expect(runsIn(text, [['PERSON', 'Els Wouda'], ['PERSON', 'Ad Kuipers'], ['MUNICIPALITY', 'Zwolle'], ['MUNICIPALITY', 'Deventer'], ['PROGRAMME', 'Sterke Start']])).toEqual([
      'Sterke Start -> Zwolle',
    ]);
  });

  it('reads only "in X" for a programme of an organisation ("P van de Y")', () => {
    const text = 'Dit project van de gemeente Zwolle maakt deel uit van Sterke Start van de Vereniging Nederlandse Gemeenten.';
    const marks: [EntityMention['type'], string][] = [['MUNICIPALITY', 'Zwolle'], ['PROGRAMME', 'Sterke Start'], ['ORGANISATION', 'Vereniging Nederlandse Gemeenten']];
    expect(runsIn(text, marks)).toEqual([]);
    expect(runsIn('In Zwolle loopt Sterke Start van de Vereniging Nederlandse Gemeenten.', marks)).toEqual(['Sterke Start -> Zwolle']);
  });

  it('does not guess where a national institute\'s publication or a national programme runs', () => {
    const about = 'De gemeente Zwolle werkt hard aan de wijken. In Zwolle gaat het goed. Zwolle is trots.\n\n';
    const made = `${about}Het kennisinstituut Wijkwijs heeft de handreiking Sterke Start ontwikkeld.`;
    const marks: [EntityMention['type'], string, Record<string, string>?][] = [['MUNICIPALITY', 'Zwolle'], ['PROGRAMME', 'Sterke Start'], ['ORGANISATION', 'Wijkwijs', { kind: 'kennisinstituut' }]];
    expect(runsIn(made, marks)).toEqual([]);
    // with a national institute as partner ("samen met"), the municipality runs it
    expect(runsIn(`${about}De gemeente heeft samen met Wijkwijs Sterke Start ontwikkeld.`, marks)).toEqual(['Sterke Start -> Zwolle']);
    expect(runsIn(`${about}Het landelijke programma Sterke Start helpt daarbij.`, marks)).toEqual([]);
  });

  it('places programmes by a municipality named once in a long section only in its own paragraph', () => {
    const filler = 'Dit is een lange zin over het sociaal domein zonder plaatsnaam erin. '.repeat(25);
    const text = `In Zwolle werken wijkteams met de aanpak Sterke Start.\n\n${filler}\n\nDe training Goed Gesprek is nieuw.`;
    expect(runsIn(text, [['MUNICIPALITY', 'Zwolle'], ['PROGRAMME', 'Sterke Start'], ['PROGRAMME', 'Goed Gesprek']])).toEqual(['Sterke Start -> Zwolle']);
  });
});

describe('linkProgrammesAcrossSections: counted municipalities and contents', () => {
  const section = (text: string, i: number): SectionContext => ({ ...ctx(text, text.split('\n')[0]), section: { id: `doc#${i + 1}`, ordinal: i + 1, title: text.split('\n')[0], text } });
  const marks = (text: string, type: EntityMention['type'], names: string[]): EntityMention[] =>
    names.map((name) => ({ type, name, surface: name, start: text.indexOf(name), end: text.indexOf(name) + name.length }));

  it('links "vijf gemeenten" of a programme to the municipalities the article named for those five', async () => {
    const { linkProgrammesAcrossSections } = await import('../../import/relate/programme-links.ts');
    const t = [
      'Samen sterker\n\nHet kennisinstituut hielp vijf gemeenten. Drie daarvan vertellen: Zwolle, Kampen en Deventer.',
      'Wat doet Olst-Wijhe?\n\nOlst-Wijhe kijkt vooral naar de wijk.',
      'Het traject\n\nIn het programma Samen Verder zijn vijf gemeenten begeleid.',
    ];
    const contexts = t.map(section);
    const mentions = [marks(t[0], 'MUNICIPALITY', ['Zwolle', 'Kampen', 'Deventer']), marks(t[1], 'MUNICIPALITY', ['Olst-Wijhe']), marks(t[2], 'PROGRAMME', ['Samen Verder'])];
    const extra = linkProgrammesAcrossSections(contexts, mentions);
    expect(extra[2].map((c) => c.to.name).sort()).toEqual(['Deventer', 'Kampen', 'Olst-Wijhe', 'Zwolle']);
  });

  it('leaves a table-of-contents entry alone', async () => {
    const { linkProgrammesAcrossSections } = await import('../../import/relate/programme-links.ts');
    const t = ['Wat doet Zwolle?\n\nZwolle werkt aan de wijk. Zwolle is trots.', 'Inhoud\n\n12 Aan de slag met Sterke Start\n\n18 Nieuws'];
    const extra = linkProgrammesAcrossSections(t.map(section), [marks(t[0], 'MUNICIPALITY', ['Zwolle']), marks(t[1], 'PROGRAMME', ['Sterke Start'])]);
    expect(extra[1]).toEqual([]);
  });
});
