-- The Steering Committee's brief lists the proposals reported since the previous session (BriefSections.Proposals:
-- progress updates with a proposal, reported between two days). Without an index on the day that is a pass over
-- every progress update (750.000 at national scale); with this partial index only the updates that carry a proposal
-- and fall in the range are read. (A sub-version of the task module's V5, which owns progress_update; added for
-- the steering module, issue 20.)
CREATE INDEX progress_update_proposal_day_idx ON progress_update(reported_on, assignment_id)
  WHERE coalesce(proposals, '') <> '';
