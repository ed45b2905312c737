-- Version 2: articles can be updated in place (a correction under the same
-- URL). revisions counts such updates per story; a story's ledger is stale
-- when version + revisions exceeds ledger_version, while version alone
-- still counts the articles that joined (the story's size in assignment).
ALTER TABLE stories ADD COLUMN revisions BIGINT NOT NULL DEFAULT 0;
