import json, re, os, sys, unicodedata
words = []
for f in ['names_a.txt', 'names_b.txt', 'names_c.txt']:
    if not os.path.exists(f): continue
    for line in open(f, encoding='utf-8'):
        if line.startswith('#'): continue
        words += line.split()
drop = {'Marloe','Jacq','Ahmadzai','Suharto','Sukarno','Widodo','Ramdin','Jagernath','Jerrel'}
seen = {}
for w in words:
    if w in drop: continue
    seen.setdefault(w, None)
names = sorted(seen, key=lambda s: (unicodedata.normalize('NFKD', s).lower(), s))
# Names that are also common Dutch words (or English words frequent in Dutch text) when capitalised at sentence start.
ambiguous = sorted(set('''Roos Mees Bram Floor Fleur Lieve Merel Linde Els Amber Jade Iris Storm Lot Bas Ben Mark Frank Rob Wil Job Jet
Max Toon Kas Beer Mei Hoop Joy Pier Lies Jack Brand Sultan Salam Made Eden Guy Per Constant Ernst Ward Peer Rijk Elke'''.split()))
ambiguous = [a for a in ambiguous if a in seen]
out = {'names': names, 'ambiguous': ambiguous}
t = sys.argv[1]
json.dump(out, open(t + '.tmp', 'w', encoding='utf-8'), ensure_ascii=False, indent=0)
os.replace(t + '.tmp', t)
print(len(names), 'names', len(ambiguous), 'ambiguous')
