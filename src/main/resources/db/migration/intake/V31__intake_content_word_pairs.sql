-- Near-duplicates are now measured on content words (Similarity.pairs without function words and stock
-- openings, and pairs over one word in between): the stored pairs of the old measure no longer match, so they
-- are dropped and rebuilt, task by task, at the next check (NearDuplicates brings them up to date).
DELETE FROM intake_task_pair;
DELETE FROM intake_task_text;
