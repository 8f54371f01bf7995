import json, os, sys, unicodedata
KINDS = {'kennisinstituut','ministerie','overheid','stichting','vereniging','bedrijf','zorgaanbieder','welzijnsorganisatie','onderwijs','netwerk','politieke partij','fonds','anders'}
# Names or aliases that are also ordinary Dutch words or personal names: only take them with context.
AMBIG = {'Trouw','Fier','Spirit','Karakter','Portaal','Laurens','Rutgers','Exodus','Dock','Volt','Mezzo','Amarant','Mondriaan',
         'Philips','Randstad','Politie','Lister','Valente','Antes','Woonbedrijf','Significant Public','DENK','Present','Atria',
         'Levvel','Noaber','Sociom','Incluzio','Arkin','Pharos','Humanitas','Lentis','Mediant','Karakter','Accare','Cordaan','Kwintes',
         'Wijkracht','Oberon','Sardes','Regioplan','Panteia','Ecorys','Codarts','Kadaster','Rijksmuseum','Woonbond','Seniorweb',
         'Kunstconnectie','Movisie','Vilans','Divosa','Kennisnet','Hartstichting','Longfonds','Kansfonds','Mind','Veilig Thuis','Achmea','Menzis','Habion','Portaal','Mitros','Vivare','Lefier','Ymere','Vestia','Staedion','Havensteder','Stadgenoot','Eigen Haard','Zilveren Kruis','Skipr','Zorgvisie'}
# Of AMBIG, those that are genuinely ordinary words/names; the others are distinctive brand names and need no flag.
TRULY = {'Trouw','Fier','Spirit','Karakter','Portaal','Laurens','Rutgers','Exodus','Dock','Volt','Mezzo','Amarant','Mondriaan',
         'Philips','Randstad','Politie','Lister','Valente','Antes','Woonbedrijf','DENK','Atria','Kadaster','Eigen Haard','Veilig Thuis'}
def fold(s):
    return ''.join(c for c in unicodedata.normalize('NFKD', s) if not unicodedata.combining(c)).lower().replace('’', "'")
rows = []
muni = json.load(open('../municipalities.json', encoding='utf-8'))
seat = {}
for m in muni['municipalities']:
    for k in [m['name']] + m['aliases']: seat[fold(k)] = m['name']
for m in muni['mergedAway']: seat.setdefault(fold(m['name']), m['successor'])
seat[fold('Bilthoven')] = 'De Bilt'
dup = False
seen = {}
for line in open('orgs.txt', encoding='utf-8'):
    line = line.rstrip('\n')
    if not line or line.startswith('#'): continue
    parts = line.split('|')
    if len(parts) != 4: raise SystemExit(f'bad line: {line}')
    name, aliases, kind, muni = parts
    if kind not in KINDS: raise SystemExit(f'bad kind {kind} in {line}')
    als = [a for a in (aliases.split(';') if aliases else []) if a and a != name]
    keys = [name] + als
    for k in keys:
        f = fold(k)
        if f in seen and seen[f] != name:
            print(f'DUP {k!r}: {seen[f]} / {name}'); dup = True
        seen[f] = name
    e = {'name': name, 'aliases': list(dict.fromkeys(als)), 'kind': kind}
    if muni:
        if fold(muni) not in seat: raise SystemExit(f'unknown seat {muni} for {name}')
        e['municipality'] = seat[fold(muni)]
    if name in TRULY: e['ambiguous'] = True
    rows.append(e)
if dup: raise SystemExit('duplicates')
t = sys.argv[1]
json.dump({'organisations': rows}, open(t + '.tmp', 'w', encoding='utf-8'), ensure_ascii=False, indent=1)
os.replace(t + '.tmp', t)
print(len(rows), 'organisations')
