//! Allowed-signers files, read as `ssh-keygen -Y verify` reads them
//! (ssh-keygen(1), ALLOWED SIGNERS; OpenSSH's `sshsig.c`):
//!
//! `principals [options] KEY-TYPE KEY [comment]`, where
//! - `principals` is one word (or one double-quoted run) of comma-separated
//!   patterns (`*`, `?`), a `!` before one excluding what it matches: `!sam,*`
//!   allows anyone but sam;
//! - `options` is one word (double quotes keep spaces and commas inside a
//!   value): `cert-authority`, `namespaces="..."` (a pattern list, `!` too),
//!   `valid-after="..."`, `valid-before="..."`, each at most once and each
//!   value in double quotes; anything else makes ssh-keygen skip the line.
//!
//! A line ssh-keygen would skip is skipped here too, with a warning naming
//! it (`path:line:column`): the rest of the file still counts, as it does
//! for ssh-keygen. A `cert-authority` line allows only signatures made with
//! SSH certificates, which casebook does not check, so it allows nothing
//! and says so; it does not spoil the file.

use std::path::Path;

use ssh_key::PublicKey;

use super::format::NAMESPACE;
use crate::folder::files::{Links, read_limited};
use crate::text;

/// An allowed-signers file: one line per signer.
const SIGNERS_FILE_LIMIT: u64 = 4 * 1024 * 1024;

/// One line of an allowed-signers file that ssh-keygen reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AllowedSigner {
    /// The principals exactly as written: a comma-separated pattern list
    /// (`alex@example.org`, `*@example.org`, `!sam,*`). Never a name to
    /// show as it is: see [`principals_for`].
    pub principals: String,
    /// From `namespaces="..."`: a pattern list; `None` allows every namespace.
    pub namespaces: Option<String>,
    pub key: PublicKey,
    /// `cert-authority`: the key signs certificates, and allows no plain key.
    pub certificate_authority: bool,
    /// From `valid-after=` and `valid-before=`: when the key may be used,
    /// as `ssh-keygen -Y verify` checks it (against the time of checking).
    pub valid_after: Option<jiff::Timestamp>,
    pub valid_before: Option<jiff::Timestamp>,
    /// Its line in the file, from 1.
    pub line: usize,
}

/// An allowed-signers file as read: the lines that count, and a warning for
/// each line skipped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AllowedSigners {
    pub signers: Vec<AllowedSigner>,
    pub warnings: Vec<String>,
}

impl AllowedSigner {
    fn valid_at(&self, now: jiff::Timestamp) -> bool {
        self.valid_after.is_none_or(|after| now >= after) && self.valid_before.is_none_or(|before| now <= before)
    }

    /// The key itself (a `cert-authority` line allows no plain key).
    fn is_key(&self, key: &PublicKey) -> bool {
        !self.certificate_authority && self.key.key_data() == key.key_data()
    }

    fn for_reviews(&self) -> bool {
        self.namespaces
            .as_deref()
            .is_none_or(|namespaces| match_pattern_list(NAMESPACE, namespaces) == Match::Yes)
    }

    /// Whether this line allows `key` to sign casebook reviews as
    /// `principal` at `now`: what `ssh-keygen -Y verify -I PRINCIPAL -n
    /// casebook-review` asks of each line.
    pub fn allows(&self, key: &PublicKey, principal: &str, now: jiff::Timestamp) -> bool {
        match_pattern_list(principal, &self.principals) == Match::Yes
            && self.is_key(key)
            && self.for_reviews()
            && self.valid_at(now)
    }
}

/// Reads an allowed-signers file (`ssh-keygen(1)`, ALLOWED SIGNERS). Only a
/// file that cannot be read is an error; a line ssh-keygen would skip is
/// skipped, with a warning.
pub fn read_allowed_signers(path: &Path) -> Result<AllowedSigners, String> {
    read_allowed_signers_in(path, &jiff::tz::TimeZone::system())
}

/// As `read_allowed_signers`, with times without `Z` read in `zone`.
pub fn read_allowed_signers_in(path: &Path, zone: &jiff::tz::TimeZone) -> Result<AllowedSigners, String> {
    let bytes = read_limited(path, SIGNERS_FILE_LIMIT, Links::Follow)
        .map_err(|problem| text::signers_unreadable(path, &problem.reason()))?;
    Ok(parse_allowed_signers(path, &String::from_utf8_lossy(&bytes), zone))
}

/// The lines of an allowed-signers file's text; `path` only names it in warnings.
pub fn parse_allowed_signers(path: &Path, content: &str, zone: &jiff::tz::TimeZone) -> AllowedSigners {
    let mut file = AllowedSigners::default();
    for (index, line) in content.lines().enumerate() {
        let number = index + 1;
        match parse_line(line, zone) {
            Ok(Parsed::Nothing) => {}
            Ok(Parsed::Signer(signer)) => {
                let signer = AllowedSigner {
                    line: number,
                    ..*signer
                };
                if signer.certificate_authority {
                    let column = first_column(line);
                    file.warnings.push(text::signers_certificate_line(path, number, column));
                }
                file.signers.push(signer);
            }
            Err(Skipped { column, reason }) => {
                file.warnings
                    .push(text::signers_line_skipped(path, number, column, &reason));
            }
        }
    }
    file
}

/// Whether `ssh-keygen -Y verify -I PRINCIPAL -n casebook-review` would
/// accept `key` as `principal` by this file at `now`.
pub fn verifies(signers: &[AllowedSigner], key: &PublicKey, principal: &str, now: jiff::Timestamp) -> bool {
    signers.iter().any(|signer| signer.allows(key, principal, now))
}

/// Whom the file allows `key` to sign reviews as, at `now`, to show: each
/// principal that is a plain name (no pattern, not excluded by its line),
/// and for a line of patterns only, a phrase saying it is a pattern. Lines
/// whose `valid-after`/`valid-before` leave `now` out give none.
pub fn principals_for(signers: &[AllowedSigner], key: &PublicKey, now: jiff::Timestamp) -> Vec<String> {
    let mut shown: Vec<String> = Vec::new();
    for signer in signers
        .iter()
        .filter(|signer| signer.is_key(key) && signer.for_reviews() && signer.valid_at(now))
    {
        let names: Vec<&str> = signer
            .principals
            .split(',')
            .filter(|name| !name.is_empty() && !name.starts_with('!') && !name.contains(['*', '?']))
            .filter(|name| match_pattern_list(name, &signer.principals) == Match::Yes)
            .collect();
        let found = if names.is_empty() {
            vec![text::signers_pattern_identity(&signer.principals)]
        } else {
            names.into_iter().map(str::to_owned).collect()
        };
        for name in found {
            if !shown.contains(&name) {
                shown.push(name);
            }
        }
    }
    shown
}

/// Whether the file names the key for reviews at some time, if not now:
/// to say "no longer (or not yet) allowed" rather than "unknown".
pub fn allowed_at_another_time(signers: &[AllowedSigner], key: &PublicKey) -> bool {
    signers.iter().any(|signer| signer.is_key(key) && signer.for_reviews())
}

/// Column (from 1) of a line's first character that is not a space or tab.
fn first_column(line: &str) -> usize {
    line.len() - line.trim_start_matches([' ', '\t']).len() + 1
}

enum Parsed {
    /// A blank line or a comment.
    Nothing,
    Signer(Box<AllowedSigner>),
}

/// Why a line is skipped, and where (column from 1).
struct Skipped {
    column: usize,
    reason: String,
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
fn parse_line(line: &str, zone: &jiff::tz::TimeZone) -> Result<Parsed, Skipped> {
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
        principals,
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
fn absolute_time(value: &str, zone: &jiff::tz::TimeZone) -> Option<jiff::Timestamp> {
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

/// What a pattern list says of a string (OpenSSH's `match_pattern_list`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    /// A pattern matched, and no `!pattern` did.
    Yes,
    /// Nothing matched.
    No,
    /// A `!pattern` matched: refused, whatever else matches.
    Excluded,
}

/// `list`: comma-separated patterns, `!` before one to exclude what it
/// matches. Case matters, as it does for principals and namespaces.
pub fn match_pattern_list(text: &str, list: &str) -> Match {
    let mut matched = false;
    for pattern in list.split(',') {
        let (negated, pattern) = match pattern.strip_prefix('!') {
            Some(pattern) => (true, pattern),
            None => (false, pattern),
        };
        if matches_pattern(pattern, text) {
            if negated {
                return Match::Excluded;
            }
            matched = true;
        }
    }
    if matched { Match::Yes } else { Match::No }
}

/// ssh's patterns: `*` any run, `?` any one character.
fn matches_pattern(pattern: &str, text: &str) -> bool {
    let pattern: Vec<char> = pattern.chars().collect();
    let text: Vec<char> = text.chars().collect();
    let (mut p, mut t) = (0, 0);
    let (mut star, mut resume) = (None, 0);
    while t < text.len() {
        if p < pattern.len() && (pattern[p] == '?' || pattern[p] == text[t]) {
            p += 1;
            t += 1;
        } else if p < pattern.len() && pattern[p] == '*' {
            star = Some(p);
            resume = t;
            p += 1;
        } else if let Some(at) = star {
            p = at + 1;
            resume += 1;
            t = resume;
        } else {
            return false;
        }
    }
    pattern[p..].iter().all(|character| *character == '*')
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJdD7y3aLq454yWBdwLWbieU1ebz9/cu7/QEXn9OIeZJ";

    fn read(content: &str) -> AllowedSigners {
        parse_allowed_signers(Path::new("signers"), content, &jiff::tz::TimeZone::UTC)
    }

    fn key() -> PublicKey {
        PublicKey::from_openssh(KEY).unwrap()
    }

    #[test]
    fn patterns_match_as_ssh_matches_them() {
        assert!(matches_pattern("casebook-*", "casebook-review"));
        assert!(matches_pattern("*", "casebook-review"));
        assert!(matches_pattern("casebook-revie?", "casebook-review"));
        assert!(!matches_pattern("git", "casebook-review"));
        assert!(!matches_pattern("casebook", "casebook-review"));
    }

    #[test]
    fn a_negated_pattern_excludes_whatever_else_matches() {
        assert_eq!(match_pattern_list("sam", "!sam,*"), Match::Excluded);
        assert_eq!(match_pattern_list("alex", "!sam,*"), Match::Yes);
        assert_eq!(
            match_pattern_list("casebook-review", "!casebook-review,*"),
            Match::Excluded
        );
        assert_eq!(match_pattern_list("git", "casebook-*"), Match::No);
    }

    #[test]
    fn a_pattern_is_never_shown_as_a_name() {
        let file = read(&format!("!sam,* {KEY}\nalex@example.org,!sam,*@example.org {KEY}\n"));
        assert!(file.warnings.is_empty(), "{:?}", file.warnings);
        let shown = principals_for(&file.signers, &key(), jiff::Timestamp::now());
        assert_eq!(
            shown,
            vec![text::signers_pattern_identity("!sam,*"), "alex@example.org".to_owned()]
        );
        assert!(!verifies(&file.signers, &key(), "sam", jiff::Timestamp::now()));
        assert!(verifies(
            &file.signers,
            &key(),
            "alex@example.org",
            jiff::Timestamp::now()
        ));
    }

    #[test]
    fn a_bad_line_is_skipped_with_its_place_and_the_rest_still_counts() {
        let file = read(&format!(
            "# signers\n\n  alex namespces=\"casebook-review\" {KEY}\nsam cert-authority {KEY}\nkim {KEY} kim's key\n"
        ));
        assert_eq!(file.warnings.len(), 2, "{:?}", file.warnings);
        assert!(file.warnings[0].starts_with("signers:3:8: "), "{}", file.warnings[0]);
        assert!(file.warnings[0].contains("namespces"), "{}", file.warnings[0]);
        assert!(file.warnings[1].starts_with("signers:4:1: "), "{}", file.warnings[1]);
        assert!(file.warnings[1].contains("cert-authority"), "{}", file.warnings[1]);
        let now = jiff::Timestamp::now();
        assert!(!verifies(&file.signers, &key(), "alex", now));
        assert!(
            !verifies(&file.signers, &key(), "sam", now),
            "a certificate authority allows no plain key"
        );
        assert!(verifies(&file.signers, &key(), "kim", now));
    }

    #[test]
    fn options_are_refused_as_ssh_keygen_refuses_them() {
        let now = jiff::Timestamp::now();
        for options in [
            "namespaces=casebook-review",
            "namespaces=\"casebook-review\",namespaces=\"casebook-review\"",
            "namespaces=\"!casebook-review,*\"",
            "namespaces=\"casebook-review\",",
            "namespaces=\"casebook-review\" valid-after=\"20200101\"",
            "valid-after=\"20300101\",valid-before=\"20200101\"",
            "namespaces=\"casebook-review",
            "verify-required",
        ] {
            let file = read(&format!("alex {options} {KEY}\n"));
            assert!(!verifies(&file.signers, &key(), "alex", now), "{options}");
        }
        for options in [
            "namespaces=\"casebook-review\"",
            "NAMESPACES=\"casebook-*,git\"",
            "namespaces=\"git,casebook-review\",valid-after=\"20200101\"",
            "valid-before=\"29990101Z\"",
        ] {
            let file = read(&format!("alex {options} {KEY}\n"));
            assert!(file.warnings.is_empty(), "{options}: {:?}", file.warnings);
            assert!(verifies(&file.signers, &key(), "alex", now), "{options}");
        }
    }

    #[test]
    fn quoted_principals_keep_their_spaces() {
        let file = read(&format!("\"Sam O'Brien,alex\" {KEY}\n"));
        assert_eq!(file.signers[0].principals, "Sam O'Brien,alex");
        assert!(verifies(&file.signers, &key(), "Sam O'Brien", jiff::Timestamp::now()));
    }

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
        let file = read(&format!("alex valid-after=20200101 {KEY}\n"));
        assert!(file.signers.is_empty());
        assert_eq!(file.warnings.len(), 1);
    }
}
