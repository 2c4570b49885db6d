"""The DuckDB schema of a communique store, and its version.

    schema_version  one row per applied version
    inputs          every input item already handled (resume skips these)
    articles        one row per article; ``duplicate_of`` links copies to their canonical article
    minhashes       MinHash signature per canonical article (near-duplicate detection)
    entities        actors of each article
    events          events as coded from one article (never from a copy)
    links           links between events of one article
    fused_members   which canonical (fused) event each coded event belongs to
    fused_events    each fused event as fusion made it, kept current by the writer
                    (``store.fused``); fused_state says what it was made from
    rejections      items that yielded no record: stage, reason, detail

Every stored event carries the producer (e.g. ``events.rules.v1``) and the schema version.
"""

from __future__ import annotations

import duckdb

from ..errors import StoreError

SCHEMA_VERSION = 1

_DDL = (
    """CREATE TABLE IF NOT EXISTS schema_version (
        version INTEGER PRIMARY KEY, applied_at TIMESTAMP DEFAULT current_timestamp)""",
    """CREATE TABLE IF NOT EXISTS inputs (
        key VARCHAR PRIMARY KEY, origin VARCHAR, article_id VARCHAR, outcome VARCHAR,
        batch VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS articles (
        id VARCHAR PRIMARY KEY, url VARCHAR, title VARCHAR, source VARCHAR, published DATE,
        published_source VARCHAR, language VARCHAR, text_hash VARCHAR, duplicate_of VARCHAR,
        similarity DOUBLE, origin VARCHAR, batch VARCHAR, producer VARCHAR,
        schema_version INTEGER, seq BIGINT, article_json JSON)""",
    """CREATE TABLE IF NOT EXISTS minhashes (
        article_id VARCHAR PRIMARY KEY, signature BLOB)""",
    """CREATE TABLE IF NOT EXISTS entities (
        article_id VARCHAR, id VARCHAR, name VARCHAR, kind VARCHAR, code VARCHAR,
        country VARCHAR, entity_json JSON, PRIMARY KEY (article_id, id))""",
    """CREATE TABLE IF NOT EXISTS events (
        article_id VARCHAR, id VARCHAR, type VARCHAR, mode VARCHAR, status VARCHAR,
        actors VARCHAR[], recipients VARCHAR[], participants VARCHAR[], names VARCHAR[],
        when_start VARCHAR, when_end VARCHAR, when_granularity VARCHAR, when_text VARCHAR,
        when_year_inferred BOOLEAN, has_where BOOLEAN,
        where_name VARCHAR, where_venue VARCHAR, where_country VARCHAR, where_lat DOUBLE,
        where_lon DOUBLE, meeting JSON, items VARCHAR[], evidence JSON, confidence DOUBLE,
        meeting_named JSON, producer VARCHAR, schema_version INTEGER, seq BIGINT,
        rules VARCHAR[], main BOOLEAN, parties JSON, PRIMARY KEY (article_id, id))""",
    """CREATE TABLE IF NOT EXISTS links (
        article_id VARCHAR, source VARCHAR, target VARCHAR, relation VARCHAR,
        PRIMARY KEY (article_id, source, target, relation))""",
    """CREATE TABLE IF NOT EXISTS fused_members (
        fused_id VARCHAR, article_id VARCHAR, event_id VARCHAR,
        PRIMARY KEY (article_id, event_id))""",
    """CREATE TABLE IF NOT EXISTS fused_events (
        fused_id VARCHAR PRIMARY KEY, first_seq BIGINT, first_row BIGINT, type VARCHAR,
        status VARCHAR, participants VARCHAR[], when_start VARCHAR, where_name VARCHAR,
        where_venue VARCHAR, source_count INTEGER, last_day DATE, event_json VARCHAR,
        line_json VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS fused_state (built_from VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS rejections (
        id VARCHAR PRIMARY KEY, origin VARCHAR, stage VARCHAR, reason VARCHAR, detail VARCHAR,
        batch VARCHAR, recorded_at TIMESTAMP DEFAULT current_timestamp)""",
)


# Indexes beside the primary keys: the members of one fused event.
_INDEXES = ("CREATE INDEX IF NOT EXISTS fused_members_fused ON fused_members (fused_id)",)

# Columns added after a store's tables were first created: added in place, empty for old rows.
_ADDED = (
    "ALTER TABLE events ADD COLUMN IF NOT EXISTS rules VARCHAR[]",
    "ALTER TABLE events ADD COLUMN IF NOT EXISTS main BOOLEAN",
    "ALTER TABLE events ADD COLUMN IF NOT EXISTS parties JSON",
)


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create the tables of a new store, or check an existing store's version."""
    for ddl in _DDL + _ADDED + _INDEXES:
        con.execute(ddl)
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    found = row[0] if row else None
    if found is None:
        con.execute("INSERT INTO schema_version (version) VALUES (?)", [SCHEMA_VERSION])
    elif found > SCHEMA_VERSION:
        raise StoreError(
            f"the store has schema version {found}; this communique reads up to {SCHEMA_VERSION}"
        )


def check_schema(con: duckdb.DuckDBPyConnection) -> None:
    """For a store opened read-only: it is a communique store this version can read."""
    try:
        row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    except duckdb.Error as err:
        raise StoreError("not a communique store (no schema_version table)") from err
    found = row[0] if row else None
    if found is not None and found > SCHEMA_VERSION:
        raise StoreError(
            f"the store has schema version {found}; this communique reads up to {SCHEMA_VERSION}"
        )
