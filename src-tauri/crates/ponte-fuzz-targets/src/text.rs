//! The targets over short texts: Wooba's dates, CPF/CNPJ, pasted tokens, URLs, CSV cells.

use chrono::Offset;
use ponte_core::documents::{format_cnpj, format_cpf, normalize, validate_cnpj, validate_cpf};
use ponte_core::sales_csv::inert;
use ponte_core::tokens::{clean_pasted, MAX_TOKEN_CHARS};
use ponte_core::url_rules;
use secrecy::ExposeSecret;

use ponte_core::zone::Zone;

use crate::ZONES;

/// Texts longer than this are ignored (a token may be up to 4096 characters: longer ones must be refused).
pub const MAX_TEXT_BYTES: usize = 16 * 1024;

fn text(data: &[u8], max: usize) -> Option<std::borrow::Cow<'_, str>> {
    (data.len() <= max).then(|| String::from_utf8_lossy(data))
}

/// Wooba's `/Date(ms±hhmm)/` ([`ponte_suppliers::wooba::parse_date`]), as given and wrapped in `/Date(…)/`:
/// a date it accepts survives the round trip through its canonical form, and whatever the mapping then
/// does with it (its day in any agency's zone, RFC 3339) never panics.
pub fn wooba_date(data: &[u8]) {
    let Some(s) = text(data, 256) else { return };
    for candidate in [s.to_string(), format!("/Date({s})/")] {
        let Some(d) = ponte_suppliers::wooba::parse_date(&candidate) else {
            continue;
        };
        let off = d.offset().fix().local_minus_utc();
        let sign = if off < 0 { '-' } else { '+' };
        let canonical = format!(
            "/Date({}{sign}{:02}{:02})/",
            d.timestamp_millis(),
            off.abs() / 3600,
            off.abs() % 3600 / 60
        );
        let again = ponte_suppliers::wooba::parse_date(&canonical)
            .unwrap_or_else(|| panic!("{candidate:?} was accepted but its canonical form {canonical:?} is not"));
        assert_eq!(again, d, "{candidate:?} → {canonical:?}: not the same instant");
        assert_eq!(
            again.offset(),
            d.offset(),
            "{candidate:?} → {canonical:?}: not the same offset"
        );
        for name in ZONES {
            let tz = Zone::named(name).expect("the built-in time zone database has these");
            let _ = tz.date_of(&d).map(|d| d.format("%Y-%m-%d").to_string());
        }
        let _ = d.to_rfc3339();
    }
}

/// CPF and CNPJ: a valid document is its input without punctuation (upper-cased), has the right length
/// and alphabet, and formatting it round-trips (the formatted text validates to the same document). No
/// text is both a CPF and a CNPJ.
pub fn documents(data: &[u8]) {
    let Some(s) = text(data, 256) else { return };
    let cpf = validate_cpf(&s);
    let cnpj = validate_cnpj(&s);
    if let Ok(n) = &cpf {
        assert_eq!(n, &normalize(&s), "a valid CPF is its normalized input");
        assert!(
            n.len() == 11 && n.bytes().all(|b| b.is_ascii_digit()),
            "CPF {n:?}: 11 digits"
        );
        let f = format_cpf(n);
        assert_eq!(f.len(), 14, "formatted CPF {f:?}");
        assert_eq!(validate_cpf(&f).as_ref(), Ok(n), "formatted CPF {f:?} round-trips");
        assert!(cnpj.is_err(), "{s:?} is both a CPF and a CNPJ");
    }
    if let Ok(n) = &cnpj {
        assert_eq!(n, &normalize(&s), "a valid CNPJ is its normalized input");
        assert!(
            n.len() == 14 && n.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_uppercase()),
            "CNPJ {n:?}: 14 digits or capital letters"
        );
        assert!(
            n[12..].bytes().all(|b| b.is_ascii_digit()),
            "CNPJ {n:?}: numeric check digits"
        );
        let f = format_cnpj(n);
        assert_eq!(f.len(), 18, "formatted CNPJ {f:?}");
        assert_eq!(validate_cnpj(&f).as_ref(), Ok(n), "formatted CNPJ {f:?} round-trips");
    }
}

/// A pasted PayTourist token ([`ponte_core::tokens::clean_pasted`]): what is kept has no whitespace, only
/// printable ASCII, at most [`MAX_TOKEN_CHARS`] characters, is a piece of the input (never longer), and is
/// already clean (cleaning it again changes nothing and says nothing); a notice is given exactly when
/// something was removed.
pub fn token_clean(data: &[u8]) {
    let Some(pasted) = text(data, MAX_TEXT_BYTES) else {
        return;
    };
    let Ok((token, notices)) = clean_pasted(&pasted) else {
        return;
    };
    let t = token.expose_secret();
    assert!(!t.is_empty(), "an empty token was accepted");
    assert!(!t.chars().any(char::is_whitespace), "token {t:?} has whitespace");
    assert!(
        t.bytes().all(|b| b.is_ascii_graphic()),
        "token {t:?} has a character no token has"
    );
    assert!(t.len() <= pasted.len(), "the token is longer than what was pasted");
    assert!(t.chars().count() <= MAX_TOKEN_CHARS, "an over-long token was accepted");
    assert!(pasted.contains(t), "the token is not a piece of what was pasted");
    assert_eq!(
        notices.is_empty(),
        t == pasted,
        "a notice iff something was removed: {notices:?}"
    );
    let (again, notices) = clean_pasted(t).expect("a clean token stays valid");
    assert_eq!(again.expose_secret(), t, "cleaning is idempotent");
    assert!(notices.is_empty(), "a clean token gets no notice");
}

/// An address typed by a user ([`ponte_core::url_rules::check`]): what is accepted is the input trimmed,
/// without whitespace, parses, is https (or http to this machine only), has a host and no credentials,
/// and is accepted again as it is.
pub fn url_rules(data: &[u8]) {
    let Some(s) = text(data, 4096) else { return };
    let Ok(u) = url_rules::check(&s) else { return };
    assert_eq!(u, s.trim(), "an accepted address is its input trimmed");
    assert!(
        !u.chars().any(char::is_whitespace),
        "accepted address {u:?} has whitespace"
    );
    let url = url::Url::parse(&u).unwrap_or_else(|e| panic!("accepted address {u:?} does not parse: {e}"));
    match url.scheme() {
        "https" => {}
        "http" => assert!(url_rules::is_loopback(&url), "plain http to another machine: {u:?}"),
        other => panic!("scheme {other:?} accepted: {u:?}"),
    }
    assert!(url.host().is_some(), "accepted address {u:?} has no host");
    assert!(
        url.username().is_empty() && url.password().is_none(),
        "credentials accepted: {u:?}"
    );
    assert_eq!(
        url_rules::check(&u),
        Ok(u.clone()),
        "an accepted address is accepted again"
    );
}

/// Characters that make a spreadsheet cell a formula.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The CSV export's text cells ([`ponte_core::sales_csv::inert`]) written with the export's writer (`,` and
/// `;`) and read back: no cell starts a formula, a harmless text is written as it is, a dangerous one
/// only gains a leading `'`, and every cell reads back as written. The input is split into cells at
/// U+001F (unit separator).
pub fn csv_cells(data: &[u8]) {
    let Some(s) = text(data, 8 * 1024) else { return };
    let cells: Vec<&str> = s.split('\u{1f}').take(32).collect();
    let written: Vec<String> = cells.iter().map(|c| inert(c).into_owned()).collect();
    for (cell, out) in cells.iter().zip(&written) {
        assert!(!out.starts_with(FORMULA_START), "cell {out:?} starts a formula");
        if cell.starts_with(FORMULA_START) {
            assert_eq!(out, &format!("'{cell}"), "a dangerous cell only gains a leading '");
        } else {
            assert_eq!(out, cell, "a harmless cell is written as it is");
        }
    }
    for separator in [b',', b';'] {
        let mut w = csv::WriterBuilder::new().delimiter(separator).from_writer(Vec::new());
        w.write_record(&written).expect("a record writes to memory");
        let bytes = w.into_inner().expect("flushed");
        let mut r = csv::ReaderBuilder::new()
            .delimiter(separator)
            .has_headers(false)
            .flexible(true)
            .from_reader(bytes.as_slice());
        let records: Vec<csv::StringRecord> = r.records().map(|x| x.expect("our own CSV reads back")).collect();
        assert_eq!(
            records.len(),
            1,
            "one record in, one out: {:?}",
            String::from_utf8_lossy(&bytes)
        );
        let back: Vec<&str> = records[0].iter().collect();
        assert_eq!(back, written, "cells read back as written");
        for c in &back {
            assert!(!c.starts_with(FORMULA_START), "cell {c:?} read back starts a formula");
        }
    }
}

/// JSON escaping as servers do it: serde_json's (quotes, backslashes, controls), optionally with `\/` and
/// with every non-ASCII character as `\uXXXX` (UTF-16, surrogate pairs for astral ones).
fn json_escape(s: &str, slash: bool, ascii: bool) -> String {
    let quoted = serde_json::to_string(s).expect("a string serializes");
    let mut out = String::new();
    for c in quoted[1..quoted.len() - 1].chars() {
        match c {
            '/' if slash => out.push_str("\\/"),
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

/// The excerpt masker ([`ponte_suppliers::mask`]): no secret survives, whatever the escaping. The first
/// byte sets the secret's length, the second how it is embedded; the secret is taken from the start of
/// the rest and embedded — raw, or JSON-escaped once, twice or three times in any style — in the middle of
/// what remains. Neither the masked text nor the excerpt may hold the secret raw or in any of those forms.
pub fn mask(data: &[u8]) {
    let (Some(&len), Some(&mode), Some(rest)) = (data.first(), data.get(1), data.get(2..)) else {
        return;
    };
    if rest.len() > 4096 {
        return;
    }
    let rest = String::from_utf8_lossy(rest);
    let len = 1 + usize::from(len % 32);
    let split = rest.char_indices().nth(len).map_or(rest.len(), |(i, _)| i);
    let (secret, around) = rest.split_at(split);
    if secret.trim().is_empty() {
        return;
    }
    let mut forms = vec![secret.to_string()];
    for (slash, ascii) in [(false, false), (true, false), (false, true), (true, true)] {
        let once = json_escape(secret, slash, ascii);
        let twice = json_escape(&once, slash, ascii);
        let thrice = json_escape(&twice, slash, ascii);
        forms.extend([once, twice, thrice]);
    }
    forms.sort();
    forms.dedup();
    let embedded = &forms[usize::from(mode) % forms.len()];
    let middle = around
        .char_indices()
        .nth(around.chars().count() / 2)
        .map_or(around.len(), |(i, _)| i);
    let text = format!("{}{embedded}{}", &around[..middle], &around[middle..]);

    let secrets = [secret];
    let masked = ponte_suppliers::mask::mask(&text, &secrets);
    let excerpt = ponte_suppliers::mask::excerpt(text.as_bytes(), &secrets);
    // "(empty)" is what an excerpt says when nothing is left to show: a fixed text, not the secret.
    let excerpt = if excerpt == "(empty)" { String::new() } else { excerpt };
    for (what, out) in [("masked text", &masked), ("excerpt", &excerpt)] {
        for form in &forms {
            assert!(
                !out.contains(form.as_str()),
                "{what} {out:?} holds secret {secret:?} as {form:?}"
            );
        }
        assert!(
            !ponte_suppliers::mask::reveals(out, &secrets),
            "{what} {out:?} reveals {secret:?}"
        );
    }
}
