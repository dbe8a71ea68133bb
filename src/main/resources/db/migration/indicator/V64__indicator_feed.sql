-- Indicators whose figures come from a capability of the system (the funding shares, the information-systems
-- inventory, the land fund, …) rather than from agencies' data entry: no agency is asked to enter them, no reminder
-- is sent for them; the feeding capability publishes the province's figure per period (IndicatorFeed).
CREATE TABLE indicator_feed (
  indicator_id bigint       PRIMARY KEY REFERENCES indicator(id) ON DELETE CASCADE,
  source       varchar(100) NOT NULL,
  declared_at  timestamptz  NOT NULL DEFAULT now()
);
