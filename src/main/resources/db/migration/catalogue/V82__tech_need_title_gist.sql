-- The live duplicate check while typing a new technology need compares its title with the other needs' titles
-- (nearest first, KNN on the trigram distance), as the other registers' titles already are (V81).
CREATE INDEX tech_need_title_gist ON tech_need USING gist (title_key gist_trgm_ops);
