-- 002: read-side views for exports, the CLI and the web API.

-- One row per event with ACLED-like columns, in the order of the events CSV export.
CREATE VIEW event_sheet AS
SELECT
    e.uid                  AS event_id,
    e.event_date,
    e.time_precision,
    e.type                 AS event_type,
    e.mode                 AS event_mode,
    e.acled_event_type,
    e.acled_sub_event_type,
    e.actor1,
    e.actor2,
    e.assoc_actor_1,
    e.assoc_actor_2,
    e.country,
    e.admin1,
    e.location,
    e.latitude,
    e.longitude,
    e.geo_precision,
    e.fatalities_best      AS fatalities,
    e.modality,
    e.confidence,
    e.doc_id               AS article_id,
    a.url,
    a.source,
    e.sentence_text        AS notes,
    -- ordering keys, not exported
    e.date_start,
    a.published_date,
    e.ordinal
FROM events e
JOIN articles a ON a.id = e.doc_id;

-- Actors aggregated across documents: by knowledge-base id where there is one, else by
-- case-folded name (a weaker key; two "Ahmad Khan"s stay merged until the KB tells them apart).
CREATE VIEW actor_index AS
WITH keyed AS (
    SELECT
        coalesce(kb_id, 'name:' || lower(trim(name))) AS actor_key,
        *
    FROM actors
),
event_counts AS (
    SELECT k.actor_key, count(*) AS n_event_roles
    FROM event_actors ea
    JOIN keyed k ON k.doc_id = ea.doc_id AND k.actor_id = ea.actor_id
    GROUP BY k.actor_key
)
SELECT
    k.actor_key,
    any_value(k.kb_id)        AS kb_id,
    mode(k.name)              AS name,
    mode(k.sector)            AS sector,
    mode(k.country)           AS country,
    count(DISTINCT k.doc_id)  AS n_documents,
    sum(k.n_mentions)         AS n_mentions,
    coalesce(any_value(ec.n_event_roles), 0) AS n_event_roles
FROM keyed k
LEFT JOIN event_counts ec ON ec.actor_key = k.actor_key
GROUP BY k.actor_key;
