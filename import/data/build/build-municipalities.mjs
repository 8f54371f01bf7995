// Builds import/data/municipalities.json from raw.txt (CBS code|name|veiligheidsregio, 1 Jan 2022 list)
// and merged.txt (year|successor|merged-away names).
import fs from 'node:fs';
const VR_PROVINCE = {
  VR01: 'Groningen', VR02: 'Fryslân', VR03: 'Drenthe', VR04: 'Overijssel', VR05: 'Overijssel',
  VR06: 'Gelderland', VR07: 'Gelderland', VR08: 'Gelderland', VR09: 'Utrecht', VR10: 'Noord-Holland',
  VR11: 'Noord-Holland', VR12: 'Noord-Holland', VR13: 'Noord-Holland', VR14: 'Noord-Holland',
  VR15: 'Zuid-Holland', VR16: 'Zuid-Holland', VR17: 'Zuid-Holland', VR18: 'Zuid-Holland', VR19: 'Zeeland',
  VR20: 'Noord-Brabant', VR21: 'Noord-Brabant', VR22: 'Noord-Brabant', VR23: 'Limburg', VR24: 'Limburg',
  VR25: 'Flevoland',
};
// CBS names with a province suffix for a name that only one municipality carries: common name as `name`.
const COMMON = {
  'Beek (L.)': 'Beek', 'Hengelo (O.)': 'Hengelo', 'Laren (NH.)': 'Laren', 'Middelburg (Z.)': 'Middelburg',
  'Rijswijk (ZH.)': 'Rijswijk', 'Stein (L.)': 'Stein',
};
const CBS_NAME = { 'Den Haag': "'s-Gravenhage" };
const REMOVED_2023 = new Set(['Weesp', 'Brielle', 'Hellevoetsluis', 'Westvoorne']);
const ALIASES = {
  'Den Haag': ["'s-Gravenhage", 's-Gravenhage', 'The Hague'],
  "'s-Hertogenbosch": ['Den Bosch', 's-Hertogenbosch', "’s-Hertogenbosch", 'Hertogenbosch'],
  'Bergen (NH.)': ['Bergen NH', 'Bergen (Noord-Holland)', 'Bergen N-H'],
  'Bergen (L.)': ['Bergen L', 'Bergen (Limburg)'],
  'Beek': ['Beek (L.)', 'Beek (Limburg)'],
  'Hengelo': ['Hengelo (O.)', 'Hengelo (Ov.)', 'Hengelo (Overijssel)'],
  'Laren': ['Laren (NH.)', 'Laren (Noord-Holland)'],
  'Middelburg': ['Middelburg (Z.)'],
  'Rijswijk': ['Rijswijk (ZH.)', 'Rijswijk (Zuid-Holland)'],
  'Stein': ['Stein (L.)'],
  'Súdwest-Fryslân': ['Zuidwest-Friesland', 'Sudwest Fryslan', 'Súdwest Fryslân'],
  'Noardeast-Fryslân': ['Noordoost-Friesland', 'Noardeast Fryslân'],
  'De Fryske Marren': ['De Friese Meren'],
  'Tytsjerksteradiel': ['Tietjerksteradeel'],
  'Dantumadiel': ['Dantumadeel'],
  'Leeuwarden': ['Ljouwert'],
  'Harlingen': ['Harns'],
  'Heerenveen': ["It Hearrenfean"],
  'Terschelling': ['Skylge'],
  'Vlieland': ['Flylân'],
  'Schiermonnikoog': ['Skiermûntseach'],
  'Ameland': ['It Amelân'],
  'Achtkarspelen': ['Achtkerspillen'],
  'Ooststellingwerf': ['Eaststellingwerf'],
  'Weststellingwerf': ['Weststellingwerf'],
  'Opsterland': ['Opsterlân'],
  'Nuenen, Gerwen en Nederwetten': ['Nuenen', 'Nuenen c.a.', 'Nuenen, Gerwen en Nederwetten'],
  'Reusel-De Mierden': ['Reusel de Mierden'],
  'Valkenburg aan de Geul': ['Valkenburg'],
  'Capelle aan den IJssel': ['Capelle a/d IJssel', 'Capelle'],
  'Krimpen aan den IJssel': ['Krimpen a/d IJssel'],
  'Alphen aan den Rijn': ['Alphen a/d Rijn'],
  'Horst aan de Maas': ['Horst a/d Maas'],
  'Sittard-Geleen': ['Sittard Geleen'],
  'Edam-Volendam': ['Edam Volendam'],
  'Leidschendam-Voorburg': ['Leidschendam Voorburg'],
  'Pijnacker-Nootdorp': ['Pijnacker Nootdorp'],
  'Bodegraven-Reeuwijk': ['Bodegraven Reeuwijk'],
  'Hardinxveld-Giessendam': ['Hardinxveld'],
  'Hendrik-Ido-Ambacht': ['Hendrik Ido Ambacht'],
  'Goeree-Overflakkee': ['Goeree Overflakkee'],
  'Schouwen-Duiveland': ['Schouwen Duiveland'],
  'Sint-Michielsgestel': ['Sint Michielsgestel'],
  'Katwijk': ['Katwijk (ZH.)'],
  'Groningen': ['Groningen (gemeente)', 'Stad Groningen'],
  'Utrecht': ['Utrecht (gemeente)', 'Stad Utrecht'],
  'Oost Gelre': ['Oost-Gelre'],
  'West Betuwe': ['West-Betuwe'],
  'Rijssen-Holten': ['Rijssen Holten'],
  'Noordoostpolder': ['Noord-Oostpolder'],
  'Eijsden-Margraten': ['Eijsden Margraten'],
  'Gulpen-Wittem': ['Gulpen Wittem'],
  'Heeze-Leende': ['Heeze Leende'],
  'Geldrop-Mierlo': ['Geldrop Mierlo'],
  'Gemert-Bakel': ['Gemert Bakel'],
  'Borger-Odoorn': ['Borger Odoorn'],
  'Olst-Wijhe': ['Olst Wijhe'],
  'Alphen-Chaam': ['Alphen Chaam'],
  'Baarle-Nassau': ['Baarle Nassau'],
  'Echt-Susteren': ['Echt Susteren'],
  'Etten-Leur': ['Etten Leur'],
  'Midden-Groningen': ['Midden Groningen'],
  'Midden-Drenthe': ['Midden Drenthe'],
  'Midden-Delfland': ['Midden Delfland'],
  'Neder-Betuwe': ['Neder Betuwe'],
  'Noord-Beveland': ['Noord Beveland'],
  'Ouder-Amstel': ['Ouder Amstel'],
  'Dijk en Waard': ['Dijk & Waard'],
};
const ADJ = {
  Amsterdam: ['Amsterdamse', 'Amsterdams'], Rotterdam: ['Rotterdamse', 'Rotterdams'], 'Den Haag': ['Haagse', 'Haags'],
  Utrecht: ['Utrechtse', 'Utrechts'], Groningen: ['Groningse', 'Groninger', 'Gronings'], Eindhoven: ['Eindhovense', 'Eindhovens'],
  Tilburg: ['Tilburgse', 'Tilburgs'], Almere: ['Almeerse', 'Almeers'], Breda: ['Bredase', 'Bredaas'], Nijmegen: ['Nijmeegse', 'Nijmeegs'],
  Apeldoorn: ['Apeldoornse', 'Apeldoorns'], Arnhem: ['Arnhemse', 'Arnhems'], Haarlem: ['Haarlemse', 'Haarlems'],
  Haarlemmermeer: ['Haarlemmermeerse'], Enschede: ['Enschedese', 'Enschedees'], Amersfoort: ['Amersfoortse', 'Amersfoorts'],
  Zaanstad: ['Zaanse', 'Zaans', 'Zaanstadse'], "'s-Hertogenbosch": ['Bossche'], Zwolle: ['Zwolse', 'Zwols'],
  Leiden: ['Leidse', 'Leids'], Zoetermeer: ['Zoetermeerse'], Leeuwarden: ['Leeuwarder', 'Leeuwardense'],
  Maastricht: ['Maastrichtse', 'Maastrichts'], Dordrecht: ['Dordtse', 'Dordts', 'Dordrechtse'], Ede: ['Edese', 'Edes'],
  Alkmaar: ['Alkmaarse', 'Alkmaars'], Delft: ['Delftse', 'Delfts'], Venlo: ['Venlose', 'Venloos'], Deventer: ['Deventerse', 'Deventer'],
  Helmond: ['Helmondse', 'Helmonds'], Oss: ['Osse', 'Oss'], Amstelveen: ['Amstelveense', 'Amstelveens'],
  Hilversum: ['Hilversumse', 'Hilversums'], Heerlen: ['Heerlense', 'Heerlens'], 'Sittard-Geleen': ['Sittard-Geleense'],
  Purmerend: ['Purmerendse'], Schiedam: ['Schiedamse', 'Schiedams'], Lelystad: ['Lelystadse'], Roosendaal: ['Roosendaalse'],
  'Leidschendam-Voorburg': ['Leidschendam-Voorburgse'], Almelo: ['Almelose', 'Almeloos'], Hoorn: ['Hoornse', 'Hoorns'],
  Vlaardingen: ['Vlaardingse', 'Vlaardings'], Velsen: ['Velsense'], Gouda: ['Goudse', 'Gouds'], Hengelo: ['Hengelose', 'Hengeloos'],
  Zeist: ['Zeister', 'Zeistse'], Emmen: ['Emmense'], 'Den Helder': ['Helderse', 'Helders'], Nieuwegein: ['Nieuwegeinse'],
  Assen: ['Asser', 'Assense'], Rijswijk: ['Rijswijkse', 'Rijswijks'], Kampen: ['Kamper', 'Kampense'], Katwijk: ['Katwijkse', 'Katwijks'],
  Middelburg: ['Middelburgse', 'Middelburgs'], Vlissingen: ['Vlissingse', 'Vlissings'], Goes: ['Goese'], Terneuzen: ['Terneuzense'],
  Roermond: ['Roermondse', 'Roermonds'], Weert: ['Weerter', 'Weertse'], Kerkrade: ['Kerkraadse', 'Kerkraads'],
  Veenendaal: ['Veenendaalse', 'Veenendaals'], Harderwijk: ['Harderwijkse'], Wageningen: ['Wageningse', 'Wagenings'],
  Zutphen: ['Zutphense', 'Zutphens'], Doetinchem: ['Doetinchemse'], Tiel: ['Tielse', 'Tiels'], Culemborg: ['Culemborgse'],
  Gorinchem: ['Gorcumse', 'Gorinchemse'], 'Capelle aan den IJssel': ['Capelse'], Nissewaard: ['Nissewaardse'],
  Westland: ['Westlandse', 'Westlands'], Lansingerland: ['Lansingerlandse'], Barendrecht: ['Barendrechtse'], Ridderkerk: ['Ridderkerkse'],
  Heerenveen: ['Heerenveense'], Smallingerland: ['Smallingerlandse'], Meppel: ['Meppeler'], Hoogeveen: ['Hoogeveense'],
  Hardenberg: ['Hardenbergse'], Oldenzaal: ['Oldenzaalse'], Beverwijk: ['Beverwijkse'],
  Heemskerk: ['Heemskerkse'], Zandvoort: ['Zandvoortse', 'Zandvoorts'], Diemen: ['Diemense'],
  'Alphen aan den Rijn': ['Alphense', 'Alphens'], Woerden: ['Woerdense', 'Woerdens'], Soest: ['Soester', 'Soesterse'],
  Houten: ['Houtense'], Baarn: ['Baarnse', 'Baarns'], Huizen: ['Huizer'], 'Gooise Meren': ['Gooise Meerse'], Texel: ['Texelse', 'Texels'],
  Urk: ['Urker'], Dronten: ['Drontense'], Noordoostpolder: [], Heusden: ['Heusdense'], Waalwijk: ['Waalwijkse'], Oosterhout: ['Oosterhoutse'],
  'Bergen op Zoom': ['Bergen-op-Zoomse'], Veldhoven: ['Veldhovense'], Valkenswaard: ['Valkenswaardse'],
  Meierijstad: ['Meierijstadse'], Maashorst: [], Vught: ['Vughtse'], Boxtel: ['Boxtelse'], Venray: ['Venrayse'],
  Landgraaf: ['Landgraafse'], Brunssum: ['Brunssumse'], Lochem: ['Lochemse'], Winterswijk: ['Winterswijkse'], Barneveld: ['Barneveldse'],
  Nijkerk: ['Nijkerkse'], Zevenaar: ['Zevenaarse'], Renkum: ['Renkumse'], Rheden: ['Rhedense'], Oegstgeest: ['Oegstgeester'],
  Noordwijk: ['Noordwijkse'], Wassenaar: ['Wassenaarse'], Zwijndrecht: ['Zwijndrechtse'], Papendrecht: ['Papendrechtse'],
  Sliedrecht: ['Sliedrechtse'], Maassluis: ['Maassluise'], Hellendoorn: ['Hellendoornse'],
};
// Why these are ambiguous (capitalised at sentence start or part of other names):
// Best (best), Buren (neighbours), Putten (wells/to draw), Sluis (lock), Stein (first name), Weert (verb), Waterland (region/word),
// Ede/Epe (short, also surnames; named in the issue), Beek/Duiven (duiven=pigeons, beek=brook),
// Houten (wooden), Laren (also village in Gelderland), Voorst/Westland/Altena/Hulst (regions, surnames), Boekel,
// Zundert/Someren/Asten/Kapelle/Druten/Tholen/Rozendaal (surnames or words), Bergen (mountains), Borne (surname),
// Huizen (houses), Hoorn (horn), Deurne (also a district of Antwerp).
const REAL_AMBIG = new Set(['Best','Buren','Putten','Sluis','Stein','Weert','Waterland','Beek','Houten','Duiven','Laren','Huizen',
  'Hoorn','Bergen (NH.)','Bergen (L.)','Voorst','Boekel','Westland','Altena','Hulst','Deurne','Someren','Druten','Tholen','Borne',
  'Kapelle','Zundert','Asten','Rozendaal','Ede','Epe']);

const rows = fs.readFileSync(new URL('./raw.txt', import.meta.url), 'utf8').trim().split('\n').map((l) => l.split('|'));
const current = [];
for (const [code, cbsNameRaw, vr] of rows) {
  if (REMOVED_2023.has(cbsNameRaw)) continue;
  const name = COMMON[cbsNameRaw] ?? cbsNameRaw;
  current.push({ name, cbsName: CBS_NAME[name] ?? cbsNameRaw, cbsCode: code, province: VR_PROVINCE[vr] });
}
current.push({ name: 'Voorne aan Zee', cbsName: 'Voorne aan Zee', cbsCode: 'GM1992', province: 'Zuid-Holland' });
current.sort((a, b) => a.name.replace(/^('s-|De |Den |Het )/, '').localeCompare(b.name.replace(/^('s-|De |Den |Het )/, ''), 'nl'));
for (const m of current) {
  const aliases = new Set(ALIASES[m.name] ?? []);
  if (m.cbsName !== m.name) aliases.add(m.cbsName);
  aliases.delete(m.name);
  m.aliases = [...aliases];
  const adj = ADJ[m.name];
  m.adjectives = (adj ?? []).filter((a) => a !== m.name);
  m.ambiguous = REAL_AMBIG.has(m.name);
}
const names = new Set(current.map((m) => m.name));
const splits = new Set(['Boarnsterhim', 'Littenseradiel', 'Haaren', 'Maasdonk', 'Meerlo-Wanssum', 'Winsum', 'Avereest', 'Ambt Delden']);
// Merged-away names that are also ordinary words, first names, or names of places elsewhere.
const MERGED_AMBIG = new Set(['Born', 'Enter', 'Heel', 'Monster', 'Leek', 'Thorn', 'Haren', 'Echt', 'Grave', 'Doorn', 'Helden',
  'Kessel', 'Schermer', 'Vlist', 'Hasselt', 'Bergh', 'Wisch', 'Ouderkerk', 'Loenen', 'Lith', 'Goor', 'Elst', 'Valkenburg (ZH.)',
  'Hengelo (Gld.)', 'Maasland']);
const mergedAway = [];
for (const line of fs.readFileSync(new URL('./merged.txt', import.meta.url), 'utf8').trim().split('\n')) {
  const [year, successor, olds] = line.split('|');
  if (!names.has(successor)) throw new Error(`unknown successor ${successor}`);
  for (const name of olds.split(';')) {
    const e = { name, successor, year: Number(year) };
    if (splits.has(name)) e.split = true;
    if (MERGED_AMBIG.has(name)) e.ambiguous = true;
    mergedAway.push(e);
  }
}
mergedAway.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
const out = {
  source: 'CBS gemeentelijke indeling op 1 januari 2025 (342 gemeenten); see README.md',
  asOf: '2025-01-01',
  municipalities: current,
  mergedAway,
};
const target = process.argv[2];
fs.writeFileSync(target + '.tmp', JSON.stringify(out, null, 1) + '\n');
fs.renameSync(target + '.tmp', target);
console.log(current.length, 'municipalities', mergedAway.length, 'merged away');
