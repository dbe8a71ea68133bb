-- The claims queue (/claims, "my work"'s count) reads the claims waiting for a decision a page at a time, newest first:
-- at national scale tens of thousands wait for DoST (found by the 200-user load test of issue 18: the page listed all
-- of them, 8,7 MB, 4–6 s). Only the waiting states are indexed; decided claims are read through the assignment.
CREATE INDEX completion_claim_pending_idx ON completion_claim(state, claimed_at DESC, id DESC)
    WHERE state IN ('CLAIMED', 'HEAD_APPROVED');
