-- Published views of the indicator module for other modules (the national trackers' mappings and exports,
-- ad hoc data calls' pre-fill): definitions, approved values per agency and the province's figure per period.
CREATE VIEW indicator_view AS
  SELECT id, code, name, category, unit, kind, aggregation, frequency, responsible_agency_id, breakdown, active
  FROM indicator;
CREATE VIEW indicator_target_view AS
  SELECT indicator_id, year, value FROM indicator_target;
CREATE VIEW indicator_value_view AS
  SELECT id, indicator_id, agency_id, period_start, state, approved_value, approved_numerator, approved_denominator,
         approved_at
  FROM indicator_value;
CREATE VIEW indicator_rollup_view AS
  SELECT indicator_id, period_start, value, numerator, denominator, reported, updated_at FROM indicator_rollup;
