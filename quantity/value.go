package quantity

import "math/big"

// value returns the exact value of n: mantissa × 10^(scale − decimals).
func (sc *scanner) value(n *number) *big.Rat {
	e := n.scale - n.decimals
	if n.mant == nil && n.small >= 0 {
		v := n.small
		for ; e > 0 && v <= (1<<62)/10; e-- {
			v *= 10
		}
		for ; e < 0 && v%10 == 0 && v != 0; e++ {
			v /= 10
		}
		if e == 0 {
			return sc.ratInt(uint64(v))
		}
		if e < 0 && e >= -18 {
			d := int64(1)
			for ; e < 0; e++ {
				d *= 10
			}
			return new(big.Rat).SetFrac64(v, d)
		}
		n.mant = big.NewInt(v)
	}
	m := n.mant
	if m == nil {
		m = new(big.Int)
	}
	r := new(big.Rat).SetInt(m)
	return r.Mul(r, pow10(e))
}

// ratInt returns a Rat holding v. Its storage comes from chunks the scanner
// allocates for many values at once: a report states hundreds of quantities,
// and two allocations for each (the Rat and its digits) were a third of the
// time Extract took. Each Rat owns its one-word slice (capped, so arithmetic
// that needs more reallocates), so callers may change it freely.
func (sc *scanner) ratInt(v uint64) *big.Rat {
	if uint64(big.Word(v)) != v { // 32-bit words
		return new(big.Rat).SetUint64(v)
	}
	if len(sc.rats) == cap(sc.rats) {
		n := min(max(sc.chunk, 1), 64)
		sc.rats, sc.words = make([]big.Rat, 0, n), make([]big.Word, 0, n)
	}
	sc.rats = sc.rats[:len(sc.rats)+1]
	r := &sc.rats[len(sc.rats)-1]
	sc.words = append(sc.words, big.Word(v))
	k := len(sc.words)
	r.Num().SetBits(sc.words[k-1 : k : k])
	return r
}

// pow10 returns 10**n as a Rat; n may be negative.
func pow10(n int) *big.Rat {
	if n >= 0 {
		return new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil))
	}
	return new(big.Rat).SetFrac(big.NewInt(1), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(-n)), nil))
}
