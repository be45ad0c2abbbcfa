package decode

import "testing"

func TestSniff(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  string
		file string
		want format
	}{
		{"text", sample, "", formatText},
		{"text named .txt", sample, "a.txt", formatText},
		{"zip", "PK\x03\x04rest", "", formatDocx},
		{"empty zip", "PK\x05\x06", "", formatDocx},
		{"zip named .txt", "PK\x03\x04rest", "报告.txt", formatDocx},
		{"pdf", "%PDF-1.7\n", "报告.docx", formatPDF},
		{"ole", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00", "报告.doc", formatOLE},
		{"rtf", `{\rtf1\ansi`, "报告.doc", formatRTF},
		{"doctype", "<!DOCTYPE html><p>报告", "", formatHTML},
		{"doctype lower, leading space", " \r\n<!doctype html>", "", formatHTML},
		{"html", "<HTML><body>报告", "", formatHTML},
		{"bom then html", "\xEF\xBB\xBF<html>", "", formatHTML},
		{"utf-16 html", string(utf16Bytes("<html><body>报告</body></html>", false, true)), "", formatHTML},
		{"utf-16be html", string(utf16Bytes("\n<!DOCTYPE html>", true, true)), "", formatHTML},
		{"comment then head", "<!-- saved from url=(0030)http://www.example.gov.cn/ -->\n<head><meta charset=gbk>", "", formatHTML},
		{"markup without page tags", "<p>报告</p>", "", formatText},
		{"markup without page tags, named .html", "<p>报告</p>", "报告.HTML", formatHTML},
		{"text named .htm", "报告全文", "报告.htm", formatText},
		{"word html saved as .doc", "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\">", "报告.doc", formatHTML},
		{"text named .doc", sample, "报告.doc", formatText},
		{"text named .docx", sample, "报告.docx", formatNotZip},
		{"html named .docx", "<!doctype html>", "报告.docx", formatHTML},
		{"mht", "From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n", "", formatMHT},
		{"mime, not a page", "MIME-Version: 1.0\r\nContent-Type: text/plain\r\n", "", formatText},
		{"mht named", "报告", "a.mhtml", formatMHT},
		{"text that mentions html", "报告中提到 <html> 标签", "", formatText},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := sniff([]byte(tc.src), tc.file); got != tc.want {
				t.Errorf("sniff = %d, want %d", got, tc.want)
			}
		})
	}
}

func TestRefused(t *testing.T) {
	for _, tc := range []struct {
		name, src, file string
		parts           []string
	}{
		{"doc", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00", "报告.doc", []string{".doc", "已损坏", "另存为 .docx"}},
		{"rtf", `{\rtf1\ansi\ansicpg936`, "", []string{"RTF", "另存为 .docx 或 .txt"}},
		{"mht without a page", "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n", "", []string{".mht", "MIME", "仅 HTML"}},
		{"rtf named .doc", `{\rtf1\ansi\ansicpg936`, "报告.doc", []string{"RTF", "另存为 .docx 或 .txt"}},
		{"not a docx", sample, "报告.docx", []string{"扩展名是 .docx", "重新另存为 .docx"}},
		{"binary", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "报告.png", []string{"二进制"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Bytes([]byte(tc.src), Options{Name: tc.file})
			if err == nil {
				t.Fatalf("no error; decoded %q", got.Text)
			}
			wantErr(t, err, tc.parts...)
		})
	}
}
