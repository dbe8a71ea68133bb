-- The ranking's fourth criterion, recommendations answered on time (brought by the recommendation module as a
-- RankingCriterion bean), kept with a closed quarter's ranking like the other three.
ALTER TABLE steering_ranking_history ADD COLUMN answer_rate numeric(7,2);
