-- Version 3: other keys an article was reached under. A feed item's link
-- that redirects to the stored page is remembered here, so the next poll
-- knows the item without fetching it again.
CREATE TABLE article_aliases (
	key        TEXT   PRIMARY KEY,
	article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE
);
