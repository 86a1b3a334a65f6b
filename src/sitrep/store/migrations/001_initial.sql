-- 001: the first sitrep store schema.
-- Every child table is keyed by (doc_id, ordinal): the item's position in its Document list.
-- Item ids ("e1", "p3") are kept as columns but are only unique inside one document, and a
-- pipeline bug that repeats one must not make a whole batch fail to insert.
-- Offsets are character offsets into the article text (Document.text), as in the JSON.

CREATE TABLE runs (
    run_id          VARCHAR PRIMARY KEY,
    started_at      TIMESTAMP NOT NULL,
    finished_at     TIMESTAMP,
    status          VARCHAR NOT NULL DEFAULT 'running',  -- running, finished
    inputs          JSON,
    config          JSON,
    stats           JSON,
    sitrep_version  VARCHAR
);

CREATE TABLE articles (
    id                    VARCHAR PRIMARY KEY,  -- content hash (sitrep.document.content_id)
    schema_version        VARCHAR NOT NULL,
    url                   VARCHAR,
    title                 VARCHAR,
    source                VARCHAR,              -- the outlet
    published             VARCHAR,              -- ISO 8601 as given
    published_date        DATE,                 -- its day, when it has one
    published_source      VARCHAR,
    published_confidence  DOUBLE,
    language              VARCHAR,
    illustrative          BOOLEAN NOT NULL DEFAULT false,
    provenance_path       VARCHAR,
    provenance_offset     BIGINT,
    provenance_url        VARCHAR,
    provenance_format     VARCHAR,
    pipeline              JSON,
    text_chars            INTEGER,
    n_sentences           INTEGER,
    n_events              INTEGER,
    document              JSON NOT NULL,        -- Document.to_dict(), the source of truth
    first_run             VARCHAR,
    last_run              VARCHAR,
    first_written         TIMESTAMP,
    last_written          TIMESTAMP
);

CREATE TABLE sentences (
    doc_id      VARCHAR NOT NULL,
    ordinal     INTEGER NOT NULL,
    start_char  INTEGER,
    end_char    INTEGER,
    text        VARCHAR,
    PRIMARY KEY (doc_id, ordinal)
);

CREATE TABLE entities (
    doc_id      VARCHAR NOT NULL,
    ordinal     INTEGER NOT NULL,
    label       VARCHAR,
    text        VARCHAR,
    start_char  INTEGER,
    end_char    INTEGER,
    sentence    INTEGER,
    confidence  DOUBLE,
    component   VARCHAR,
    PRIMARY KEY (doc_id, ordinal)
);

CREATE TABLE places (
    doc_id         VARCHAR NOT NULL,
    ordinal        INTEGER NOT NULL,
    place_id       VARCHAR,
    text           VARCHAR,
    start_char     INTEGER,
    end_char       INTEGER,
    sentence       INTEGER,
    confidence     DOUBLE,
    latitude       DOUBLE,
    longitude      DOUBLE,
    country        VARCHAR,  -- ISO 3166-1 alpha-3
    admin1         VARCHAR,
    admin1_code    VARCHAR,
    feature_class  VARCHAR,
    gazetteer_id   VARCHAR,
    resolved       BOOLEAN,
    metonymy       BOOLEAN,
    PRIMARY KEY (doc_id, ordinal)
);

CREATE TABLE times (
    doc_id      VARCHAR NOT NULL,
    ordinal     INTEGER NOT NULL,
    time_id     VARCHAR,
    text        VARCHAR,
    start_char  INTEGER,
    end_char    INTEGER,
    sentence    INTEGER,
    confidence  DOUBLE,
    value       VARCHAR,
    date_start  DATE,  -- first and last day the value covers, when it is a calendar date
    date_end    DATE,
    precision   VARCHAR,
    kind        VARCHAR,
    anchor      VARCHAR,
    resolved    BOOLEAN,
    PRIMARY KEY (doc_id, ordinal)
);

CREATE TABLE quantities (
    doc_id      VARCHAR NOT NULL,
    ordinal     INTEGER NOT NULL,
    quantity_id VARCHAR,
    text        VARCHAR,
    start_char  INTEGER,
    end_char    INTEGER,
    sentence    INTEGER,
    confidence  DOUBLE,
    low         DOUBLE,
    best        DOUBLE,
    high        DOUBLE,
    unit        VARCHAR,
    kind        VARCHAR,
    refers_to   VARCHAR,
    PRIMARY KEY (doc_id, ordinal)
);

CREATE TABLE actors (
    doc_id         VARCHAR NOT NULL,
    ordinal        INTEGER NOT NULL,
    actor_id       VARCHAR,
    name           VARCHAR,
    aliases        VARCHAR[],
    sector         VARCHAR,
    country        VARCHAR,
    status         VARCHAR,
    kb_id          VARCHAR,  -- knowledge-base entry: the key to aggregate across documents
    n_mentions     INTEGER,
    first_start    INTEGER,  -- offsets of the first mention, for a quick highlight
    first_end      INTEGER,
    confidence     DOUBLE,
    PRIMARY KEY (doc_id, ordinal)
);

-- Events, with their place, time, actor names and sentence copied in so that a view or an
-- export reads one row per event without joins.
CREATE TABLE events (
    doc_id                VARCHAR NOT NULL,
    ordinal               INTEGER NOT NULL,
    event_id              VARCHAR NOT NULL,  -- id inside the document
    uid                   VARCHAR NOT NULL,  -- doc_id:event_id, unique in the store
    type                  VARCHAR,           -- PLOVER event type
    mode                  VARCHAR,
    trigger_text          VARCHAR,
    trigger_start         INTEGER,
    trigger_end           INTEGER,
    sentence              INTEGER,
    sentence_text         VARCHAR,
    time_id               VARCHAR,
    event_date            VARCHAR,           -- ISO value at its precision
    date_start            DATE,
    date_end              DATE,
    time_precision        TINYINT,           -- ACLED: 1 day, 2 week/range, 3 month or longer
    place_id              VARCHAR,
    location              VARCHAR,
    country               VARCHAR,
    admin1                VARCHAR,
    admin1_code           VARCHAR,
    latitude              DOUBLE,
    longitude             DOUBLE,
    geo_precision         TINYINT,           -- ACLED: 1 town, 2 district/nearby, 3 province
    gazetteer_id          VARCHAR,
    actor1                VARCHAR,
    actor2                VARCHAR,
    assoc_actor_1         VARCHAR,
    assoc_actor_2         VARCHAR,
    fatalities_low        INTEGER,
    fatalities_best       INTEGER,
    fatalities_high       INTEGER,
    fatalities_side_a     INTEGER,
    fatalities_side_b     INTEGER,
    fatalities_civilians  INTEGER,
    fatalities_unknown    INTEGER,
    modality              VARCHAR,
    acled_event_type      VARCHAR,
    acled_sub_event_type  VARCHAR,
    claim_id              VARCHAR,
    confidence            DOUBLE,
    PRIMARY KEY (doc_id, ordinal)
);

CREATE TABLE event_actors (
    doc_id         VARCHAR NOT NULL,
    event_ordinal  INTEGER NOT NULL,
    role           VARCHAR NOT NULL,  -- source, target
    position       INTEGER NOT NULL,  -- order inside Event.source / Event.target
    event_id       VARCHAR,
    actor_id       VARCHAR,
    PRIMARY KEY (doc_id, event_ordinal, role, position)
);

CREATE TABLE claims (
    doc_id          VARCHAR NOT NULL,
    ordinal         INTEGER NOT NULL,
    claim_id        VARCHAR,
    speaker_text    VARCHAR,
    speaker_start   INTEGER,
    speaker_end     INTEGER,
    speaker_actor   VARCHAR,
    speaker_role    VARCHAR,
    cue_text        VARCHAR,
    cue_start       INTEGER,
    cue_end         INTEGER,
    content_text    VARCHAR,
    content_start   INTEGER,
    content_end     INTEGER,
    kind            VARCHAR,
    medium          VARCHAR,
    sentence        INTEGER,
    contradicts     VARCHAR[],
    about           VARCHAR[],
    confidence      DOUBLE,
    PRIMARY KEY (doc_id, ordinal)
);

CREATE TABLE relations (
    doc_id         VARCHAR NOT NULL,
    ordinal        INTEGER NOT NULL,
    type           VARCHAR,
    source         VARCHAR,  -- actor id
    target         VARCHAR,  -- actor id
    time_id        VARCHAR,
    trigger_text   VARCHAR,
    trigger_start  INTEGER,
    trigger_end    INTEGER,
    sentence       INTEGER,
    event_type     VARCHAR,
    confidence     DOUBLE,
    PRIMARY KEY (doc_id, ordinal)
);

-- Inputs that failed or were skipped: one row per (ref, code) however often it recurs.
CREATE TABLE quarantine (
    ref          VARCHAR NOT NULL,  -- where the input came from: path, path:line, URL
    code         VARCHAR NOT NULL,  -- sitrep error code, e.g. E101
    message      VARCHAR,
    kind         VARCHAR NOT NULL,  -- error, skipped
    run_id       VARCHAR,           -- the last run that saw it
    first_run    VARCHAR,
    first_seen   TIMESTAMP NOT NULL,
    last_seen    TIMESTAMP NOT NULL,
    occurrences  INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (ref, code)
);
