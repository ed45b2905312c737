package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/pflag"

	"github.com/claimtrail/claimtrail/load"
)

// maxBytesEnv names the environment variable that sets --max-bytes.
const maxBytesEnv = "CLAIMTRAIL_MAX_BYTES"

// byteSize is a flag value in bytes, written as a number with an optional
// unit: 5000000, 64K, 64M, 1G (binary units: K is 1024 bytes; KiB, MiB
// and GiB are accepted too).
type byteSize int64

func (b *byteSize) String() string { return strconv.FormatInt(int64(*b), 10) }
func (b *byteSize) Type() string   { return "bytes" }

func (b *byteSize) Set(s string) error {
	n, err := parseBytes(s)
	if err != nil {
		return err
	}
	*b = byteSize(n)
	return nil
}

func parseBytes(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	t = strings.TrimSuffix(strings.TrimSuffix(t, "B"), "I")
	mult := int64(1)
	if t != "" {
		switch t[len(t)-1] {
		case 'K':
			mult = 1 << 10
		case 'M':
			mult = 1 << 20
		case 'G':
			mult = 1 << 30
		}
		if mult > 1 {
			t = t[:len(t)-1]
		}
	}
	n, err := strconv.ParseInt(strings.TrimSpace(t), 10, 64)
	if err != nil || n <= 0 || n > (1<<40)/mult {
		return 0, fmt.Errorf("%q is not a size in bytes (e.g. 5000000, 64M, 1G)", s)
	}
	return n * mult, nil
}

// addMaxBytesFlag adds --max-bytes to a command that loads files, with its
// default from CLAIMTRAIL_MAX_BYTES or load.DefaultMaxFileSize. A bad
// value in the environment is reported when the command runs.
func addMaxBytesFlag(f *pflag.FlagSet, p *byteSize) {
	*p = load.DefaultMaxFileSize
	f.Var(p, "max-bytes", fmt.Sprintf("largest file (and JSON line) to read, in bytes or with K, M, G (env %s; analysis needs about 80 MB of memory and 2-10 s of CPU per MB, the more the denser in attributions: see docs/performance.md)", maxBytesEnv))
	f.Lookup("max-bytes").DefValue = "32M"
}

// maxBytes returns the limit: the flag when given, else the environment,
// else the default.
func maxBytes(f *pflag.FlagSet, p *byteSize) (int64, error) {
	if f.Changed("max-bytes") {
		return int64(*p), nil
	}
	if v := os.Getenv(maxBytesEnv); v != "" {
		n, err := parseBytes(v)
		if err != nil {
			return 0, fmt.Errorf("%s: %w", maxBytesEnv, err)
		}
		return n, nil
	}
	return int64(*p), nil
}
