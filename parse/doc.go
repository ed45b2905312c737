// Package parse is claimtrail's own part-of-speech tagger and dependency
// parser, in pure Go: a greedy averaged-perceptron tagger over (UPOS, XPOS)
// pairs and a greedy arc-hybrid transition parser with a dynamic oracle,
// trained on Universal Dependencies English EWT. The trained model is
// embedded in the binary (model/en_ewt.model); docs/syntax.md tells how it
// was made and how well it does.
//
// Parsing takes words, one sentence at a time, and gives each word its tags,
// its head (a word index, -1 for the root) and its relation:
//
//	m, err := parse.Default()
//	if err != nil { ... }
//	p := m.NewParser() // one per goroutine
//	var r parse.Result
//	p.Parse([]string{"The", "ministry", "said", "so", "."}, &r)
//	// r.Head[1] == 2, r.Rel[1] == "nsubj", r.Head[2] == -1
//
// Package nlp builds on it: (*nlp.Document).Tree gives a sentence's tree
// over nlp's tokens, with byte spans. This package does not import nlp.
package parse
