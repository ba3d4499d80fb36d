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
use line::{Parsed, Skipped, parse_line};

mod line;

/// An allowed-signers file: one line per signer.
const SIGNERS_FILE_LIMIT: u64 = 4 * 1024 * 1024;

/// One line of an allowed-signers file that ssh-keygen reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AllowedSigner {
    /// The principals as written, split at their commas: patterns
    /// (`alex@example.org`, `*@example.org`; `!sam` and `*` for `!sam,*`),
    /// not names to show as they are: see [`principals_for`].
    pub principals: Vec<String>,
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
        match_patterns(principal, &self.principals) == Match::Yes
            && self.is_key(key)
            && self.for_reviews()
            && self.valid_at(now)
    }
}

/// Reads an allowed-signers file (`ssh-keygen(1)`, ALLOWED SIGNERS): the
/// lines that count. Only a file that cannot be read is an error; a line
/// ssh-keygen would skip is left out ([`read_allowed_signers_file`] says which).
pub fn read_allowed_signers(path: &Path) -> Result<Vec<AllowedSigner>, String> {
    read_allowed_signers_file(path).map(|file| file.signers)
}

/// As `read_allowed_signers`, with times without `Z` read in `zone`.
pub fn read_allowed_signers_in(path: &Path, zone: &jiff::tz::TimeZone) -> Result<Vec<AllowedSigner>, String> {
    read_file_in(path, zone).map(|file| file.signers)
}

/// The lines that count, and a warning naming each line skipped.
pub fn read_allowed_signers_file(path: &Path) -> Result<AllowedSigners, String> {
    read_file_in(path, &jiff::tz::TimeZone::system())
}

fn read_file_in(path: &Path, zone: &jiff::tz::TimeZone) -> Result<AllowedSigners, String> {
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
        let names: Vec<String> = signer
            .principals
            .iter()
            .filter(|name| !name.is_empty() && !name.starts_with('!') && !name.contains(['*', '?']))
            .filter(|name| match_patterns(name, &signer.principals) == Match::Yes)
            .cloned()
            .collect();
        let found = if names.is_empty() {
            vec![text::signers_pattern_identity(&signer.principals.join(","))]
        } else {
            names
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
    let patterns: Vec<&str> = list.split(',').collect();
    match_patterns(text, &patterns)
}

/// As [`match_pattern_list`], the list already split at its commas.
pub fn match_patterns(text: &str, patterns: &[impl AsRef<str>]) -> Match {
    let mut matched = false;
    for pattern in patterns.iter().map(AsRef::as_ref) {
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
        assert_eq!(file.signers[0].principals, ["Sam O'Brien", "alex"]);
        assert!(verifies(&file.signers, &key(), "Sam O'Brien", jiff::Timestamp::now()));
    }
}
