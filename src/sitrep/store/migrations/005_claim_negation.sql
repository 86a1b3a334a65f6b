-- 005: negated attributions ("did not say that ...", Claim.negated, added to sitrep.document/1
-- as an optional field): who was reported as not saying what.
ALTER TABLE claims ADD COLUMN negated BOOLEAN;
