-- Published for the obstacles queue (recommendation module): each obstacle and proposal of a periodic report that
-- was sent to DoST (submitted or accepted), one row per item, with its agency, period and, when it came from a
-- progress update, the task.
CREATE VIEW periodic_report_item_view AS
  SELECT r.id AS report_id, r.agency_id, r.period_id, p.label AS period_label, r.state, r.submitted_on,
         i.kind, i.seq::int AS seq, i.item->>'theme' AS theme, i.item->>'text' AS text,
         CASE WHEN jsonb_typeof(i.item->'taskId') = 'number' THEN (i.item->>'taskId')::bigint END AS task_id
  FROM periodic_report r
  JOIN reporting_period p ON p.id = r.period_id
  CROSS JOIN LATERAL (
    SELECT 'OBSTACLE'::varchar(10) AS kind, e.ordinality AS seq, e.value AS item
    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(r.content->'obstacles') = 'array' THEN r.content->'obstacles' ELSE '[]'::jsonb END) WITH ORDINALITY e
    UNION ALL
    SELECT 'PROPOSAL'::varchar(10), e.ordinality, e.value
    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(r.content->'proposals') = 'array' THEN r.content->'proposals' ELSE '[]'::jsonb END) WITH ORDINALITY e
  ) i
  WHERE r.state IN ('SUBMITTED', 'ACCEPTED');
