package link

import (
	"github.com/claimtrail/claimtrail"
)

// namedEarlier finds, for item i when it is a quotation carried over from
// an earlier sentence ("Nobody went," after "…," said Ilka Brandsma, the
// charity's director."), the source span and sentence of the last earlier
// statement of the same article whose speaker is i's and names it: where
// the role phrase saying whom the speaker speaks for stands. Both are
// empty when there is none. Items keep their article's order, so the walk
// back ends at the article's first statement.
func (b *builder) namedEarlier(i int) (src, sentence claimtrail.Span) {
	it := &b.items[i]
	for k := i - 1; k >= 0 && b.items[k].st.Article == it.st.Article; k-- {
		o := &b.items[k]
		if o.speaker == it.speaker && !o.st.Source.Empty() && o.st.Content.Start < it.st.Content.Start {
			return o.st.Source, o.st.Sentence
		}
	}
	return claimtrail.Span{}, claimtrail.Span{}
}
