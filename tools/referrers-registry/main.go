// Command referrers-registry serves go-containerregistry's in-memory registry with the OCI 1.1
// referrers API enabled, on 127.0.0.1 only. It exists so tests can exercise the referrers-API path
// against a real registry: Debian 12 packages none that has the API (docker-registry 2.8 lacks it).
//
// Usage: referrers-registry [-port N] [-verbose] | -version
// It prints "listening on 127.0.0.1:PORT" on stdout once it accepts connections (port 0 picks a
// free port), and logs each request on stderr when -verbose is given.
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"

	"github.com/google/go-containerregistry/pkg/registry"
)

// version is set at build time (-ldflags -X) by scripts/install-tools.sh.
var version = "dev"

func main() {
	showVersion := flag.Bool("version", false, "print the version and exit")
	port := flag.Int("port", 0, "TCP port on 127.0.0.1 (0 picks a free one)")
	verbose := flag.Bool("verbose", false, "log every request on stderr")
	flag.Parse()
	if *showVersion {
		fmt.Println(version)
		return
	}

	logs := io.Discard
	if *verbose {
		logs = os.Stderr
	}
	handler := registry.New(
		registry.WithReferrersSupport(true),
		registry.Logger(log.New(logs, "", log.LstdFlags)),
	)

	// Loopback only: the tests must never listen on another address.
	listener, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", *port))
	if err != nil {
		fmt.Fprintf(os.Stderr, "referrers-registry: %v\n", err)
		os.Exit(1)
	}
	fmt.Printf("listening on %s\n", listener.Addr().String())
	if err := http.Serve(listener, handler); err != nil {
		fmt.Fprintf(os.Stderr, "referrers-registry: %v\n", err)
		os.Exit(1)
	}
}
