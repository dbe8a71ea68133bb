-- reporting_expectation reads the agency registry through what the agency module publishes (agency_view), not
-- its table; same columns and rows as V40.
CREATE OR REPLACE VIEW reporting_expectation AS
SELECT p.id AS period_id, a.id AS agency_id
FROM reporting_period p
JOIN reporting_regime rg ON rg.id = p.regime_id
JOIN reporting_regime_version v ON v.id = p.version_id
JOIN agency_view a ON a.kind <> 'COLLECTIVE'
LEFT JOIN reporting_agency_span s ON s.agency_id = a.id
WHERE p.active AND NOT v.suspended AND (rg.expected_from IS NULL OR p.due_date >= rg.expected_from)
  AND CASE WHEN s.agency_id IS NULL THEN a.active
           ELSE (s.reports_from IS NULL OR s.reports_from <= p.due_date)
            AND (s.reports_until IS NULL OR p.due_date <= s.reports_until) END
  AND ((a.kind = ANY (string_to_array(v.agency_kinds, ','))
        AND NOT EXISTS (SELECT 1 FROM reporting_regime_agency o
                        WHERE o.regime_id = p.regime_id AND o.agency_id = a.id AND o.mode = 'EXCLUDE'
                          AND (o.valid_from IS NULL OR o.valid_from <= p.due_date)
                          AND (o.valid_to IS NULL OR p.due_date <= o.valid_to)))
    OR EXISTS (SELECT 1 FROM reporting_regime_agency o
               WHERE o.regime_id = p.regime_id AND o.agency_id = a.id AND o.mode = 'INCLUDE'
                 AND (o.valid_from IS NULL OR o.valid_from <= p.due_date)
                 AND (o.valid_to IS NULL OR p.due_date <= o.valid_to)));
