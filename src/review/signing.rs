//! SSH signatures on reviews: the SSHSIG format `ssh-keygen -Y sign` writes,
//! namespace `casebook-review`, made and checked by RustCrypto's `ssh-key`
//! (no cryptography is written here). Allowed-signers files are read as
//! `ssh-keygen -Y verify` reads them, for the options casebook needs.

use std::path::Path;

use ssh_key::{HashAlg, LineEnding, PrivateKey, PublicKey, SshSig};

use super::format::NAMESPACE;
use crate::folder::files::{Links, read_limited};
use crate::text;

/// An SSH private key or signature file is a few KiB at most.
pub(crate) const KEY_FILE_LIMIT: u64 = 256 * 1024;
/// An allowed-signers file: one line per signer.
const SIGNERS_FILE_LIMIT: u64 = 4 * 1024 * 1024;

/// Where a passphrase comes from when the key asks for one, for scripts and
/// tests; otherwise it is read from the terminal without echo.
pub const PASSPHRASE_VARIABLE: &str = "CASEBOOK_KEY_PASSPHRASE";

/// A signature that checked out: who signed, by key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signed {
    /// `SHA256:` and the key's base64 fingerprint, as `ssh-keygen -l` shows it.
    pub fingerprint: String,
    pub key: PublicKey,
}

/// Why a signature was not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignatureProblem {
    /// Not an SSH signature at all.
    Unreadable(String),
    /// Signed for something else (`ssh-keygen -Y sign -n OTHER`).
    WrongNamespace(String),
    /// The file was changed after it was signed, or the signature belongs to another file.
    DoesNotMatch { fingerprint: String },
}

impl SignatureProblem {
    pub fn reason(&self) -> String {
        match self {
            SignatureProblem::Unreadable(reason) => text::signature_unreadable(reason),
            SignatureProblem::WrongNamespace(namespace) => text::signature_wrong_namespace(namespace, NAMESPACE),
            SignatureProblem::DoesNotMatch { fingerprint } => text::signature_does_not_match(fingerprint),
        }
    }
}

pub fn fingerprint(key: &PublicKey) -> String {
    key.fingerprint(HashAlg::Sha256).to_string()
}

/// Reads a private key file, asking for its passphrase when it has one.
pub fn load_key(path: &Path) -> Result<PrivateKey, String> {
    let bytes = read_limited(path, KEY_FILE_LIMIT, Links::Follow)
        .map_err(|problem| text::key_unreadable(path, &problem.reason()))?;
    let key = PrivateKey::from_openssh(&bytes).map_err(|error| text::key_not_openssh(path, &error.to_string()))?;
    if key.algorithm() != ssh_key::Algorithm::Ed25519 {
        return Err(text::key_not_ed25519(path, key.algorithm().as_str()));
    }
    if !key.is_encrypted() {
        return Ok(key);
    }
    let passphrase = match std::env::var(PASSPHRASE_VARIABLE) {
        Ok(passphrase) => passphrase,
        Err(_) => read_passphrase(&text::key_passphrase_prompt(path))?,
    };
    key.decrypt(passphrase.as_bytes())
        .map_err(|_| text::key_wrong_passphrase(path))
}

/// Signs a file's bytes: the `.sig` file's text.
pub fn sign(key: &PrivateKey, message: &[u8]) -> Result<String, String> {
    key.sign(NAMESPACE, HashAlg::Sha512, message)
        .and_then(|signature| signature.to_pem(LineEnding::LF))
        .map_err(|error| text::signing_failed(&error.to_string()))
}

/// Checks a `.sig` file's text against the bytes it should sign.
pub fn check(signature: &[u8], message: &[u8]) -> Result<Signed, SignatureProblem> {
    let signature = SshSig::from_pem(signature).map_err(|error| SignatureProblem::Unreadable(error.to_string()))?;
    let key = PublicKey::from(signature.public_key().clone());
    let fingerprint = fingerprint(&key);
    if signature.namespace() != NAMESPACE {
        return Err(SignatureProblem::WrongNamespace(signature.namespace().to_owned()));
    }
    key.verify(NAMESPACE, message, &signature)
        .map_err(|_| SignatureProblem::DoesNotMatch {
            fingerprint: fingerprint.clone(),
        })?;
    Ok(Signed { fingerprint, key })
}

/// One line of an allowed-signers file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AllowedSigner {
    /// Comma-separated identities (patterns with `*` and `?`).
    pub principals: Vec<String>,
    /// From `namespaces="..."`; `None` allows every namespace.
    pub namespaces: Option<Vec<String>>,
    pub key: PublicKey,
    /// From `valid-after=` and `valid-before=`: when the key may be used,
    /// as `ssh-keygen -Y verify` checks it (against the time of checking).
    pub valid_after: Option<jiff::Timestamp>,
    pub valid_before: Option<jiff::Timestamp>,
}

impl AllowedSigner {
    fn valid_at(&self, now: jiff::Timestamp) -> bool {
        self.valid_after.is_none_or(|after| now >= after) && self.valid_before.is_none_or(|before| now <= before)
    }
}

/// A time in an allowed-signers file: `"YYYYMMDD"`, `"YYYYMMDDHHMM"` or
/// `"YYYYMMDDHHMMSS"`, in the system's time zone, or in UTC when it ends in
/// `Z` or `UTC` (ssh-keygen(1)). In double quotes, as ssh-keygen insists: a line it
/// would not read is not one casebook trusts either.
fn signer_time(value: &str, zone: &jiff::tz::TimeZone) -> Option<jiff::Timestamp> {
    let value = value.strip_prefix('"')?.strip_suffix('"')?;
    // `Z` or `UTC`, in either case, as OpenSSH reads it.
    let upper = value.to_ascii_uppercase();
    let (digits, utc) = if upper.ends_with("UTC") {
        (&value[..value.len() - 3], true)
    } else if upper.ends_with('Z') {
        (&value[..value.len() - 1], true)
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

/// Splits a line into words, keeping double-quoted parts (with spaces) whole.
fn words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for character in line.chars() {
        match character {
            '"' => {
                quoted = !quoted;
                current.push(character);
            }
            ' ' | '\t' if !quoted => {
                if !current.is_empty() {
                    words.push(std::mem::take(&mut current));
                }
            }
            _ => current.push(character),
        }
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

/// `a,b="c,d"` -> `a`, `b="c,d"`: options are separated by commas outside quotes.
fn split_options(word: &str) -> Vec<&str> {
    let mut options = Vec::new();
    let mut quoted = false;
    let mut start = 0;
    for (index, character) in word.char_indices() {
        match character {
            '"' => quoted = !quoted,
            ',' if !quoted => {
                options.push(&word[start..index]);
                start = index + 1;
            }
            _ => {}
        }
    }
    options.push(&word[start..]);
    options
}

/// Reads an allowed-signers file (`ssh-keygen(1)`, ALLOWED SIGNERS):
/// `principals [options] keytype base64 [comment]`. Certificate authorities
/// and lines of key types casebook does not know are refused with their line.
pub fn read_allowed_signers(path: &Path) -> Result<Vec<AllowedSigner>, String> {
    read_allowed_signers_in(path, &jiff::tz::TimeZone::system())
}

/// As `read_allowed_signers`, with times without `Z` read in `zone`.
pub fn read_allowed_signers_in(path: &Path, zone: &jiff::tz::TimeZone) -> Result<Vec<AllowedSigner>, String> {
    let bytes = read_limited(path, SIGNERS_FILE_LIMIT, Links::Follow)
        .map_err(|problem| text::signers_unreadable(path, &problem.reason()))?;
    let content = String::from_utf8_lossy(&bytes);
    let mut signers = Vec::new();
    for (index, line) in content.lines().enumerate() {
        let line_number = index + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let column = line.len() - line.trim_start().len() + 1;
        let bad = |reason: &str| text::signers_bad_line(path, line_number, column, reason);
        let words = words(trimmed);
        let Some((principals, rest)) = words.split_first() else {
            continue;
        };
        let key_at = rest
            .iter()
            .position(|word| word.starts_with("ssh-") || word.starts_with("ecdsa-") || word.starts_with("sk-"))
            .ok_or_else(|| bad(text::SIGNERS_NO_KEY))?;
        let mut namespaces = None;
        let (mut valid_after, mut valid_before) = (None, None);
        for option in rest[..key_at].iter().flat_map(|word| split_options(word)) {
            let (name, value) = option.split_once('=').unwrap_or((option, ""));
            match name.to_ascii_lowercase().as_str() {
                "namespaces" => {
                    namespaces = Some(
                        value
                            .trim_matches('"')
                            .split(',')
                            .map(str::to_owned)
                            .collect::<Vec<_>>(),
                    );
                }
                "cert-authority" => return Err(bad(text::SIGNERS_NO_CERTIFICATES)),
                "valid-after" => {
                    valid_after = Some(signer_time(value, zone).ok_or_else(|| bad(&text::signers_bad_time(option)))?);
                }
                "valid-before" => {
                    valid_before = Some(signer_time(value, zone).ok_or_else(|| bad(&text::signers_bad_time(option)))?);
                }
                _ => {}
            }
        }
        let key_text = rest[key_at..].join(" ");
        let key = PublicKey::from_openssh(&key_text).map_err(|error| bad(&error.to_string()))?;
        signers.push(AllowedSigner {
            principals: principals.trim_matches('"').split(',').map(str::to_owned).collect(),
            namespaces,
            key,
            valid_after,
            valid_before,
        });
    }
    Ok(signers)
}

/// The identities an allowed-signers file gives a key, for reviews, at
/// `now` (lines whose `valid-after`/`valid-before` leave `now` out give
/// none).
pub fn principals_for(signers: &[AllowedSigner], key: &PublicKey, now: jiff::Timestamp) -> Vec<String> {
    signers
        .iter()
        .filter(|signer| signer.key.key_data() == key.key_data())
        .filter(|signer| signer.valid_at(now))
        .filter(|signer| {
            signer
                .namespaces
                .as_ref()
                .is_none_or(|namespaces| namespaces.iter().any(|pattern| matches_pattern(pattern, NAMESPACE)))
        })
        .flat_map(|signer| signer.principals.iter().cloned())
        .collect()
}

/// Whether the file names the key for reviews at some time, if not now:
/// to say "no longer (or not yet) allowed" rather than "unknown".
pub fn allowed_at_another_time(signers: &[AllowedSigner], key: &PublicKey) -> bool {
    signers.iter().any(|signer| {
        signer.key.key_data() == key.key_data()
            && signer
                .namespaces
                .as_ref()
                .is_none_or(|namespaces| namespaces.iter().any(|pattern| matches_pattern(pattern, NAMESPACE)))
    })
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

/// The key's passphrase, typed at the terminal without echo.
fn read_passphrase(prompt: &str) -> Result<String, String> {
    use crate::hidden_input::{Hidden, read_hidden};
    match read_hidden(prompt) {
        Hidden::Typed(passphrase) => Ok(passphrase),
        Hidden::Cancelled => Err(text::PASSPHRASE_CANCELLED.to_owned()),
        Hidden::NoTerminal => Err(text::NO_TERMINAL_FOR_PASSPHRASE.to_owned()),
        Hidden::Failed(reason) => Err(reason),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_match_as_ssh_matches_them() {
        assert!(matches_pattern("casebook-*", "casebook-review"));
        assert!(matches_pattern("*", "casebook-review"));
        assert!(matches_pattern("casebook-revie?", "casebook-review"));
        assert!(!matches_pattern("git", "casebook-review"));
        assert!(!matches_pattern("casebook", "casebook-review"));
    }

    #[test]
    fn options_split_at_commas_outside_quotes() {
        assert_eq!(
            split_options(r#"cert-authority,namespaces="a,b",valid-after=1"#),
            vec!["cert-authority", r#"namespaces="a,b""#, "valid-after=1"]
        );
    }

    #[test]
    fn quoted_options_stay_one_word() {
        assert_eq!(
            words(r#"alex@example.org namespaces="casebook-review,git" ssh-ed25519 AAAA x y"#),
            vec![
                "alex@example.org",
                r#"namespaces="casebook-review,git""#,
                "ssh-ed25519",
                "AAAA",
                "x",
                "y"
            ]
        );
    }

    #[test]
    fn signer_times_read_as_ssh_keygen_reads_them() {
        use std::str::FromStr;
        let london_summer = jiff::tz::TimeZone::fixed(jiff::tz::offset(1));
        let at = |text: &str| jiff::Timestamp::from_str(text).unwrap();
        assert_eq!(
            signer_time("\"20260701\"", &london_summer),
            Some(at("2026-06-30T23:00:00Z")),
            "a date is midnight in the system's zone"
        );
        assert_eq!(
            signer_time("\"20260701Z\"", &london_summer),
            Some(at("2026-07-01T00:00:00Z"))
        );
        assert_eq!(
            signer_time("\"202607011230\"", &london_summer),
            Some(at("2026-07-01T11:30:00Z"))
        );
        assert_eq!(
            signer_time("\"20260701123045Z\"", &london_summer),
            Some(at("2026-07-01T12:30:45Z"))
        );
        assert_eq!(
            signer_time("\"20260701utc\"", &london_summer),
            Some(at("2026-07-01T00:00:00Z")),
            "UTC, in either case, as OpenSSH reads it"
        );
        for refused in [
            "20260701",
            "\"2026-07-01\"",
            "\"20261301\"",
            "\"2026070\"",
            "\"\"",
            "\"20260701X\"",
        ] {
            assert_eq!(signer_time(refused, &london_summer), None, "{refused}");
        }
    }
}
