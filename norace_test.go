//go:build !race

package ducha_test

const raceEnabled = false
