-- The scoreboard "as of" a day looks for the values changed after that day (IndicatorAsOf): their steps by time.
CREATE INDEX indicator_value_history_time_idx ON indicator_value_history(occurred_at);
