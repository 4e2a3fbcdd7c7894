package main

// Parsing of the scenario language (docs/scenario-format.md): one command per line or
// per ';', '#' comments, space-separated tokens, double-quoted tokens with Go-style escapes.

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// command is one parsed command: its source line, its text as written, and its tokens.
// quoted[i] tells whether args[i] was written in quotes: an unquoted @N is a reference to the
// N-th generated key (see runner.go), a quoted "@N" is the literal text.
type command struct {
	line   int
	text   string
	args   []string
	quoted []bool
}

// parseScenario splits a scenario into commands. A malformed line (an unterminated quote, a bad
// escape) becomes a command with no tokens and a parse error, so the run can report it with its
// line number and go on, as the format requires.
func parseScenario(src string) []command {
	var cmds []command
	for i, raw := range strings.Split(src, "\n") {
		line := i + 1
		for _, piece := range splitCommands(raw) {
			text := strings.TrimSpace(piece)
			if text == "" {
				continue
			}
			args, quoted, err := tokenize(text)
			c := command{line: line, text: text, args: args, quoted: quoted}
			if err != nil {
				c.args, c.quoted = []string{parseErrorCmd, err.Error()}, []bool{false, false}
			}
			cmds = append(cmds, c)
		}
	}
	return cmds
}

// splitCommands cuts one source line at ';' and drops a '#' comment, both only outside quotes
// and outside the brackets of a composite token (`map[struct{A int8; B string}]bool`).
func splitCommands(raw string) []string {
	var out []string
	start, inQuote, depth := 0, false, 0
	for i := 0; i < len(raw); i++ {
		switch c := raw[i]; {
		case inQuote && c == '\\':
			i++ // the escaped byte cannot end the quote
		case c == '"':
			inQuote = !inQuote
		case !inQuote && (c == '{' || c == '(' || c == '['):
			depth++
		case !inQuote && depth > 0 && (c == '}' || c == ')' || c == ']'):
			depth--
		case !inQuote && depth > 0:
			// inside a composite: ';' and '#' are part of it
		case !inQuote && c == ';':
			out = append(out, raw[start:i])
			start = i + 1
		case !inQuote && c == '#':
			return append(out, raw[start:i])
		}
	}
	return append(out, raw[start:])
}

// parseErrorCmd stands in for the name of a command that could not be tokenized.
const parseErrorCmd = "\x00parse-error"

func tokenize(text string) ([]string, []bool, error) {
	var toks []string
	var quoted []bool
	for i := 0; i < len(text); {
		c := text[i]
		if c == ' ' || c == '\t' {
			i++
			continue
		}
		if c == '"' {
			j := i + 1
			for ; j < len(text) && text[j] != '"'; j++ {
				if text[j] == '\\' {
					j++
				}
			}
			if j >= len(text) {
				return nil, nil, fmt.Errorf("unterminated quote")
			}
			// Go's own unquoting implements exactly the Go-style escapes the format names.
			s, err := strconv.Unquote(text[i : j+1])
			if err != nil {
				return nil, nil, fmt.Errorf("bad quoted token %s", text[i:j+1])
			}
			toks, quoted = append(toks, s), append(quoted, true)
			i = j + 1
			continue
		}
		j := i
		if end := compositeEnd(text, i); end >= 0 {
			j = end
		}
		for j < len(text) && text[j] != ' ' && text[j] != '\t' {
			j++
		}
		toks, quoted = append(toks, text[i:j]), append(quoted, false)
		i = j
	}
	return toks, quoted, nil
}

// compositeEnd: a token that starts with '{', '(' or "map[" runs while brackets are open
// (blanks, ';' and double-quoted strings inside included) and then to the next blank; returns
// its end, or -1 when a bracket stays open (the token is then read up to a blank, as before).
func compositeEnd(text string, i int) int {
	if !(text[i] == '{' || text[i] == '(' || strings.HasPrefix(text[i:], "map[")) {
		return -1
	}
	depth := 0
	for j := i; j < len(text); j++ {
		switch c := text[j]; {
		case c == '"' && depth > 0:
			for j++; j < len(text) && text[j] != '"'; j++ {
				if text[j] == '\\' {
					j++
				}
			}
		case c == '{' || c == '(' || c == '[':
			depth++
		case c == '}' || c == ')' || c == ']':
			depth--
		case depth == 0 && (c == ' ' || c == '\t'):
			return j
		}
		if depth < 0 {
			return -1
		}
	}
	if depth != 0 {
		return -1
	}
	return len(text)
}

// parseInt reads a decimal or 0x-hexadecimal integer with an optional sign. (strconv's base 0
// would also take a leading 0 as octal, which the format does not have.)
func parseInt(s string, bits int) (int64, error) {
	neg := strings.HasPrefix(s, "-")
	body := strings.TrimPrefix(strings.TrimPrefix(s, "-"), "+")
	base := 10
	if strings.HasPrefix(body, "0x") || strings.HasPrefix(body, "0X") {
		base, body = 16, body[2:]
	}
	u, err := strconv.ParseUint(body, base, 64)
	if err != nil {
		return 0, fmt.Errorf("not a number: %q", s)
	}
	limit := uint64(1) << (bits - 1)
	if (!neg && u >= limit) || (neg && u > limit) {
		return 0, fmt.Errorf("%s does not fit in int%d", s, bits)
	}
	if neg {
		return -int64(u), nil
	}
	return int64(u), nil
}

func parseUint(s string, bits int) (uint64, error) {
	body, base := s, 10
	if strings.HasPrefix(body, "0x") || strings.HasPrefix(body, "0X") {
		base, body = 16, body[2:]
	}
	u, err := strconv.ParseUint(body, base, bits)
	if err != nil {
		return 0, fmt.Errorf("not an unsigned %d-bit number: %q", bits, s)
	}
	return u, nil
}

func isSetup(name string) bool {
	switch name {
	case "hasher", "hashkey", "seed", "rand", "hint", "version":
		return true
	}
	return strings.HasPrefix(name, "map[")
}

func countArg(args []string, usage string) (int, error) {
	if len(args) != 1 {
		return 0, fmt.Errorf("usage: %s", usage)
	}
	n, err := parseInt(args[0], 32)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("usage: %s (N a count)", usage)
	}
	return int(n), nil
}

// quoteToken writes s so that the scenario parser reads it back as s.
func quoteToken(s string) string {
	plain := s != "" && !strings.HasPrefix(s, "@") && utf8.ValidString(s)
	for i := 0; plain && i < len(s); i++ {
		c := s[i]
		plain = c > ' ' && c != 0x7f && c != ';' && c != '#' && c != '"' && c != '\\'
	}
	if plain {
		return s
	}
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case escapeByte(&b, c):
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				fmt.Fprintf(&b, `\x%02x`, c)
			} else {
				b.WriteString(s[i : i+size])
			}
			i += size
			continue
		default:
			b.WriteByte(c)
		}
		i++
	}
	b.WriteByte('"')
	return b.String()
}

// escapeByte writes c escaped as inside a quoted token, if it must be: '"' and '\\' take a
// backslash, newline and tab their letters, the other control bytes \xHH. false: c stands as is.
func escapeByte(b *strings.Builder, c byte) bool {
	switch {
	case c == '"' || c == '\\':
		b.WriteByte('\\')
		b.WriteByte(c)
	case c == '\n':
		b.WriteString(`\n`)
	case c == '\t':
		b.WriteString(`\t`)
	case c < ' ' || c == 0x7f:
		fmt.Fprintf(b, `\x%02x`, c)
	default:
		return false
	}
	return true
}

// commandText writes a command whose tokens are given as plain text.
func commandText(name string, toks ...string) string {
	var b strings.Builder
	b.WriteString(name)
	for _, t := range toks {
		b.WriteByte(' ')
		b.WriteString(quoteToken(t))
	}
	return b.String()
}
