-- 003: the gazetteer's name of each place (Place.name, added to sitrep.document/1 as an
-- optional field) and the antecedent of pronoun speakers (Claim.speaker_resolved).
ALTER TABLE places ADD COLUMN name VARCHAR;
ALTER TABLE claims ADD COLUMN speaker_resolved_text VARCHAR;
