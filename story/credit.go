package story

// standsFor returns the outlet whose report an article prints, when that
// is not its own: the outlet its credit names, or for a near-copy the
// original's credited outlet or, uncredited, the original's own outlet.
// A copy of a credited wire story is the wire's however its printer
// trimmed the dateline. Empty when the article speaks for itself.
func (b *Builder) standsFor(article string, outlets map[string]string) string {
	if name := b.CreditOf[article]; name != "" {
		return name
	}
	orig, ok := b.CopyOf[article]
	if !ok {
		return ""
	}
	if name := b.CreditOf[orig]; name != "" {
		return name
	}
	return outlets[orig]
}
