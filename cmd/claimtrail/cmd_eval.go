package main

import "github.com/spf13/cobra"

func init() { commands = append(commands, newEvalCmd) }

// evalCommands lists the constructors of `eval` subcommands; each
// cmd_eval_*.go file appends its own.
var evalCommands []func() *cobra.Command

func newEvalCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval",
		Short: "Measure one of claimtrail's models on an annotated data set",
	}
	for _, add := range evalCommands {
		cmd.AddCommand(add())
	}
	return cmd
}
