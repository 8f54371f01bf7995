import json, os, sys
# position: 'prefix' = word opens the name ("Stichting X"), 'head' = word closes it ("X Welzijn"),
# 'suffix' = bound ending of a compound ("Zorggroep" -> "-zorg"...), 'both' = either.
P = [
 ('Stichting','prefix','stichting'),('Vereniging','prefix','vereniging'),('Koninklijke Vereniging','prefix','vereniging'),
 ('Coöperatie','prefix','bedrijf'),('Cooperatie','prefix','bedrijf'),('Fonds','both','fonds'),('Instituut','both','kennisinstituut'),
 ('Kenniscentrum','prefix','kennisinstituut'),('Kennisinstituut','prefix','kennisinstituut'),('Kennisplatform','prefix','kennisinstituut'),
 ('Expertisecentrum','prefix','kennisinstituut'),('Platform','both','netwerk'),('Raad','both','overheid'),('Bureau','both','anders'),
 ('Planbureau','both','kennisinstituut'),('Academie','both','onderwijs'),('Hogeschool','both','onderwijs'),('Hogescholen','head','onderwijs'),
 ('Universiteit','both','onderwijs'),('University','head','onderwijs'),('College','both','onderwijs'),('Lyceum','both','onderwijs'),
 ('Gymnasium','both','onderwijs'),('ROC','prefix','onderwijs'),('Scholengroep','both','onderwijs'),('Centrum','both','anders'),
 ('Netwerk','both','netwerk'),('Federatie','both','vereniging'),('Bond','both','vereniging'),('Unie','both','vereniging'),
 ('Alliantie','both','netwerk'),('Coalitie','prefix','netwerk'),('Collectief','both','netwerk'),('Welzijn','head','welzijnsorganisatie'),
 ('Zorg','head','zorgaanbieder'),('zorg','suffix','zorgaanbieder'),('Zorggroep','both','zorgaanbieder'),('Thuiszorg','both','zorgaanbieder'),
 ('GGZ','both','zorgaanbieder'),('GGD','prefix','overheid'),('Ministerie','prefix','ministerie'),('ministerie','prefix','ministerie'),
 ('Gemeente','prefix','overheid'),('Provincie','prefix','overheid'),('Waterschap','prefix','overheid'),('Inspectie','prefix','overheid'),
 ('Dienst','prefix','overheid'),('Autoriteit','prefix','overheid'),('Ombudsman','both','overheid'),('Rekenkamer','both','overheid'),
 ('Woningcorporatie','prefix','bedrijf'),('Woonstichting','prefix','bedrijf'),('Wonen','head','bedrijf'),('Woongroep','head','bedrijf'),
 ('Groep','head','bedrijf'),('Group','head','bedrijf'),('Holding','head','bedrijf'),('Partners','head','bedrijf'),('Consultancy','head','bedrijf'),
 ('Advies','head','bedrijf'),('Adviesbureau','prefix','bedrijf'),('Onderzoeksbureau','prefix','bedrijf'),('Research','head','bedrijf'),
 ('B.V.','head','bedrijf'),('BV','head','bedrijf'),('N.V.','head','bedrijf'),('NV','head','bedrijf'),('V.O.F.','head','bedrijf'),('VOF','head','bedrijf'),
 ('U.A.','head','bedrijf'),('Foundation','head','fonds'),('Trust','head','fonds'),('Genootschap','both','vereniging'),('Gilde','both','vereniging'),
 ('Kerk','head','anders'),('Moskee','prefix','anders'),('Parochie','prefix','anders'),('Ziekenhuis','both','zorgaanbieder'),('Kliniek','both','zorgaanbieder'),
 ('Huisartsenpraktijk','prefix','zorgaanbieder'),('Gezondheidscentrum','prefix','zorgaanbieder'),('Jeugdzorg','head','zorgaanbieder'),
 ('Wijkteam','both','welzijnsorganisatie'),('Buurtteam','both','welzijnsorganisatie'),('Buurthuis','prefix','welzijnsorganisatie'),
 ('Wijkcentrum','prefix','welzijnsorganisatie'),('Sociaal Werk','head','welzijnsorganisatie'),('Jongerenwerk','head','welzijnsorganisatie'),
 ('Vrijwilligerscentrale','both','welzijnsorganisatie'),('Steunpunt','prefix','welzijnsorganisatie'),('Bibliotheek','both','anders'),
 ('Museum','both','anders'),('Theater','both','anders'),('Omroep','both','bedrijf'),('Partij','both','politieke partij'),
 ('Beweging','head','anders'),('Lab','head','anders'),('Werkplaats','head','netwerk'),('Kennispunt','prefix','kennisinstituut'),
 ('Agentschap','prefix','overheid'),('Commissie','prefix','overheid'),('Kamer','head','overheid'),('Vakbond','prefix','vereniging'),
 ('Sportvereniging','prefix','vereniging'),('Voetbalvereniging','prefix','vereniging'),('Omnivereniging','prefix','vereniging'),
 ('Huurdersvereniging','prefix','vereniging'),('Bewonersvereniging','prefix','vereniging'),('Ouderenbond','both','vereniging'),
 ('Zorgcoöperatie','prefix','netwerk'),('Energiecoöperatie','prefix','bedrijf'),('Maatschappij','head','bedrijf'),('Opvang','head','zorgaanbieder'),
]
seen=set(); out=[]
for w,pos,kind in P:
    if w in seen: continue
    seen.add(w)
    out.append({'word': w, 'position': pos, 'kind': kind})
data = {
 'positions': {'prefix': 'opens the name: "Stichting X"', 'head': 'closes the name as a separate word: "X Welzijn"', 'suffix': 'ends a compound word: "Thuiszorg", "Welzijnszorg"', 'both': 'either place'},
 'patterns': out,
 # Lower-case words allowed inside an organisation name between capitalised words.
 'connectors': ['van','voor','en','de','der','den','het','in','op','tot','aan','&','met','bij','uit','te','ter','ten',"'t"],
}
t=sys.argv[1]; json.dump(data, open(t+'.tmp','w',encoding='utf-8'), ensure_ascii=False, indent=1); os.replace(t+'.tmp', t)
print(len(out),'patterns')
