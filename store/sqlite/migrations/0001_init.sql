-- Version 1: articles, stories, the story index, near-duplicate bands,
-- full-text search over articles and claims, polled feeds.
-- Times are Unix nanoseconds, UTC.

CREATE TABLE stories (
	id           INTEGER PRIMARY KEY,
	title        TEXT    NOT NULL,
	started      INTEGER NOT NULL,           -- time of the first article
	updated      INTEGER NOT NULL,           -- time of the newest article
	version      INTEGER NOT NULL DEFAULT 1, -- counts the articles that joined
	ledger_version INTEGER NOT NULL DEFAULT 0, -- version the ledger summary was built from
	claims       INTEGER NOT NULL DEFAULT 0,
	contested    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX stories_updated ON stories (updated);

CREATE TABLE articles (
	id           INTEGER PRIMARY KEY,
	key          TEXT    NOT NULL UNIQUE,    -- url:<canonical URL> or sha256:<text hash>
	content_hash TEXT    NOT NULL,
	url          TEXT    NOT NULL DEFAULT '',
	outlet       TEXT    NOT NULL DEFAULT '',
	title        TEXT    NOT NULL DEFAULT '',
	byline       TEXT    NOT NULL DEFAULT '',
	published    INTEGER,                    -- NULL when unknown
	at           INTEGER NOT NULL,           -- published, else ingested
	text         TEXT    NOT NULL,
	lang         TEXT    NOT NULL DEFAULT '',
	path         TEXT    NOT NULL DEFAULT '',
	paragraphs   TEXT    NOT NULL DEFAULT '[]', -- JSON [{start,end}]
	analysis     TEXT    NOT NULL DEFAULT '{}', -- JSON store.Analysis
	terms        TEXT    NOT NULL DEFAULT '[]', -- JSON key terms
	signature    BLOB,                       -- MinHash signature
	copy_of      INTEGER REFERENCES articles (id),
	story_id     INTEGER NOT NULL REFERENCES stories (id),
	ingested     INTEGER NOT NULL
);
CREATE INDEX articles_content_hash ON articles (content_hash);
CREATE INDEX articles_story ON articles (story_id, at);
CREATE INDEX articles_copy_of ON articles (copy_of);

CREATE TABLE article_bands (
	band       INTEGER NOT NULL,
	article_id INTEGER NOT NULL REFERENCES articles (id),
	PRIMARY KEY (band, article_id)
) WITHOUT ROWID;

CREATE TABLE story_terms (
	term      TEXT    NOT NULL,
	story_id  INTEGER NOT NULL REFERENCES stories (id),
	last_seen INTEGER NOT NULL,
	articles  INTEGER NOT NULL DEFAULT 1,    -- articles of the story with the term
	PRIMARY KEY (term, story_id)
) WITHOUT ROWID;
CREATE INDEX story_terms_recent ON story_terms (term, last_seen DESC, story_id, articles);

-- How many assigned articles have each key term; the row for '' counts
-- all assigned articles.
CREATE TABLE term_df (
	term     TEXT    PRIMARY KEY,
	articles INTEGER NOT NULL
) WITHOUT ROWID;

CREATE VIRTUAL TABLE articles_fts USING fts5 (
	title, text, content = 'articles', content_rowid = 'id',
	tokenize = 'porter unicode61'
);

CREATE VIRTUAL TABLE claims_fts USING fts5 (
	text, story_id UNINDEXED, claim_id UNINDEXED, status UNINDEXED,
	tokenize = 'porter unicode61'
);

CREATE TABLE feeds (
	url           TEXT PRIMARY KEY,
	etag          TEXT    NOT NULL DEFAULT '',
	last_modified TEXT    NOT NULL DEFAULT '',
	checked       INTEGER NOT NULL
);
