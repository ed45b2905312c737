package main

import (
	"fmt"
	"runtime"

	"github.com/claimtrail/claimtrail"
	"github.com/spf13/cobra"
)

func init() { commands = append(commands, newVersionCmd) }

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version of claimtrail",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprintf(cmd.OutOrStdout(), "claimtrail %s (%s, %s/%s)\n",
				claimtrail.Version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
			return err
		},
	}
}
