-- 004: what an attack was done with and to beyond its actors (Event.arguments, added to
-- sitrep.document/1 as an optional field): weapons and physical targets, with their evidence.
CREATE TABLE event_arguments (
    doc_id         VARCHAR NOT NULL,
    event_ordinal  INTEGER NOT NULL,
    position       INTEGER NOT NULL,  -- order inside Event.arguments
    event_id       VARCHAR,
    role           VARCHAR,           -- weapon, physical_target
    text           VARCHAR,
    start_char     INTEGER,
    end_char       INTEGER,
    sentence       INTEGER,
    confidence     DOUBLE,
    PRIMARY KEY (doc_id, event_ordinal, position)
);
