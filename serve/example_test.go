package serve_test

import (
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"

	"github.com/ducha-dev/ducha"
	"github.com/ducha-dev/ducha/serve"
)

// The handler mounted under /ducha/ in an integrator's own server.
func ExampleNew() {
	linter, err := ducha.Default()
	if err != nil {
		log.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/ducha/", http.StripPrefix("/ducha", serve.New(serve.Options{Linter: linter})))
	// In production: serve.Server("127.0.0.1:8080", mux).ListenAndServe()
	srv := httptest.NewServer(mux)
	defer srv.Close()
	res, err := http.Get(srv.URL + "/ducha/")
	if err != nil {
		log.Fatal(err)
	}
	res.Body.Close()
	fmt.Println(res.StatusCode, res.Header.Get("Content-Type"))
	// Output: 200 text/html; charset=utf-8
}
