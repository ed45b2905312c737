-- Version 1: articles, stories, the story index, near-duplicate bands,
-- full-text search (tsvector) over articles and claims, polled feeds.

CREATE TABLE stories (
	id           BIGSERIAL PRIMARY KEY,
	title        TEXT        NOT NULL,
	started      TIMESTAMPTZ NOT NULL,    -- time of the first article
	updated      TIMESTAMPTZ NOT NULL,    -- time of the newest article
	version      BIGINT      NOT NULL DEFAULT 1, -- counts the articles that joined
	ledger_version BIGINT    NOT NULL DEFAULT 0, -- version the ledger summary was built from
	claims       INTEGER     NOT NULL DEFAULT 0,
	contested    INTEGER     NOT NULL DEFAULT 0
);
CREATE INDEX stories_updated ON stories (updated);

CREATE TABLE articles (
	id           BIGSERIAL PRIMARY KEY,
	key          TEXT        NOT NULL UNIQUE, -- url:<canonical URL> or sha256:<text hash>
	content_hash TEXT        NOT NULL,
	url          TEXT        NOT NULL DEFAULT '',
	outlet       TEXT        NOT NULL DEFAULT '',
	title        TEXT        NOT NULL DEFAULT '',
	byline       TEXT        NOT NULL DEFAULT '',
	published    TIMESTAMPTZ,                 -- NULL when unknown
	at           TIMESTAMPTZ NOT NULL,        -- published, else ingested
	text         TEXT        NOT NULL,
	lang         TEXT        NOT NULL DEFAULT '',
	path         TEXT        NOT NULL DEFAULT '',
	paragraphs   JSONB       NOT NULL DEFAULT '[]',
	analysis     JSONB       NOT NULL DEFAULT '{}',
	terms        JSONB       NOT NULL DEFAULT '[]',
	signature    BYTEA,                       -- MinHash signature
	copy_of      BIGINT REFERENCES articles (id),
	story_id     BIGINT      NOT NULL REFERENCES stories (id),
	ingested     TIMESTAMPTZ NOT NULL,
	tsv          TSVECTOR GENERATED ALWAYS AS (
		setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', text), 'B')
	) STORED
);
CREATE INDEX articles_content_hash ON articles (content_hash);
CREATE INDEX articles_story ON articles (story_id, at);
CREATE INDEX articles_copy_of ON articles (copy_of);
CREATE INDEX articles_tsv ON articles USING GIN (tsv);

CREATE TABLE article_bands (
	band       BIGINT NOT NULL,
	article_id BIGINT NOT NULL REFERENCES articles (id),
	PRIMARY KEY (band, article_id)
);

CREATE TABLE story_terms (
	term      TEXT        NOT NULL,
	story_id  BIGINT      NOT NULL REFERENCES stories (id),
	last_seen TIMESTAMPTZ NOT NULL,
	articles  INTEGER     NOT NULL DEFAULT 1, -- articles of the story with the term
	PRIMARY KEY (term, story_id)
);
CREATE INDEX story_terms_recent ON story_terms (term, last_seen DESC);

-- How many assigned articles have each key term; the row for '' counts
-- all assigned articles.
CREATE TABLE term_df (
	term     TEXT   PRIMARY KEY,
	articles BIGINT NOT NULL
);

CREATE TABLE claims (
	story_id BIGINT NOT NULL REFERENCES stories (id),
	claim_id TEXT   NOT NULL,
	text     TEXT   NOT NULL,
	status   TEXT   NOT NULL,
	tsv      TSVECTOR GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
	PRIMARY KEY (story_id, claim_id)
);
CREATE INDEX claims_tsv ON claims USING GIN (tsv);

CREATE TABLE feeds (
	url           TEXT PRIMARY KEY,
	etag          TEXT        NOT NULL DEFAULT '',
	last_modified TEXT        NOT NULL DEFAULT '',
	checked       TIMESTAMPTZ NOT NULL
);
