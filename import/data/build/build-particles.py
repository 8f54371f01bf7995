import json, os, sys
base = ["van","de","der","den","van de","van der","van den","van het","van 't","van ’t","'t","’t","'n","te","ten","ter","in 't","in ’t","in de","in den","in het",
 "op de","op den","op 't","op ’t","op het","op ten","uit de","uit den","uit het","uit 't","aan de","aan den","aan het","aan 't","bij de","onder de","over de",
 "voor de","voor den","tot","thoe","toe","vande","vander","vanden","van ter","van ten","van de la","de la","de le","de los","del","della","dello","dos","das",
 "el","al","el-","al-","ben","bin","bint","ibn","abu","ould","ait","aït","da","di","du","le","la","les","von","von der","von dem","zu","van der","ter","d'","d’","o'","mac","mc",
 "'s","’s","op","in","uit","onder","boven","over"]
# canonical (lower-case) forms; the loader compares case-insensitively, and these are also listed title-cased
seen=[]; 
for p in base:
    if p not in seen: seen.append(p)
multi = sorted([p for p in seen if ' ' in p], key=lambda s: -len(s))
# Single-word particles that only count as particles when followed by more particle words or a capitalised surname.
weak = ["op","in","uit","onder","boven","over","toe","tot","la","le","les","da","di","du","del","das","dos","al","el","ben","bin","abu","mac","mc","'s","’s"]
data={'particles':seen,'multiWord':multi,'weak':weak,
      'note':'Lower-case canonical forms. In running text particles are lower case after a first name or initials (Jan van der Berg) and capitalised when the surname stands alone at the start of a sentence (Van der Berg zegt); both are accepted by the loader.'}
t=sys.argv[1]; json.dump(data,open(t+'.tmp','w',encoding='utf-8'),ensure_ascii=False,indent=1); os.replace(t+'.tmp',t)
print(len(seen),'particles')
