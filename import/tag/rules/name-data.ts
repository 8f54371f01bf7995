/**
 * Word lists the person extractor needs. The project's gazetteers (import/data/*.json, maintained
 * separately) are read when present; a small built-in list of general Dutch knowledge keeps the
 * extractor working without them. Any JSON shape is accepted: every string found is an entry.
 */
import { readFileSync } from 'node:fs';

function collectStrings(value: unknown, out: string[], depth = 0): void {
  if (depth > 4) return;
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) collectStrings(v, out, depth + 1);
  else if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    // an object of {name: ...} entries, or a map keyed by the entry itself
    const keys = Object.keys(obj);
    const keyed = keys.length > 20 && keys.every((k) => /^[\p{L}'’ .-]+$/u.test(k));
    if (keyed) out.push(...keys);
    for (const [k, v] of Object.entries(obj)) {
      if (['name', 'names', 'label', 'title', 'role', 'roles', 'particle', 'particles', 'word', 'words', 'items', 'entries', 'male', 'female', 'unisex', 'firstNames', 'stopwords', 'synonyms', 'variants'].includes(k) || keyed) {
        collectStrings(v, out, depth + 1);
      }
    }
  }
}

export function loadWordList(file: string, fallback: string): Set<string> {
  const out: string[] = fallback.split(/\s*[,\n]\s*/).filter(Boolean);
  try {
    const data = JSON.parse(readFileSync(new URL(`../../data/${file}`, import.meta.url), 'utf8'));
    collectStrings(data, out);
  } catch {
    // gazetteer not (yet) present or unreadable: the built-in list stands
  }
  return new Set(out.map((s) => s.trim().toLowerCase()).filter(Boolean));
}

const FIRST_NAMES = `
aad,aafke,aart,abdel,abdelhak,abdul,abdullah,abe,ad,adam,adelheid,adinda,adriaan,adrie,agnes,ahmed,aicha,aisha,ali,alex,alexander,alexandra,alice,aline,amber,amina,amy,ana,andre,andré,andrea,andreas,anita,anja,anke,ankie,ann,anna,anne,anneke,anneloes,annelies,annemarie,annemiek,annet,annette,annie,anouk,anton,antoon,ard,arend,arie,arjan,arjen,arnold,arnoud,arthur,astrid,babette,barbara,bart,bas,bastiaan,bea,beatrix,ben,benno,bernard,bert,berend,bernadette,betty,bianca,bram,brenda,bregje,carla,carlo,carolien,caroline,cas,cees,charlotte,chris,christa,christiaan,christine,cindy,claire,clara,claudia,coen,cor,cora,corine,corinne,cornelis,daan,daisy,danny,daniel,daniëlle,david,debby,dennis,derk,desiree,dick,diederik,dirk,dolf,dominique,dorien,dorothee,douwe,edith,edwin,egbert,els,elly,eline,elise,elisabeth,ellen,else,emma,emmy,erik,eric,ernst,esther,eva,evelien,ewout,fatima,femke,floor,floris,frank,frans,freek,frits,gerard,gert,gerrit,gijs,gerda,gert-jan,geert,hanneke,hannah,hans,harm,harry,hein,hendrik,henk,henny,herman,hilde,hugo,ilse,inge,ingrid,irene,iris,ivo,jaap,jacob,jacqueline,jamal,jamila,jan,janneke,janny,jasper,jeroen,jessica,joke,joost,jos,josé,joop,joris,jorien,judith,julia,jurgen,karin,karel,kees,kim,klaas,koen,kristin,laura,leo,lieke,linda,lisa,lotte,lou,louise,lucas,luuk,maaike,maarten,marc,marcel,margot,maria,mariëlle,marielle,marieke,marijke,marja,marjan,marjet,mark,marleen,marloes,martijn,martin,marten,mathijs,max,michiel,mieke,mirjam,mohamed,monique,nadia,nico,niels,nienke,nina,noor,olaf,paul,peter,petra,pieter,piet,rachid,renske,rené,rik,rob,robert,roel,roos,ronald,ruud,sander,sandra,sanne,sara,sarah,saskia,simon,sjoerd,sophie,stef,stefan,suzanne,sven,tamara,ton,tom,theo,thijs,tineke,tjitske,vincent,wendy,wessel,wilma,willem,wim,wouter,yvonne,yusuf,zeynep
`;

const ROLES = `
wethouder,burgemeester,raadslid,gemeenteraadslid,fractievoorzitter,fractiemedewerker,wijkwethouder,oud-wethouder,loco-burgemeester,gedeputeerde,minister,staatssecretaris,kamerlid,tweede kamerlid,
directeur,algemeen directeur,bestuurder,bestuursvoorzitter,voorzitter,vicevoorzitter,secretaris,penningmeester,bestuurslid,lid,oprichter,medeoprichter,initiatiefnemer,eigenaar,partner,
lector,hoogleraar,onderzoeker,promovendus,docent,wetenschapper,arts,huisarts,psycholoog,psychiater,verpleegkundige,
adviseur,beleidsadviseur,beleidsmedewerker,medewerker,ambtenaar,wijkambtenaar,wijkregisseur,consulent,projectleider,programmamanager,programmaleider,projectmanager,manager,teamleider,teammanager,coördinator,regisseur,kwartiermaker,
opbouwwerker,jongerenwerker,sociaal werker,maatschappelijk werker,welzijnswerker,buurtwerker,wijkwerker,ouderenwerker,gezinsbegeleider,ambulant begeleider,begeleider,hulpverlener,trainer,coach,expert,specialist,deskundige,ervaringsdeskundige,vrijwilliger,vrijwilligerscoördinator,mantelzorger,
redacteur,hoofdredacteur,journalist,fotograaf,auteur,schrijver,columnist,moderator,spreker,ambassadeur,woordvoerder,senior adviseur,senioradviseur,arbeidsdeskundige,contractmanager,accountmanager,hoofd,directielid,
`;

const PARTICLES = `van,de,der,den,ten,ter,te,het,'t,’t,el,al,ben,la,le,du,da,di,dos,von,op,in,uit,vd`;

const STOPWORDS = `
de,het,een,dit,dat,die,deze,wat,wie,hoe,waar,wanneer,waarom,welke,ook,maar,en,of,in,op,met,voor,van,bij,na,als,er,ze,zij,hij,wij,we,je,jij,ik,u,daar,dan,toen,nu,zo,want,omdat,door,over,uit,aan,tot,om,te,niet,geen,al,alle,veel,meer,elke,ieder,iedereen,samen,sociaal,sociale,nieuwe,nieuw,nederland,nederlandse,gemeente,gemeenten,thema,interview,tekst,foto,beeld,redactie,inhoud,colofon,meer,informatie,lees,kijk,zie,pag,pagina,special,nummer,mijn,onze,ons,hun,haar,zijn,mensen,wijk,stad,dorp,
januari,februari,maart,april,mei,juni,juli,augustus,september,oktober,november,december,maandag,dinsdag,woensdag,donderdag,vrijdag,zaterdag,zondag,
stichting,vereniging,instituut,universiteit,hogeschool,ministerie,fonds,platform,programma,project,centrum,raad,college,bureau,academie,school,huis,groep,netwerk,coalitie,alliantie,federatie,kenniscentrum,kennisplatform,werkplaats,team,gemeenteraad,provincie,regio,zorg,welzijn,
`;

/** First names that are also ordinary words, when the gazetteer lists them under "ambiguous". */
function loadAmbiguous(file: string): Set<string> {
  const out = new Set(['mark', 'roos', 'ben', 'els', 'floor', 'fleur', 'iris', 'max', 'rob', 'frank', 'bas', 'job', 'wil', 'ward', 'toon', 'lot', 'jet']);
  try {
    const data = JSON.parse(readFileSync(new URL(`../../data/${file}`, import.meta.url), 'utf8'));
    const list: string[] = [];
    if (data && typeof data === 'object' && !Array.isArray(data)) collectStrings(data.ambiguous, list);
    for (const w of list) out.add(w.toLowerCase());
  } catch {
    // built-in list stands
  }
  return out;
}

let cache: { firstNames: Set<string>; ambiguousFirstNames: Set<string>; roles: Set<string>; particles: Set<string>; stopwords: Set<string> } | null = null;

export function nameData() {
  if (!cache) {
    cache = {
      firstNames: loadWordList('first-names.json', FIRST_NAMES),
      ambiguousFirstNames: loadAmbiguous('first-names.json'),
      roles: loadWordList('roles.json', ROLES),
      particles: loadWordList('particles.json', PARTICLES),
      stopwords: loadWordList('stopwords.json', STOPWORDS),
    };
    // built-in stop words always apply, even when a gazetteer list is present
    for (const w of STOPWORDS.split(/\s*[,\n]\s*/)) if (w) cache.stopwords.add(w);
  }
  return cache;
}
