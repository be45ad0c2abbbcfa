package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

func TestServeRefusesPublicAddr(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:0", ":0", "192.168.1.10:8080", "example.com:80", "[::]:0"} {
		code, _, errOut := ducha(t, "serve", "--addr", addr)
		if code != exitTrouble || !strings.Contains(errOut, "--public") {
			t.Errorf("--addr %s: exit %d, stderr %q; want 2 and a hint at --public", addr, code, errOut)
		}
	}
	for _, args := range [][]string{{"--addr", "8080"}, {"--max-size", "big"}, {"extra"}} {
		if code, _, _ := ducha(t, append([]string{"serve"}, args...)...); code != exitTrouble {
			t.Errorf("serve %v: exit %d, want 2", args, code)
		}
	}
	for _, addr := range []string{"127.0.0.1:8080", "localhost:0", "[::1]:0", "127.0.0.5:1"} {
		if err := checkLoopback(addr); err != nil {
			t.Errorf("%s refused: %v", addr, err)
		}
	}
}

// TestServeCommand starts ducha serve on a free loopback port, loads the
// page, and stops it as Ctrl-C would.
func TestServeCommand(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	exit := make(chan int, 1)
	go func() {
		c := &cli{ctx: ctx, stdin: strings.NewReader(""), stdout: io.Discard, stderr: pw, getenv: func(string) string { return "" }}
		exit <- c.run([]string{"serve", "--addr", "127.0.0.1:0"})
		pw.Close()
	}()
	rd := bufio.NewReader(pr)
	line, err := rd.ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	url := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`).FindString(line)
	if url == "" {
		t.Fatalf("no URL in %q", line)
	}
	go io.Copy(io.Discard, rd)
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Errorf("page: %d", res.StatusCode)
	}
	cancel()
	if code := <-exit; code != exitOK {
		t.Errorf("exit %d after Ctrl-C", code)
	}
	if _, err := http.Get(url); err == nil {
		t.Error("still serving after Ctrl-C")
	}
}
