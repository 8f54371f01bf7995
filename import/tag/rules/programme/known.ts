/**
 * Names that have the shape of a programme but are something else: generic capitalised words,
 * organisations and municipalities known to the gazetteers ("ZonMw", "GroenLinks", "Utrecht").
 */
import { municipalityByName, organisationByName } from '../../../gazetteers.ts';

const GENERIC = new Set([
  'nederland', 'europa', 'den haag', 'thema', 'redactioneel', 'colofon', 'inhoud', 'meer informatie', 'meer lezen',
  'meer weten', 'interview', 'column', 'kort nieuws', 'nieuws', 'agenda', 'aanpak', 'methode', 'programma', 'project',
  'participatie', 'integratie', 'tweede kamer', 'eerste kamer', 'rijk', 'kabinet', 'corona', 'covid-19',
]);

export function isKnownNonProgramme(name: string): boolean {
  if (GENERIC.has(name.toLowerCase())) return true;
  if (organisationByName(name)) return true;
  const muni = municipalityByName(name);
  return muni !== undefined && muni.via !== 'adjective';
}
