//! Hides secrets in text that is shown to the user or stored (error excerpts, `import_runs.error_detail`).
//!
//! A supplier may echo what it received, raw or escaped in JSON once or several times: `\"`, `\/`,
//! `\\`, `\n`, `\u00e7` (or `\uD83D\uDE00`) for any character. [`mask`] finds a secret in every such form:
//! it compares the secret and the text after the same normalisation ([`normalised`]: JSON escapes
//! decoded, runs of backslashes treated as one escape, whitespace and control runs as one space), and also
//! raw, then replaces each occurrence's *original* bytes by a placeholder. Its result is checked again and
//! masked once more (or emptied) if a secret could still be read in it: "no secret survives, whatever the
//! escaping".
//!
//! Mask first, cut afterwards: [`excerpt`] masks the whole start of a reply and only then shortens it, so a
//! secret that straddles the cut cannot leak in part.

/// What an excerpt shows at most (characters).
pub const EXCERPT_CHARS: usize = 160;
/// How much of a reply an excerpt reads (bytes): the rest is never shown.
pub const EXCERPT_SCAN_BYTES: usize = 64 * 1024;

/// Placeholder characters, the first one that occurs in no secret is used (three times).
const PLACEHOLDERS: [char; 6] = ['•', '*', '#', '~', '^', '='];

/// One character of the normalised text and the bytes of the original it came from.
#[derive(Clone, Copy, Debug)]
struct Tok {
    start: usize,
    end: usize,
    ch: char,
}

fn hex4(cs: &[(usize, char)], at: usize) -> Option<u32> {
    if at + 4 > cs.len() {
        return None;
    }
    let mut v = 0u32;
    for &(_, c) in &cs[at..at + 4] {
        v = v * 16 + c.to_digit(16)?;
    }
    Some(v)
}

/// After a backslash at `cs[at - 1]`: `u` + 4 hex digits at `at`?
fn unicode_escape(cs: &[(usize, char)], at: usize) -> Option<u32> {
    match cs.get(at) {
        Some((_, 'u')) => hex4(cs, at + 1),
        _ => None,
    }
}

/// The text as a list of normalised characters with their original byte spans (see the module docs).
fn tokens(text: &str) -> Vec<Tok> {
    let cs: Vec<(usize, char)> = text.char_indices().collect();
    let n = cs.len();
    let byte = |k: usize| if k < n { cs[k].0 } else { text.len() };
    let mut raw: Vec<Tok> = Vec::with_capacity(n);
    let mut i = 0;
    while i < n {
        let start = cs[i].0;
        if cs[i].1 != '\\' {
            raw.push(Tok {
                start,
                end: byte(i + 1),
                ch: cs[i].1,
            });
            i += 1;
            continue;
        }
        // A run of backslashes (`\u005c` counts as one) is one escape, however many levels deep.
        let mut j = i;
        loop {
            if j < n && cs[j].1 == '\\' {
                j += 1;
            } else if j > i && unicode_escape(&cs, j) == Some(0x5c) {
                j += 5;
            } else {
                break;
            }
        }
        if j >= n {
            // Trailing backslashes: nothing to read.
            break;
        }
        let (ch, next) = match cs[j].1 {
            'u' => match hex4(&cs, j + 1) {
                Some(unit) => decode_unit(&cs, unit, j + 5),
                None => ('u', j + 1),
            },
            'n' => ('\n', j + 1),
            't' => ('\t', j + 1),
            'r' => ('\r', j + 1),
            'b' => ('\u{8}', j + 1),
            'f' => ('\u{c}', j + 1),
            other => (other, j + 1),
        };
        raw.push(Tok {
            start,
            end: byte(next),
            ch,
        });
        i = next;
    }
    // Whitespace and control characters: one space per run.
    let mut out: Vec<Tok> = Vec::with_capacity(raw.len());
    for t in raw {
        let blank = t.ch.is_whitespace() || t.ch.is_control();
        match out.last_mut() {
            Some(last) if blank && last.ch == ' ' && last.end == t.start => last.end = t.end,
            _ => out.push(Tok {
                ch: if blank { ' ' } else { t.ch },
                ..t
            }),
        }
    }
    out
}

/// A `\uXXXX` unit whose digits end before `cs[after]`: a character, or a surrogate pair with the next
/// escape, or U+FFFD. Returns the character and where reading goes on.
fn decode_unit(cs: &[(usize, char)], unit: u32, after: usize) -> (char, usize) {
    if (0xD800..0xDC00).contains(&unit) {
        let mut k = after;
        while k < cs.len() && cs[k].1 == '\\' {
            k += 1;
        }
        if k > after {
            if let Some(low) = unicode_escape(cs, k).filter(|l| (0xDC00..0xE000).contains(l)) {
                let c = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                return (char::from_u32(c).unwrap_or('\u{FFFD}'), k + 5);
            }
        }
        return ('\u{FFFD}', after);
    }
    (char::from_u32(unit).unwrap_or('\u{FFFD}'), after)
}

/// The normalised form of `text` that [`mask`] compares: JSON escapes decoded (any depth), whitespace
/// and control runs as one space. Public for tests and fuzzing.
pub fn normalised(text: &str) -> String {
    tokens(text).iter().map(|t| t.ch).collect()
}

fn secrets_of<'a>(secrets: &'a [&'a str]) -> impl Iterator<Item = &'a str> + 'a {
    secrets.iter().copied().filter(|s| !s.is_empty())
}

fn placeholder(secrets: &[&str]) -> String {
    PLACEHOLDERS
        .iter()
        .find(|p| secrets_of(secrets).all(|s| !s.contains(**p) && !normalised(s).contains(**p)))
        .map(|p| p.to_string().repeat(3))
        .unwrap_or_default()
}

/// `s` as JSON writes it inside a string: quotes, backslashes and controls escaped; `/` as `\/` if
/// `slash`; every non-ASCII character as `\uXXXX` (surrogate pairs beyond the BMP) if `ascii`.
fn json_escaped(s: &str, slash: bool, ascii: bool) -> String {
    let quoted = serde_json::to_string(s).unwrap_or_default();
    let inner = quoted.get(1..quoted.len().saturating_sub(1)).unwrap_or_default();
    let mut out = String::with_capacity(inner.len());
    for c in inner.chars() {
        match c {
            '/' if slash => out.push_str("\\/"),
            c if ascii && !c.is_ascii() => {
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{u:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// The secret escaped once, twice and three times over, in the variants encoders use. Searched
/// literally, besides the normalised search: decoding the text cannot always tell where an escape ends
/// (`\\n` before a secret, a secret ending in `\u00` before hex digits), its escaped forms can.
fn escaped_forms(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for slash in [false, true] {
        for ascii in [false, true] {
            let mut cur = s.to_string();
            for _ in 0..3 {
                cur = json_escaped(&cur, slash, ascii);
                if cur != s {
                    out.push(cur.clone());
                }
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether a secret can still be read in `text`, raw or in any escaped form.
pub fn reveals(text: &str, secrets: &[&str]) -> bool {
    let norm = normalised(text);
    secrets_of(secrets).any(|s| {
        let ns = normalised(s);
        text.contains(s)
            || (!ns.is_empty() && norm.contains(&ns))
            || escaped_forms(s).iter().any(|f| text.contains(f.as_str()))
    })
}

/// Byte spans of `text` holding a secret, raw or escaped, merged and sorted.
fn spans(text: &str, secrets: &[&str]) -> Vec<(usize, usize)> {
    let toks = tokens(text);
    let chars: Vec<char> = toks.iter().map(|t| t.ch).collect();
    let mut found = Vec::new();
    for s in secrets_of(secrets) {
        for form in std::iter::once(s.to_string()).chain(escaped_forms(s)) {
            let mut from = 0;
            while let Some(k) = text[from..].find(form.as_str()) {
                found.push((from + k, from + k + form.len()));
                from += k + form.chars().next().map_or(1, char::len_utf8);
            }
        }
        let ns: Vec<char> = normalised(s).chars().collect();
        if ns.is_empty() || ns.len() > chars.len() {
            continue;
        }
        for i in 0..=chars.len() - ns.len() {
            if chars[i] == ns[0] && chars[i..i + ns.len()] == ns[..] {
                found.push((toks[i].start, toks[i + ns.len() - 1].end));
            }
        }
    }
    found.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (a, b) in found {
        match merged.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    merged
}

fn replace_spans(text: &str, spans: &[(usize, usize)], placeholder: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for &(a, b) in spans {
        out.push_str(&text[at..a]);
        out.push_str(placeholder);
        at = b;
    }
    out.push_str(&text[at..]);
    out
}

/// `text` with every occurrence of every secret (raw, or escaped in JSON at any depth) replaced by `•••`
/// (another placeholder if a secret contains `•`). Empty secrets are ignored. Whatever the input, no
/// secret can be read in the result ([`reveals`] is false); in the worst case the result is empty.
pub fn mask(text: &str, secrets: &[&str]) -> String {
    if secrets_of(secrets).next().is_none() {
        return text.to_string();
    }
    let ph = placeholder(secrets);
    let mut out = text.to_string();
    for _ in 0..4 {
        let found = spans(&out, secrets);
        if found.is_empty() {
            return out;
        }
        out = replace_spans(&out, &found, &ph);
    }
    if reveals(&out, secrets) {
        String::new()
    } else {
        out
    }
}

/// The start of `text` when a secret may continue past its end (the text was cut): the last characters
/// that could be the beginning of a secret are dropped, so no part of one is shown.
fn drop_possible_prefix<'a>(text: &'a str, secrets: &[&str]) -> &'a str {
    let longest = secrets_of(secrets)
        .map(|s| s.chars().count().max(normalised(s).chars().count()))
        .max()
        .unwrap_or(0);
    if longest == 0 {
        return text;
    }
    let toks = tokens(text);
    if toks.len() <= longest {
        return "";
    }
    &text[..toks[toks.len() - longest].start]
}

/// A short, printable start of a reply for "unexpected reply" messages: secrets masked in the whole
/// start (up to [`EXCERPT_SCAN_BYTES`]) first, then control characters and blank runs made one space,
/// then cut to [`EXCERPT_CHARS`]. `(empty)` for an empty or blank reply.
pub fn excerpt(bytes: &[u8], secrets: &[&str]) -> String {
    let cut = bytes.len() > EXCERPT_SCAN_BYTES;
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(EXCERPT_SCAN_BYTES)]);
    let text = if cut {
        drop_possible_prefix(&text, secrets)
    } else {
        &text
    };
    let masked = mask(text, secrets);
    let flat: String = masked.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let mut s: String = flat
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(EXCERPT_CHARS)
        .collect();
    if reveals(&s, secrets) {
        s = mask(&s, secrets);
    }
    if s.trim().is_empty() {
        "(empty)".into()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PW: &str = "Senha-Conceição#2026";

    /// JSON-escapes `s` as serde_json does, optionally with `\/` and every non-ASCII character as `\u`.
    fn escape(s: &str, slash: bool, ascii: bool) -> String {
        let mut out = String::new();
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '/' if slash => out.push_str("\\/"),
                '\n' => out.push_str("\\n"),
                c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
                c if ascii && !c.is_ascii() => {
                    let mut buf = [0u16; 2];
                    for u in c.encode_utf16(&mut buf) {
                        out.push_str(&format!("\\u{u:04x}"));
                    }
                }
                c => out.push(c),
            }
        }
        out
    }

    #[test]
    fn raw_and_escaped_forms_are_masked() {
        assert_eq!(mask("bad pass s3cret!", &["s3cret!"]), "bad pass •••");
        let escaped = r#"{"password":"Senha-Concei\u00e7\u00e3o#2026"}"#;
        assert_eq!(mask(escaped, &[PW]), r#"{"password":"•••"}"#);
        // Upper-case hex, `\/`, `\"` and `\\` inside the secret.
        let pw = r#"a/b"c\d-ç"#;
        for text in [
            r#"x a\/b\"c\\d-\u00E7 y"#.to_string(),
            format!("x {} y", escape(pw, true, true)),
            format!("x {} y", escape(&escape(pw, true, true), true, false)),
            format!(
                "x {} y",
                escape(&escape(&escape(pw, false, true), true, true), false, false)
            ),
        ] {
            let m = mask(&text, &[pw]);
            assert!(!reveals(&m, &[pw]), "{text} → {m}");
            assert!(
                m.starts_with("x ") && m.ends_with(" y") && m.contains("•••"),
                "{text} → {m}"
            );
        }
        // Astral characters as surrogate pairs.
        assert_eq!(mask(r#"k=\ud83d\ude00!z"#, &["😀!"]), "k=•••z");
    }

    #[test]
    fn whitespace_and_control_variants_are_masked() {
        let m = mask("user: minha\tsenha  secreta.", &["minha senha secreta"]);
        assert_eq!(m, "user: •••.");
        assert!(!reveals(
            &mask("minha\\nsenha secreta", &["minha senha secreta"]),
            &["minha senha secreta"]
        ));
    }

    #[test]
    fn a_secret_containing_the_placeholder_gets_another_one() {
        let m = mask("a • b", &["•"]);
        assert_eq!(m, "a *** b");
        assert_eq!(mask("abc", &[""]), "abc");
        assert_eq!(mask("abc", &[]), "abc");
    }

    #[test]
    fn a_secret_straddling_the_cut_does_not_leak_in_part() {
        for pad in 140..170 {
            let body = format!("{}{PW} and more text after it", "x".repeat(pad));
            let e = excerpt(body.as_bytes(), &[PW]);
            assert!(e.chars().count() <= EXCERPT_CHARS);
            for k in 4..PW.len() {
                if let Some(prefix) = PW.get(..k) {
                    assert!(!e.ends_with(prefix), "pad {pad}: {e}");
                }
            }
        }
        // Escaped, straddling the cut.
        let body = format!(r#"{{"message":"{}Senha-Concei\u00e7\u00e3o#2026"}}"#, " y".repeat(70));
        let e = excerpt(body.as_bytes(), &[PW]);
        assert!(!e.contains("Senha") && !e.contains("Concei"), "{e}");
    }

    #[test]
    fn a_secret_at_the_scan_limit_does_not_leak_in_part() {
        let mut body = " ".repeat(EXCERPT_SCAN_BYTES - 6).into_bytes();
        body.extend_from_slice(PW.as_bytes());
        let e = excerpt(&body, &[PW]);
        assert!(!e.contains("Senha") && !e.contains("Sen"), "{e}");
    }

    /// Found by fuzzing: an escape next to the secret swallows its edge when the text is decoded.
    #[test]
    fn a_secret_next_to_an_escape_is_still_masked() {
        let t = mask(r#"{"path":"C:\\nova\"senha"}"#, &[r#"nova"senha"#]);
        assert!(!t.contains(r#"nova\"senha"#) && t.contains("•••"), "{t}");
        let t = mask(r#"{"pw":"ab\\u00e9"}"#, &[r"ab\u00"]);
        assert!(!t.contains(r"ab\\u00"), "{t}");
        assert!(!reveals(&t, &[r"ab\u00"]));
    }

    #[test]
    fn excerpt_flattens_and_cuts() {
        let e = excerpt(b"<html>\n<body>bad pass s3cret!</body>", &["s3cret!"]);
        assert_eq!(e, "<html> <body>bad pass •••</body>");
        assert_eq!(excerpt(b"", &[]), "(empty)");
        assert_eq!(excerpt(b" \n\t", &[]), "(empty)");
        assert_eq!(excerpt(&[b'a'; 1000], &[]).len(), EXCERPT_CHARS);
        assert_eq!(excerpt(&[0xff, 0xfe, b'o', b'k'], &[]), "\u{FFFD}\u{FFFD}ok");
    }

    /// A small deterministic generator: secrets and surroundings of every kind of character, escaped 0 to
    /// 3 times in random styles; nothing of the secret may remain readable.
    #[test]
    fn no_secret_survives_whatever_the_escaping() {
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let alphabet: Vec<char> = "aZ9 -_/\\\"'çãé€😀\n\tu{}:,".chars().collect();
        for _ in 0..3000 {
            let len = 1 + (next() % 12) as usize;
            let secret: String = (0..len)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect();
            if secret.trim().is_empty() {
                continue;
            }
            let mut enc = secret.clone();
            for _ in 0..next() % 4 {
                enc = escape(&enc, next() % 2 == 0, next() % 2 == 0);
            }
            let around: String = (0..(next() % 30))
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect();
            let (a, b) = around.split_at(around.char_indices().nth(around.chars().count() / 2).map_or(0, |x| x.0));
            let text = format!("{a}{enc}{b}");
            let m = mask(&text, &[&secret]);
            assert!(!reveals(&m, &[&secret]), "secret {secret:?} in {text:?} → {m:?}");
            let e = excerpt(text.as_bytes(), &[&secret]);
            assert!(
                !reveals(&e, &[&secret]),
                "secret {secret:?} in excerpt of {text:?} → {e:?}"
            );
        }
    }
}
