//! One line of an allowed-signers file, as OpenSSH reads it
//! (`parse_principals_key_and_options` and `sshsigopt_parse` in `sshsig.c`,
//! `sshkey_read` in `sshkey.c`): the principals word, one word of options,
//! the key.

use ssh_key::PublicKey;

use super::AllowedSigner;
use crate::text;

pub(super) enum Parsed {
    /// A blank line or a comment.
    Nothing,
    Signer(Box<AllowedSigner>),
}

/// Why a line is skipped, and where (column from 1).
pub(super) struct Skipped {
    pub(super) column: usize,
    pub(super) reason: String,
}

fn skipped(column: usize, reason: impl Into<String>) -> Skipped {
    Skipped {
        column,
        reason: reason.into(),
    }
}

fn is_blank(byte: u8) -> bool {
    byte == b' ' || byte == b'\t'
}

/// Index of the first byte at or after `from` that is not a space or tab.
fn skip_blanks(line: &str, from: usize) -> usize {
    let bytes = line.as_bytes();
    let mut at = from;
    while at < bytes.len() && is_blank(bytes[at]) {
        at += 1;
    }
    at
}

/// One line, as OpenSSH's `parse_principals_key_and_options` and
/// `sshsigopt_parse` read it.
pub(super) fn parse_line(line: &str, zone: &jiff::tz::TimeZone) -> Result<Parsed, Skipped> {
    let start = skip_blanks(line, 0);
    if start == line.len() || line[start..].starts_with('#') {
        return Ok(Parsed::Nothing);
    }
    let column = |at: usize| line[..at].chars().count() + 1;
    let (principals, rest) =
        principals_word(line, start).ok_or_else(|| skipped(column(start), text::SIGNERS_INVALID_LINE))?;

    // A key straight after the principals, or one word of options first.
    let (options, key) = match read_key(line, rest) {
        KeyRead::Key(key) => (None, key),
        KeyRead::Certificate => return Err(skipped(column(rest), text::SIGNERS_CERTIFICATE_KEY)),
        KeyRead::NotAKey => {
            let end = options_end(line, rest).ok_or_else(|| skipped(column(rest), text::SIGNERS_BAD_OPTION_QUOTES))?;
            if end == line.len() {
                return Err(skipped(column(rest), text::SIGNERS_MISSING_KEY));
            }
            let key_at = skip_blanks(line, end + 1);
            match read_key(line, key_at) {
                KeyRead::Key(key) => (Some(&line[rest..end]), key),
                KeyRead::Certificate => return Err(skipped(column(key_at), text::SIGNERS_CERTIFICATE_KEY)),
                KeyRead::NotAKey => return Err(skipped(column(key_at), text::SIGNERS_INVALID_KEY)),
            }
        }
    };
    let options = match options {
        Some(options) => parse_options(options, zone).map_err(|reason| skipped(column(rest), reason))?,
        None => Options::default(),
    };
    Ok(Parsed::Signer(Box::new(AllowedSigner {
        principals: principals.split(',').map(str::to_owned).collect(),
        namespaces: options.namespaces,
        key,
        certificate_authority: options.certificate_authority,
        valid_after: options.valid_after,
        valid_before: options.valid_before,
        line: 0,
    })))
}

/// The principals word, as OpenSSH's `strdelimw` takes it: up to a space
/// or tab, or, from a double quote, up to the next double quote (the quote
/// itself dropped). Then where the rest begins; `None` when nothing follows
/// (or the quote is not closed), which ssh-keygen calls an invalid line.
fn principals_word(line: &str, start: usize) -> Option<(String, usize)> {
    let stop = line[start..].find([' ', '\t', '"']).map(|at| start + at)?;
    if line.as_bytes()[stop] == b'"' {
        let close = line[stop + 1..].find('"').map(|at| stop + 1 + at)?;
        let word = format!("{}{}", &line[start..stop], &line[stop + 1..close]);
        return Some((word, skip_blanks(line, close + 1)));
    }
    Some((line[start..stop].to_owned(), skip_blanks(line, stop + 1)))
}

/// Where a word of options ends (a space or tab outside double quotes, or
/// the end of the line), as `sshkey_advance_past_options`; `None` for a
/// quote left open.
fn options_end(line: &str, from: usize) -> Option<usize> {
    let bytes = line.as_bytes();
    let mut quoted = false;
    let mut at = from;
    while at < bytes.len() && (quoted || !is_blank(bytes[at])) {
        if bytes[at] == b'\\' && bytes.get(at + 1) == Some(&b'"') {
            at += 1;
        } else if bytes[at] == b'"' {
            quoted = !quoted;
        }
        at += 1;
    }
    if at >= bytes.len() && quoted {
        None
    } else {
        Some(at.min(bytes.len()))
    }
}

enum KeyRead {
    Key(PublicKey),
    /// A certificate (`...-cert-v01@openssh.com`): ssh-keygen reads it, but
    /// it never equals a signature's plain key.
    Certificate,
    NotAKey,
}

/// A public key at `from`, as `sshkey_read` reads one: a key type, spaces,
/// the base64 key, and anything after it (a comment) ignored.
fn read_key(line: &str, from: usize) -> KeyRead {
    let start = skip_blanks(line, from);
    let Some(type_end) = line[start..].find([' ', '\t']).map(|at| start + at) else {
        return KeyRead::NotAKey;
    };
    let type_name = &line[start..type_end];
    let blob_start = skip_blanks(line, type_end);
    if blob_start == line.len() {
        return KeyRead::NotAKey;
    }
    let blob_end = line[blob_start..]
        .find([' ', '\t'])
        .map_or(line.len(), |at| blob_start + at);
    let blob = &line[blob_start..blob_end];
    if CERTIFICATE_TYPES.contains(&type_name) {
        return KeyRead::Certificate;
    }
    key_type_names(type_name)
        .and_then(|name| PublicKey::from_openssh(&format!("{name} {blob}")).ok())
        .map_or(KeyRead::NotAKey, KeyRead::Key)
}

const CERTIFICATE_TYPES: [&str; 11] = [
    "ssh-ed25519-cert-v01@openssh.com",
    "sk-ssh-ed25519-cert-v01@openssh.com",
    "ssh-rsa-cert-v01@openssh.com",
    "rsa-sha2-256-cert-v01@openssh.com",
    "rsa-sha2-512-cert-v01@openssh.com",
    "ssh-dss-cert-v01@openssh.com",
    "ecdsa-sha2-nistp256-cert-v01@openssh.com",
    "ecdsa-sha2-nistp384-cert-v01@openssh.com",
    "ecdsa-sha2-nistp521-cert-v01@openssh.com",
    "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com",
    "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com",
];

/// The key types a type name on a line may stand for, as ssh-keygen reads
/// them: the full names, and `rsa-sha2-256` and `rsa-sha2-512` for an RSA
/// key. (ssh-keygen 9.2 refuses short names such as `ED25519` here.)
fn key_type_names(name: &str) -> Option<&'static str> {
    const NAMES: [(&str, &str); 10] = [
        ("ssh-ed25519", "ssh-ed25519"),
        ("ssh-rsa", "ssh-rsa"),
        ("rsa-sha2-256", "ssh-rsa"),
        ("rsa-sha2-512", "ssh-rsa"),
        ("ssh-dss", "ssh-dss"),
        ("ecdsa-sha2-nistp256", "ecdsa-sha2-nistp256"),
        ("ecdsa-sha2-nistp384", "ecdsa-sha2-nistp384"),
        ("ecdsa-sha2-nistp521", "ecdsa-sha2-nistp521"),
        ("sk-ssh-ed25519@openssh.com", "sk-ssh-ed25519@openssh.com"),
        (
            "sk-ecdsa-sha2-nistp256@openssh.com",
            "sk-ecdsa-sha2-nistp256@openssh.com",
        ),
    ];
    NAMES
        .iter()
        .find(|(written, _)| *written == name)
        .map(|(_, full)| *full)
}

#[derive(Debug, Default, PartialEq, Eq)]
struct Options {
    certificate_authority: bool,
    namespaces: Option<String>,
    valid_after: Option<jiff::Timestamp>,
    valid_before: Option<jiff::Timestamp>,
}

/// `name=` at the start of `options`, in any case (OpenSSH's `opt_match`).
fn option_value<'a>(options: &'a str, name: &str) -> Option<&'a str> {
    let head = options.get(..name.len())?;
    let rest = &options[name.len()..];
    (head.eq_ignore_ascii_case(name) && rest.starts_with('=')).then(|| &rest[1..])
}

/// A double-quoted value, `\"` standing for a quote (OpenSSH's
/// `opt_dequote`): the value, and what follows the closing quote.
fn dequote<'a>(text: &'a str, name: &str) -> Result<(String, &'a str), String> {
    let Some(inner) = text.strip_prefix('"') else {
        return Err(text::signers_unquoted_option(name));
    };
    let mut value = String::new();
    let mut characters = inner.char_indices().peekable();
    while let Some((at, character)) = characters.next() {
        match character {
            '\\' if characters.peek().is_some_and(|(_, next)| *next == '"') => {
                value.push('"');
                characters.next();
            }
            '"' => return Ok((value, &inner[at + 1..])),
            _ => value.push(character),
        }
    }
    Err(text::signers_unclosed_option(name))
}

/// The options word, as OpenSSH's `sshsigopt_parse` reads it.
fn parse_options(word: &str, zone: &jiff::tz::TimeZone) -> Result<Options, String> {
    let mut options = Options::default();
    let mut rest = word;
    while !rest.is_empty() {
        if rest
            .get(..CERT_AUTHORITY.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(CERT_AUTHORITY))
        {
            options.certificate_authority = true;
            rest = &rest[CERT_AUTHORITY.len()..];
        } else if let Some(value) = option_value(rest, "namespaces") {
            if options.namespaces.is_some() {
                return Err(text::signers_repeated_option("namespaces"));
            }
            let (namespaces, after) = dequote(value, "namespaces")?;
            options.namespaces = Some(namespaces);
            rest = after;
        } else if let Some(value) = option_value(rest, "valid-after") {
            if options.valid_after.is_some() {
                return Err(text::signers_repeated_option("valid-after"));
            }
            let (time, after) = dequote(value, "valid-after")?;
            options.valid_after = Some(
                absolute_time(&time, zone).ok_or_else(|| text::signers_bad_time(&format!("valid-after=\"{time}\"")))?,
            );
            rest = after;
        } else if let Some(value) = option_value(rest, "valid-before") {
            if options.valid_before.is_some() {
                return Err(text::signers_repeated_option("valid-before"));
            }
            let (time, after) = dequote(value, "valid-before")?;
            options.valid_before = Some(
                absolute_time(&time, zone)
                    .ok_or_else(|| text::signers_bad_time(&format!("valid-before=\"{time}\"")))?,
            );
            rest = after;
        }
        if rest.is_empty() {
            break;
        }
        let Some(next) = rest.strip_prefix(',') else {
            let name = rest.split(['=', ',']).next().unwrap_or(rest);
            return Err(text::signers_unknown_option(name));
        };
        if next.is_empty() {
            return Err(text::SIGNERS_END_OF_OPTIONS.to_owned());
        }
        rest = next;
    }
    if let (Some(after), Some(before)) = (options.valid_after, options.valid_before)
        && before <= after
    {
        return Err(text::SIGNERS_BEFORE_AFTER.to_owned());
    }
    Ok(options)
}

const CERT_AUTHORITY: &str = "cert-authority";

/// A time in an allowed-signers file, its quotes taken off: `YYYYMMDD`,
/// `YYYYMMDDHHMM` or `YYYYMMDDHHMMSS`, in the system's time zone, or in UTC
/// when it ends in `Z` or `UTC`, in either case (OpenSSH's `parse_absolute_time`).
pub(super) fn absolute_time(value: &str, zone: &jiff::tz::TimeZone) -> Option<jiff::Timestamp> {
    let upper = value.to_ascii_uppercase();
    let (digits, utc) = if upper.len() > 1 && upper.ends_with('Z') {
        (&value[..value.len() - 1], true)
    } else if upper.len() > 3 && upper.ends_with("UTC") {
        (&value[..value.len() - 3], true)
    } else {
        (value, false)
    };
    if !digits.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    let full = match digits.len() {
        8 => format!("{digits}000000"),
        12 => format!("{digits}00"),
        14 => digits.to_owned(),
        _ => return None,
    };
    let civil = jiff::civil::DateTime::strptime("%Y%m%d%H%M%S", &full).ok()?;
    let zone = if utc { jiff::tz::TimeZone::UTC } else { zone.clone() };
    civil.to_zoned(zone).ok().map(|zoned| zoned.timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signer_times_read_as_ssh_keygen_reads_them() {
        use std::str::FromStr;
        let london_summer = jiff::tz::TimeZone::fixed(jiff::tz::offset(1));
        let at = |text: &str| jiff::Timestamp::from_str(text).unwrap();
        assert_eq!(
            absolute_time("20260701", &london_summer),
            Some(at("2026-06-30T23:00:00Z")),
            "a date is midnight in the system's zone"
        );
        assert_eq!(
            absolute_time("20260701Z", &london_summer),
            Some(at("2026-07-01T00:00:00Z"))
        );
        assert_eq!(
            absolute_time("202607011230", &london_summer),
            Some(at("2026-07-01T11:30:00Z"))
        );
        assert_eq!(
            absolute_time("20260701123045Z", &london_summer),
            Some(at("2026-07-01T12:30:45Z"))
        );
        assert_eq!(
            absolute_time("20260701utc", &london_summer),
            Some(at("2026-07-01T00:00:00Z")),
            "UTC, in either case, as OpenSSH reads it"
        );
        for refused in ["2026-07-01", "20261301", "2026070", "", "20260701X"] {
            assert_eq!(absolute_time(refused, &london_summer), None, "{refused}");
        }
        // Unquoted, as ssh-keygen will not read it either.
        assert!(parse_options("valid-after=20200101", &london_summer).is_err());
        assert!(parse_options("valid-after=\"20200101\"", &london_summer).is_ok());
    }
}
