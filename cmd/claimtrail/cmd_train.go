package main

import "github.com/spf13/cobra"

func init() { commands = append(commands, newTrainCmd) }

// trainCommands lists the constructors of `train` subcommands; each
// cmd_train_*.go file appends its own.
var trainCommands []func() *cobra.Command

func newTrainCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "train",
		Short: "Train one of claimtrail's models from a public data set",
	}
	for _, add := range trainCommands {
		cmd.AddCommand(add())
	}
	return cmd
}
