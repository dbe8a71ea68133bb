-- The rule that flags a value "far outside the agency's series" (ValueChecks.JumpRule), set by DoST on
-- /indicators/settings: outside mean ± max(sigmas standard deviations, min-pct % of the mean) of the agency's
-- last `series` approved values.
INSERT INTO setting(key, value) VALUES
  ('indicator.jump.sigmas', '3'),
  ('indicator.jump.min-pct', '20'),
  ('indicator.jump.series', '6')
ON CONFLICT (key) DO NOTHING;
