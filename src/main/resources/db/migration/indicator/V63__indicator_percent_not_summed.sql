-- A percentage never adds up: an entered indicator measured in % is rolled up from its numerators and
-- denominators (RATIO; a province-wide value entered alone stays one value per period), never summed or
-- averaged across agencies or periods. Definitions saved before the rule are corrected, and the rule is kept.

UPDATE indicator SET aggregation = 'RATIO'
 WHERE kind = 'ENTERED' AND btrim(unit) = '%' AND aggregation IN ('SUM', 'AVERAGE');

ALTER TABLE indicator ADD CONSTRAINT indicator_percent_not_summed
  CHECK (NOT (btrim(unit) = '%' AND aggregation IN ('SUM', 'AVERAGE')));
