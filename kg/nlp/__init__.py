"""kg's Chinese NER pipeline: a character tagger with bigram and lexicon features."""
