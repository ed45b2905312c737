package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"syscall"
)

// ErrUnreachable is every failure to open a connection: a refused port, an
// unknown host, a connect timeout, and an address the client will not
// connect to (loopback, private, link-local…). They share one message on
// purpose: a caller who can make the server fetch URLs (the web UI's "add
// articles") must not learn from the error which internal ports are open.
var ErrUnreachable = errors.New("could not connect (host unknown, unreachable, refused or not allowed)")

// blockedNets are the address ranges a client without AllowPrivate never
// connects to: everything that is not a public unicast address. IPv4
// addresses in IPv4-mapped IPv6 form are unmapped before the check, and the
// IPv4 address inside NAT64 and 6to4 addresses is checked as well.
var blockedNets = []struct {
	prefix netip.Prefix
	what   string // e.g. 127.0.0.1
}{
	{netip.MustParsePrefix("0.0.0.0/8"), "this network (0.0.0.0)"},
	{netip.MustParsePrefix("10.0.0.0/8"), "private (10.1.2.3)"},
	{netip.MustParsePrefix("100.64.0.0/10"), "carrier-grade NAT (100.64.0.1)"},
	{netip.MustParsePrefix("127.0.0.0/8"), "loopback (127.0.0.1)"},
	{netip.MustParsePrefix("169.254.0.0/16"), "link-local, cloud metadata (169.254.169.254)"},
	{netip.MustParsePrefix("172.16.0.0/12"), "private (172.16.0.1)"},
	{netip.MustParsePrefix("192.0.0.0/24"), "IETF protocol assignments (192.0.0.8)"},
	{netip.MustParsePrefix("192.0.2.0/24"), "documentation (192.0.2.1)"},
	{netip.MustParsePrefix("192.168.0.0/16"), "private (192.168.1.1)"},
	{netip.MustParsePrefix("198.18.0.0/15"), "benchmarking (198.18.0.1)"},
	{netip.MustParsePrefix("198.51.100.0/24"), "documentation (198.51.100.1)"},
	{netip.MustParsePrefix("203.0.113.0/24"), "documentation (203.0.113.1)"},
	{netip.MustParsePrefix("224.0.0.0/4"), "multicast (224.0.0.1)"},
	{netip.MustParsePrefix("240.0.0.0/4"), "reserved and broadcast (255.255.255.255)"},
	{netip.MustParsePrefix("::/128"), "unspecified (::)"},
	{netip.MustParsePrefix("::1/128"), "loopback (::1)"},
	{netip.MustParsePrefix("100::/64"), "discard (100::1)"},
	{netip.MustParsePrefix("2001:db8::/32"), "documentation (2001:db8::1)"},
	{netip.MustParsePrefix("fc00::/7"), "unique local (fd00::1)"},
	{netip.MustParsePrefix("fe80::/10"), "link-local (fe80::1)"},
	{netip.MustParsePrefix("fec0::/10"), "site-local (fec0::1)"},
	{netip.MustParsePrefix("ff00::/8"), "multicast (ff02::1)"},
}

// Prefixes whose addresses carry an IPv4 address that is checked in turn.
var (
	nat64   = netip.MustParsePrefix("64:ff9b::/96") // IPv4 in the last 32 bits
	sixTo4  = netip.MustParsePrefix("2002::/16")    // IPv4 in bits 16–47
	compat4 = netip.MustParsePrefix("::/96")        // deprecated IPv4-compatible
)

// Public reports whether a client without AllowPrivate may connect to ip:
// it is a public unicast address, in none of the loopback, private,
// link-local, unspecified, multicast, documentation or reserved ranges.
func Public(ip netip.Addr) bool {
	ip = ip.Unmap().WithZone("")
	if !ip.IsValid() {
		return false
	}
	for _, b := range blockedNets {
		if b.prefix.Contains(ip) {
			return false
		}
	}
	if ip.Is6() {
		a := ip.As16()
		switch {
		case nat64.Contains(ip), compat4.Contains(ip):
			return Public(netip.AddrFrom4([4]byte(a[12:16])))
		case sixTo4.Contains(ip):
			return Public(netip.AddrFrom4([4]byte(a[2:6])))
		}
	}
	return true
}

// errBlocked is what the dialer's Control hook returns for an address it
// refuses; callers only ever see ErrUnreachable.
var errBlocked = errors.New("address not allowed")

// guardWith returns a net.Dialer Control hook that lets connections
// through only to addresses allow accepts (Public). The hook runs after
// name resolution, for the very address being connected to, so a name that
// resolves to a public address once and to a loopback one the next time
// (DNS rebinding) is caught on the connection that matters, redirects
// included.
func guardWith(allow func(netip.Addr) bool) func(network, address string, _ syscall.RawConn) error {
	return func(network, address string, _ syscall.RawConn) error {
		ap, err := netip.ParseAddrPort(address)
		if err != nil || !allow(ap.Addr()) {
			return fmt.Errorf("%w: %s", errBlocked, address)
		}
		return nil
	}
}

// dialError marks a failure to open a connection, so that the client words
// every one of them the same way.
type dialError struct{ err error }

func (e *dialError) Error() string { return e.err.Error() }
func (e *dialError) Unwrap() error { return e.err }

// dialContext wraps d.DialContext, marking its failures as dialErrors.
func dialContext(d *net.Dialer) func(ctx context.Context, network, addr string) (net.Conn, error) {
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		c, err := d.DialContext(ctx, network, addr)
		if err != nil {
			return nil, &dialError{err}
		}
		return c, nil
	}
}
