package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/claimtrail/claimtrail/train/synonymtrain"
	"github.com/spf13/cobra"
)

func init() { trainCommands = append(trainCommands, newTrainSynonymsCmd) }

func newTrainSynonymsCmd() *cobra.Command {
	in := synonymtrain.Inputs{MinCount: 5, MaxGroup: 4, MinTags: 3}
	var out string
	cmd := &cobra.Command{
		Use:   "synonyms --wordnet DIR --fnc1 FILE --polnear DIR [--out FILE]",
		Short: "Build the linker's synonym table from WordNet",
		Long: `Build the synonym groups the linker folds (link/synonyms.tsv): verbs and
nouns whose first, dominant WordNet senses are one synset ("quit" / "resign"),
or are joined by WordNet's lexical derivation ("closure" / "close"), kept to
words whose stems occur at least --min-count times in lower case in FNC-1's
bodies and PolNeAR's training articles, folded to Snowball stems, groups
capped at --max-group stems; and two-word verbs ("give way") folded to the
one-word verb whose dominant sense they share a synset with ("collapse"); and
pairs of verbs that a WordNet antonym pointer joins in one of their first three
senses, with the other words of the target synset ("approve" / "disapprove",
"reject"), which the linker reads as opposite predicates. Needs the WordNet database (Debian package
wordnet-base, /usr/share/wordnet); the table is committed, so nothing else does.

The embedded table is rebuilt, byte for byte, with:

  claimtrail train synonyms --wordnet /usr/share/wordnet \
      --fnc1 ../shared/data/fnc1/train_bodies.csv --polnear ../shared/data/polnear \
      --out link/synonyms.tsv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if in.WordNet == "" {
				return fmt.Errorf("train synonyms: --wordnet DIR is required")
			}
			table, err := synonymtrain.Build(cmd.Context(), in)
			if err != nil {
				return fmt.Errorf("train synonyms: %w", err)
			}
			f, err := os.Create(filepath.Clean(out))
			if err != nil {
				return fmt.Errorf("train synonyms: %w", err)
			}
			if err := synonymtrain.Write(f, table); err != nil {
				f.Close()
				return fmt.Errorf("train synonyms: write %s: %w", out, err)
			}
			if err := f.Close(); err != nil {
				return fmt.Errorf("train synonyms: write %s: %w", out, err)
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "%d synonym groups, %d phrases and %d antonym pairs written to %s\n", len(table.Groups), len(table.Phrases), len(table.Antonyms), out)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&in.WordNet, "wordnet", "", "WordNet's dict folder (index.verb, data.verb, index.noun, data.noun)")
	f.StringVar(&in.FNC1, "fnc1", "", "FNC-1's train_bodies.csv (word frequencies)")
	f.StringVar(&in.PolNeAR, "polnear", "", "PolNeAR's root folder (train/text/*.txt, word frequencies)")
	f.IntVar(&in.MinCount, "min-count", in.MinCount, "least count of a stem in the texts")
	f.IntVar(&in.MaxGroup, "max-group", in.MaxGroup, "most stems in one group")
	f.IntVar(&in.MinTags, "min-tags", in.MinTags, "least concordance count of a dominant sense")
	f.StringVar(&out, "out", "synonyms.tsv", "file to write the table to")
	return cmd
}
