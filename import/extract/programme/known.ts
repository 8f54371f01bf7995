/**
 * Names that have the shape of a programme but are something else: generic capitalised words,
 * and (once the gazetteers are loaded) organisations and municipalities.
 */
const GENERIC = new Set([
  'nederland', 'europa', 'den haag', 'thema', 'redactioneel', 'colofon', 'inhoud', 'meer informatie', 'meer lezen',
  'meer weten', 'interview', 'column', 'kort nieuws', 'nieuws', 'agenda', 'aanpak', 'methode', 'programma', 'project',
  'participatie', 'integratie', 'tweede kamer', 'eerste kamer', 'rijk', 'kabinet', 'corona', 'covid-19',
]);

export function isKnownNonProgramme(name: string): boolean {
  return GENERIC.has(name.toLowerCase());
}
