-- What the indicator module publishes for the public pages, the open data and the operations centre's feed:
-- the definitions of the active indicators on the scoreboard, their targets, and the province's figures, which
-- indicator_rollup keeps from APPROVED values only (drafts, values waiting for the head and returned values never
-- count). No agency's own value, flag, source note, file or return reason is in these views.
CREATE VIEW indicator_public_view AS
  SELECT i.id, i.code, i.name, i.category, i.unit, i.kind, i.direction, i.frequency, i.responsible_agency_id,
         i.data_source, i.baseline_value, i.baseline_year, i.decimals, i.position, i.updated_at
  FROM indicator i
  WHERE i.active AND i.on_scoreboard;
CREATE VIEW indicator_target_public_view AS
  SELECT t.indicator_id, t.year, t.value
  FROM indicator_target t JOIN indicator i ON i.id = t.indicator_id
  WHERE i.active AND i.on_scoreboard;
CREATE VIEW indicator_figure_public_view AS
  SELECT r.indicator_id, r.period_start, r.value, r.numerator, r.denominator, r.reported, r.updated_at
  FROM indicator_rollup r JOIN indicator i ON i.id = r.indicator_id
  WHERE i.active AND i.on_scoreboard AND r.value IS NOT NULL;
