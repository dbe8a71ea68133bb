-- A recommendation sent through the public form keeps the receipt number the citizen was given (the id in the
-- outward face's public_recommendation_inbox): taking the inbox over twice never makes two recommendations.
ALTER TABLE recommendation ADD COLUMN public_receipt bigint;
CREATE UNIQUE INDEX recommendation_public_receipt_idx ON recommendation(public_receipt) WHERE public_receipt IS NOT NULL;
