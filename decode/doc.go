package decode

import (
	"encoding/binary"
	"io"
	"sort"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/richardlehane/mscfb"
	"golang.org/x/text/encoding/charmap"
)

// Word 97–2003 (.doc) and WPS 文字 (.wps) files are compound files (MS-CFB)
// holding a WordDocument stream, whose File Information Block (FIB) points
// at the piece table (the CLX) in the 0Table or 1Table stream. The
// container is read with github.com/richardlehane/mscfb; the text, as
// [MS-DOC] §2.4.1 "Retrieving Text" says, here.

var (
	errDocDamaged = &Error{Reason: "这个 Word 97–2003 文档(.doc/.wps)已损坏,无法读取;请用 Word 或 WPS 打开后另存为 .docx 再检查"}
	errEncrypted  = &Error{Reason: "这个文档设有打开密码(已加密),无法读取;请用 Word 或 WPS 打开,取消密码后另存为 .docx 再检查"}
	errWord95     = &Error{Reason: "这是 Word 6.0/95 格式的旧文档,无法读取;请用 Word 或 WPS 打开后另存为 .docx 再检查"}
	errWorks      = &Error{Reason: "这是 Microsoft Works 的文字处理文档(.wps),不是 WPS 文字的文件,无法读取;请用 Word 或 WPS 打开后另存为 .docx 再检查"}
)

// decodeOLE reads a compound file: a .doc or .wps; other Office files
// stored the same way are named so that the user knows what they have.
func decodeOLE(src []byte, opt Options) (*Text, error) {
	if fatLoops(src) {
		return nil, errDocDamaged
	}
	r, err := mscfb.New(padSectors(src))
	if err != nil {
		return nil, errDocDamaged
	}
	streams := map[string]*mscfb.File{}
	for {
		f, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, errDocDamaged
		}
		if len(f.Path) == 0 { // top-level entries only
			streams[f.Name] = f
		}
		if len(streams) > newLimits(opt).entries {
			return nil, errDocDamaged
		}
	}
	word := streams["WordDocument"]
	switch {
	case word != nil:
	case streams["EncryptedPackage"] != nil || streams["EncryptionInfo"] != nil:
		return nil, errEncrypted // a .docx with a password is a compound file
	case streams["MatOST"] != nil || streams["CONTENTS"] != nil && streams["SPELLING"] != nil, streams["CONTENTS"] != nil:
		return nil, errWorks
	case streams["Workbook"] != nil || streams["Book"] != nil:
		return nil, &Error{Reason: "这是 Excel 表格(.xls),不是 Word 文档;请把报告正文另存为 .docx 或 .txt"}
	case streams["PowerPoint Document"] != nil:
		return nil, &Error{Reason: "这是 PowerPoint 演示文稿(.ppt),不是 Word 文档;请把报告正文另存为 .docx 或 .txt"}
	default:
		return nil, &Error{Reason: "这是 Office 复合文档,但其中没有 Word 正文(WordDocument),不是 .doc/.wps 文档;请另存为 .docx 或 .txt 后再检查"}
	}
	limit := int64(len(src))
	wd, err := readStream(word, limit)
	if err != nil {
		return nil, err
	}
	fib, err := readFIB(wd)
	if err != nil {
		return nil, err
	}
	table := streams[fib.table]
	if table == nil {
		return nil, errDocDamaged
	}
	tb, err := readStream(table, limit)
	if err != nil {
		return nil, err
	}
	pieces, err := readPieces(tb, fib, int64(len(wd)))
	if err != nil {
		return nil, err
	}
	text, headings := docText(wd, pieces, fib.ccpText, readPapx(wd, tb, fib))
	if strings.TrimSpace(text) == "" {
		return nil, emptyIn(".doc 中没有文字;如果正文是图片或扫描件,请先转换为文字")
	}
	return &Text{Text: text, Encoding: "UTF-16LE", Format: "doc", Headings: headings}, nil
}

// padSectors returns src as a ReaderAt whose size is a whole number of
// sectors: WPS writes some files whose last sector is cut short, and the
// missing bytes are past the end of every stream.
func padSectors(src []byte) io.ReaderAt {
	size := int64(512)
	if len(src) >= 0x20 && binary.LittleEndian.Uint16(src[0x1E:]) == 12 {
		size = 4096
	}
	n := (int64(len(src)) + size - 1) / size * size
	return padded{b: src, size: n}
}

type padded struct {
	b    []byte
	size int64
}

func (p padded) ReadAt(q []byte, off int64) (int, error) {
	if off < 0 || off >= p.size {
		return 0, io.EOF
	}
	n := 0
	if off < int64(len(p.b)) {
		n = copy(q, p.b[off:])
	}
	m := int(min(int64(len(q)), p.size-off))
	clear(q[n:m])
	if m < len(q) {
		return m, io.EOF
	}
	return m, nil
}

// fatLoops reports whether the file allocation table of a compound file
// chains a sector back to itself. mscfb catches a loop in the directory's
// chain, but reads a stream's looping chain round and round up to the size
// the directory declares: the text would come out repeated, or garbled.
// Every chain is followed once, so this is linear in the table's size.
func fatLoops(src []byte) bool {
	if len(src) < 512 {
		return false
	}
	shift := binary.LittleEndian.Uint16(src[0x1E:])
	if shift != 9 && shift != 12 {
		return false // mscfb refuses it
	}
	ss := 1 << shift
	sector := func(n uint32) []byte {
		off := (int64(n) + 1) * int64(ss)
		if n >= 0xFFFFFFFA || off+int64(ss) > int64(len(src)) {
			return nil
		}
		return src[off : off+int64(ss)]
	}
	// The FAT's sectors: 109 in the header, the rest in the DIFAT chain.
	var fatSectors []uint32
	for i := 0; i < 109; i++ {
		fatSectors = append(fatSectors, binary.LittleEndian.Uint32(src[0x4C+4*i:]))
	}
	next := binary.LittleEndian.Uint32(src[0x44:])
	for n := binary.LittleEndian.Uint32(src[0x48:]); n > 0 && len(fatSectors) <= len(src)/4; n-- {
		b := sector(next)
		if b == nil {
			break
		}
		for i := 0; i+4 < len(b); i += 4 {
			fatSectors = append(fatSectors, binary.LittleEndian.Uint32(b[i:]))
		}
		next = binary.LittleEndian.Uint32(b[len(b)-4:])
	}
	var fat []uint32
	for _, n := range fatSectors[:min(len(fatSectors), int(binary.LittleEndian.Uint32(src[0x2C:])))] {
		b := sector(n)
		for i := 0; i+4 <= len(b); i += 4 {
			fat = append(fat, binary.LittleEndian.Uint32(b[i:]))
		}
	}
	const (
		unseen = iota
		onPath
		done
	)
	state := make([]uint8, len(fat))
	n := uint32(len(fat))
	for i := range fat {
		if state[i] != unseen {
			continue
		}
		j := uint32(i)
		for j < n && state[j] == unseen {
			state[j] = onPath
			j = fat[j]
		}
		if j < n && state[j] == onPath {
			return true
		}
		for k := uint32(i); k < n && state[k] == onPath; k = fat[k] {
			state[k] = done
		}
	}
	return false
}

// readStream reads a whole stream, which cannot be larger than the file.
func readStream(f *mscfb.File, limit int64) ([]byte, error) {
	if f.Size < 0 || f.Size > limit {
		return nil, errDocDamaged
	}
	b := make([]byte, f.Size)
	if _, err := io.ReadFull(f, b); err != nil {
		return nil, errDocDamaged
	}
	return b, nil
}

// fib is what is used of the File Information Block.
type fib struct {
	table         string // "0Table" or "1Table"
	ccpText       uint32 // characters in the main document
	fcClx, lcbClx uint32
	fcBtePapx     uint32 // the paragraphs' properties, for their styles
	lcbBtePapx    uint32
}

// readFIB reads the FIB at the start of the WordDocument stream
// ([MS-DOC] §2.5.1).
func readFIB(wd []byte) (fib, error) {
	var f fib
	if len(wd) < 34 {
		return f, errDocDamaged
	}
	ident, nFib, flags := binary.LittleEndian.Uint16(wd), binary.LittleEndian.Uint16(wd[2:]), binary.LittleEndian.Uint16(wd[0x0A:])
	switch {
	case ident == 0xA5DB: // Word 2
		return f, errWord95
	case ident != 0xA5EC:
		return f, errDocDamaged
	case flags&0x0100 != 0: // fEncrypted (RC4, or XOR when fObfuscated)
		return f, errEncrypted
	case nFib < 0xC0: // Word 6 is 101, Word 95 104; Word 97 and later 193 or more
		return f, errWord95
	}
	f.table = "0Table"
	if flags&0x0200 != 0 { // fWhichTblStm
		f.table = "1Table"
	}
	// FibBase (32 bytes), then csw and fibRgW, cslw and fibRgLw, cbRgFcLcb
	// and fibRgFcLcbBlob.
	pos := 32
	csw := int(binary.LittleEndian.Uint16(wd[pos:]))
	pos += 2 + 2*csw
	if pos+2 > len(wd) {
		return f, errDocDamaged
	}
	cslw := int(binary.LittleEndian.Uint16(wd[pos:]))
	lw := pos + 2
	pos = lw + 4*cslw
	if cslw < 4 || pos+2 > len(wd) {
		return f, errDocDamaged
	}
	f.ccpText = binary.LittleEndian.Uint32(wd[lw+12:])
	cb := int(binary.LittleEndian.Uint16(wd[pos:]))
	blob := pos + 2
	const clx = 33 // fcClx's pair in FibRgFcLcb97
	if cb <= clx || blob+8*cb > len(wd) {
		return f, errDocDamaged
	}
	f.fcClx = binary.LittleEndian.Uint32(wd[blob+8*clx:])
	f.lcbClx = binary.LittleEndian.Uint32(wd[blob+8*clx+4:])
	const btePapx = 13 // fcPlcfBtePapx's pair
	f.fcBtePapx = binary.LittleEndian.Uint32(wd[blob+8*btePapx:])
	f.lcbBtePapx = binary.LittleEndian.Uint32(wd[blob+8*btePapx+4:])
	return f, nil
}

// A piece is a run of characters stored together ([MS-DOC] §2.9.177 Pcd).
type piece struct {
	cpStart, cpEnd uint32 // character positions
	fc             uint32 // byte offset in WordDocument
	compressed     bool   // 8-bit (cp1252) rather than UTF-16LE
}

// readPieces reads the piece table of the CLX in the table stream, and
// checks that every piece lies inside the WordDocument stream (of wdLen
// bytes).
func readPieces(tb []byte, f fib, wdLen int64) ([]piece, error) {
	if int64(f.fcClx)+int64(f.lcbClx) > int64(len(tb)) || f.lcbClx == 0 {
		return nil, errPieces
	}
	clx := tb[f.fcClx : f.fcClx+f.lcbClx]
	// Skip the Prcs (clxt 1: property modifiers), then the Pcdt (clxt 2).
	for len(clx) > 0 && clx[0] == 0x01 {
		if len(clx) < 3 {
			return nil, errPieces
		}
		n := int(int16(binary.LittleEndian.Uint16(clx[1:])))
		if n < 0 || 3+n > len(clx) {
			return nil, errPieces
		}
		clx = clx[3+n:]
	}
	if len(clx) < 5 || clx[0] != 0x02 {
		return nil, errPieces
	}
	lcb := binary.LittleEndian.Uint32(clx[1:])
	plc := clx[5:]
	if int64(lcb) > int64(len(plc)) || lcb < 16 || (lcb-4)%12 != 0 {
		return nil, errPieces
	}
	n := int((lcb - 4) / 12)
	pcds := plc[4*(n+1):]
	pieces := make([]piece, 0, n)
	var total int64 // bytes the pieces cover
	for i := 0; i < n; i++ {
		p := piece{cpStart: binary.LittleEndian.Uint32(plc[4*i:]), cpEnd: binary.LittleEndian.Uint32(plc[4*i+4:])}
		fc := binary.LittleEndian.Uint32(pcds[8*i+2:])
		p.compressed = fc&0x40000000 != 0
		p.fc = fc & 0x3FFFFFFF
		if p.compressed {
			p.fc /= 2
		}
		if p.cpEnd < p.cpStart {
			return nil, errPieces
		}
		size := int64(p.cpEnd - p.cpStart)
		if !p.compressed {
			size *= 2
		}
		// Word stores each character once: pieces that add up to more than
		// the stream would repeat its bytes (a bomb).
		if total += size; int64(p.fc)+size > wdLen || total > wdLen {
			return nil, errPieces
		}
		pieces = append(pieces, p)
	}
	return pieces, nil
}

var errPieces = &Error{Reason: "这个 Word 97–2003 文档(.doc/.wps)的文字索引(piece table)已损坏,指向文档之外;请用 Word 或 WPS 打开后另存为 .docx 再检查"}

// cp1252 decodes the bytes of compressed pieces ([MS-DOC] §2.4.1: the few
// bytes where the mapping differs from cp1252 are C1 controls that no
// report has).
var cp1252 = charmap.Windows1252

// docText assembles the main document, characters [0, ccpText), from the
// pieces, one line per paragraph, and returns it with the heading levels
// its paragraphs' styles give (see papx.level).
//
// Paragraph marks (13), cell and row marks (7) and page or section breaks
// (12) end a paragraph, manual line breaks (11) a line. A field (19 code 20
// result 21, nested) keeps its result and drops its code; a field without
// a result leaves nothing. Tabs stay; the non-breaking hyphen (30) is a
// hyphen; other control characters (pictures, note references, the
// optional hyphen) are dropped.
func docText(wd []byte, pieces []piece, ccpText uint32, styles papx) (string, map[int]int) {
	var b strings.Builder
	var headings map[int]int
	line, first := 1, 0 // the line being written; the paragraph's first line with text
	var fields []bool   // open fields, innermost last: true while in its code
	inCode := func() bool {
		for _, c := range fields {
			if c {
				return true
			}
		}
		return false
	}
	emit := func(r rune, fc uint32) {
		switch r {
		case 19:
			fields = append(fields, true)
			return
		case 20:
			if len(fields) > 0 {
				fields[len(fields)-1] = false
			}
			return
		case 21:
			if len(fields) > 0 {
				fields = fields[:len(fields)-1]
			}
			return
		}
		if inCode() {
			return
		}
		switch {
		case r == 13 || r == 7 || r == 12:
			if lv := styles.level(fc); lv > 0 && first > 0 {
				if headings == nil {
					headings = map[int]int{}
				}
				headings[first] = lv
			}
			b.WriteByte('\n')
			line, first = line+1, 0
		case r == 11:
			b.WriteByte('\n')
			line++
		case r == '\t':
			b.WriteByte('\t')
		case r == 30:
			b.WriteByte('-')
		case r < 0x20, r == 0xFEFF:
		default:
			if first == 0 && !unicode.IsSpace(r) {
				first = line
			}
			b.WriteRune(r)
		}
	}
	for _, p := range pieces {
		if p.cpStart >= ccpText {
			continue
		}
		end := min(p.cpEnd, ccpText)
		n := int(end - p.cpStart)
		if p.compressed {
			for i, c := range wd[p.fc : int(p.fc)+n] {
				fc := p.fc + uint32(i)
				if c < 0x80 {
					emit(rune(c), fc)
				} else {
					emit(cp1252.DecodeByte(c), fc)
				}
			}
			continue
		}
		s := wd[p.fc : int(p.fc)+2*n]
		for i := 0; i+1 < len(s); i += 2 {
			r := rune(binary.LittleEndian.Uint16(s[i:]))
			if utf16.IsSurrogate(r) {
				if i+3 < len(s) {
					if c := utf16.DecodeRune(r, rune(binary.LittleEndian.Uint16(s[i+2:]))); c != utf8.RuneError {
						emit(c, p.fc+uint32(i))
						i += 2
						continue
					}
				}
				continue // an unpaired surrogate: nothing to show
			}
			emit(r, p.fc+uint32(i))
		}
	}
	out := b.String()
	if out != "" && !strings.HasSuffix(out, "\n") {
		out += "\n"
	}
	return out, headings
}

// papx maps the file positions of paragraphs to their styles: runs of
// positions [fc[i], fc[i+1]) in style istd[i], from the paragraph
// property pages (PapxFkp) of the PlcBtePapx.
type papx struct {
	fc   []uint32
	istd []uint16
}

// level is the heading level (1–4) of the paragraph whose mark is at fc,
// or 0. Word gives the built-in heading styles fixed indexes: istd 1–9
// are 标题 1–9 (heading 1–9) whatever the document's language.
func (p papx) level(fc uint32) int {
	i := sort.Search(len(p.istd), func(i int) bool { return p.fc[i+1] > fc })
	if i < len(p.istd) && p.fc[i] <= fc && 1 <= p.istd[i] && p.istd[i] <= 4 {
		return int(p.istd[i])
	}
	return 0
}

// readPapx reads the paragraph styles ([MS-DOC] §2.8.5 PlcBtePapx,
// §2.9.175 PapxFkp). Damage here costs only the heading hints.
func readPapx(wd, tb []byte, f fib) papx {
	var p papx
	if f.lcbBtePapx < 8 || int64(f.fcBtePapx)+int64(f.lcbBtePapx) > int64(len(tb)) || (f.lcbBtePapx-4)%8 != 0 {
		return p
	}
	plc := tb[f.fcBtePapx : f.fcBtePapx+f.lcbBtePapx]
	n := int((f.lcbBtePapx - 4) / 8)
	for i := 0; i < n; i++ {
		pn := binary.LittleEndian.Uint32(plc[4*(n+1)+4*i:]) & 0x3FFFFF
		off := int64(pn) * 512
		if off+512 > int64(len(wd)) {
			return papx{}
		}
		fkp := wd[off : off+512]
		crun := int(fkp[511])
		if 4*(crun+1)+13*crun > 511 {
			return papx{}
		}
		for j := 0; j < crun; j++ {
			start, end := binary.LittleEndian.Uint32(fkp[4*j:]), binary.LittleEndian.Uint32(fkp[4*j+4:])
			var istd uint16
			if bx := 2 * int(fkp[4*(crun+1)+13*j]); bx > 0 && bx+3 < 511 {
				at := bx + 1 // after cb
				if fkp[bx] == 0 {
					at++ // cb 0, then cb'
				}
				if at+2 <= 511 {
					istd = binary.LittleEndian.Uint16(fkp[at:])
				}
			}
			if len(p.fc) > 0 && start < p.fc[len(p.fc)-1] || end < start {
				return papx{} // out of order: not to be trusted
			}
			if len(p.fc) == 0 || p.fc[len(p.fc)-1] != start {
				if len(p.fc) > 0 { // a gap: no style there
					p.istd = append(p.istd, 0)
				}
				p.fc = append(p.fc, start)
			}
			p.fc = append(p.fc, end)
			p.istd = append(p.istd, istd)
		}
	}
	return p
}
