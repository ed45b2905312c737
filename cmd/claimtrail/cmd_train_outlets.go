package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/claimtrail/claimtrail/train/outlettrain"
	"github.com/spf13/cobra"
)

func init() { trainCommands = append(trainCommands, newTrainOutletsCmd) }

func newTrainOutletsCmd() *cobra.Command {
	var (
		in  outlettrain.Inputs
		out string
	)
	cmd := &cobra.Command{
		Use:   "outlets --emergent FILE --fnc1 FILE --polnear DIR [--out FILE]",
		Short: "Build the list of news outlets from public data",
		Long: `Build the list of news outlets nlp recognises by name: the outlet domains of
Emergent (edata_all.csv, column "source"), PolNeAR's publishers, wires and "h/t"
credits (metadata.tsv), matched to the names FNC-1 bodies and PolNeAR articles
give them ("nytimes.com" → "New York Times"). The list holds names and domains
only; the data stays outside the repository.

The embedded list (nlp/outlets.txt) is rebuilt, byte for byte, with:

  claimtrail train outlets --emergent ../shared/data/emergent/edata_all.csv \
      --fnc1 ../shared/data/fnc1/train_bodies.csv --polnear ../shared/data/polnear \
      --out nlp/outlets.txt`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if in.Emergent == "" && in.PolNeAR == "" {
				return fmt.Errorf("train outlets: --emergent FILE or --polnear DIR is required")
			}
			outlets, err := outlettrain.Build(cmd.Context(), in)
			if err != nil {
				return fmt.Errorf("train outlets: %w", err)
			}
			f, err := os.Create(filepath.Clean(out))
			if err != nil {
				return fmt.Errorf("train outlets: %w", err)
			}
			if err := outlettrain.Write(f, outlets); err != nil {
				f.Close()
				return fmt.Errorf("train outlets: write %s: %w", out, err)
			}
			if err := f.Close(); err != nil {
				return fmt.Errorf("train outlets: write %s: %w", out, err)
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "%d outlets written to %s\n", len(outlets), out)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&in.Emergent, "emergent", "", "Emergent's edata_all.csv (outlet domains)")
	f.StringVar(&in.FNC1, "fnc1", "", "FNC-1's train_bodies.csv (text the names are read from)")
	f.StringVar(&in.PolNeAR, "polnear", "", "PolNeAR's root folder (metadata.tsv and */text/*.txt)")
	f.StringVar(&out, "out", "outlets.txt", "file to write the list to")
	return cmd
}
