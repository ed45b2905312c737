package load

import (
	"encoding/json"
	"strings"
)

// ldArticle is what a JSON-LD block says about the article on the page.
type ldArticle struct {
	headline, published, author, publisher, url, lang string
}

func (l ldArticle) empty() bool { return l == ldArticle{} }

// ldArticleTypes are the schema.org types taken as the page's article.
var ldArticleTypes = map[string]bool{
	"article": true, "newsarticle": true, "reportagenewsarticle": true, "analysisnewsarticle": true,
	"backgroundnewsarticle": true, "opinionnewsarticle": true, "reviewnewsarticle": true,
	"askpublicnewsarticle": true, "blogposting": true, "liveblogposting": true, "report": true,
	"socialmediaposting": true, "webpage": false,
}

// parseLD reads one JSON-LD script and returns the first article object in
// it: at the top level, in a top-level array, or in an @graph. Objects
// referenced by @id within the same script (a publisher Organization in a
// graph) are resolved. A script that is not valid JSON gives nothing.
func parseLD(src string) ldArticle {
	src = strings.TrimSpace(src)
	src = strings.TrimPrefix(strings.TrimSuffix(src, "]]>"), "<![CDATA[")
	var v any
	if err := json.Unmarshal([]byte(src), &v); err != nil {
		return ldArticle{}
	}
	var nodes []map[string]any
	var collect func(v any, depth int)
	collect = func(v any, depth int) {
		if depth > 4 {
			return
		}
		switch t := v.(type) {
		case []any:
			for _, x := range t {
				collect(x, depth+1)
			}
		case map[string]any:
			nodes = append(nodes, t)
			if g, ok := t["@graph"]; ok {
				collect(g, depth+1)
			}
		}
	}
	collect(v, 0)
	byID := map[string]map[string]any{}
	for _, n := range nodes {
		if id, ok := n["@id"].(string); ok {
			byID[id] = n
		}
	}
	deref := func(v any) any {
		if m, ok := v.(map[string]any); ok && len(m) == 1 {
			if id, ok := m["@id"].(string); ok && byID[id] != nil {
				return byID[id]
			}
		}
		return v
	}
	for _, n := range nodes {
		if !isArticleType(n["@type"]) {
			continue
		}
		return ldArticle{
			headline:  clean(first(str(n["headline"]), str(n["name"]))),
			published: strings.TrimSpace(first(str(n["datePublished"]), str(n["dateCreated"]))),
			author:    clean(names(n["author"], deref)),
			publisher: clean(names(n["publisher"], deref)),
			url:       first(str(n["url"]), str(deref(n["mainEntityOfPage"]))),
			lang:      clean(str(n["inLanguage"])),
		}
	}
	return ldArticle{}
}

func isArticleType(t any) bool {
	switch t := t.(type) {
	case string:
		return ldArticleTypes[strings.ToLower(strings.TrimPrefix(t, "schema:"))]
	case []any:
		for _, x := range t {
			if isArticleType(x) {
				return true
			}
		}
	}
	return false
}

// str gives a string value, or the @id or url of an object, or "".
func str(v any) string {
	switch t := v.(type) {
	case string:
		return t
	case map[string]any:
		return first(str(t["@id"]), str(t["url"]))
	case []any:
		if len(t) > 0 {
			return str(t[0])
		}
	}
	return ""
}

// names reads a person or organisation value (a string, an object with a
// name, or a list of either) as a comma-separated list of names.
func names(v any, deref func(any) any) string {
	v = deref(v)
	switch t := v.(type) {
	case string:
		return notURL(t)
	case map[string]any:
		if n, ok := t["name"].(string); ok {
			return n
		}
	case []any:
		var out []string
		for _, x := range t {
			if n := strings.TrimSpace(names(x, deref)); n != "" {
				out = append(out, n)
			}
		}
		return strings.Join(out, ", ")
	}
	return ""
}
