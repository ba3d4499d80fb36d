//! The log's SHA-256 digest, the same way for every format.
//!
//! Every log carries, after all of its content, `sha256:` and 64 hex digits.
//! The digest is the SHA-256 of the whole file as written with those 64
//! digits replaced by `0`s. `verify` finds the last such digest in a file,
//! puts the zeros back, hashes and compares, so it needs to know nothing
//! about the format. Before hashing, a leading byte-order mark is dropped
//! and CRLF line endings are read as LF, so a log that passed through a
//! Windows editor or e-mail unchanged still verifies.
//!
//! Anyone can recompute a digest, so this catches accidental or casual
//! edits, not a determined forger.

use sha2::{Digest, Sha256};

pub const PREFIX: &str = "sha256:";
const DIGITS: usize = 64;

/// The digest as written before sealing: `sha256:` and 64 zeros.
pub fn placeholder() -> String {
    format!("{PREFIX}{}", "0".repeat(DIGITS))
}

/// Where the last digest's 64 digits start.
fn last_digest(bytes: &[u8]) -> Option<usize> {
    let prefix = PREFIX.as_bytes();
    let mut end = bytes.len();
    while end >= prefix.len() {
        let start = bytes[..end]
            .windows(prefix.len())
            .rposition(|window| window == prefix)?;
        let digits = start + prefix.len();
        let candidate = bytes.get(digits..digits + DIGITS);
        let after = bytes.get(digits + DIGITS);
        if candidate.is_some_and(|candidate| candidate.iter().all(u8::is_ascii_hexdigit))
            && !after.is_some_and(u8::is_ascii_hexdigit)
        {
            return Some(digits);
        }
        end = start + prefix.len() - 1;
    }
    None
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// `sha256:` and the SHA-256 of a text: how the export record keeps each
/// reflection it sent without keeping its words.
pub fn of_text(text: &str) -> String {
    format!("{PREFIX}{}", sha256_hex(text.as_bytes()))
}

/// The first 8 hex digits (upper case) of the SHA-256 of some bytes.
pub fn short_id(bytes: &[u8]) -> String {
    sha256_hex(bytes)[..8].to_ascii_uppercase()
}

/// Writes the digest into a rendered log over its placeholder (the last
/// `sha256:` with 64 digits). A log without one is returned as it is.
pub fn seal(mut bytes: Vec<u8>) -> Vec<u8> {
    if let Some(at) = last_digest(&bytes) {
        let digest = sha256_hex(&bytes);
        bytes[at..at + DIGITS].copy_from_slice(digest.as_bytes());
    }
    bytes
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verification {
    /// The digest matches the content.
    Matches { digest: String },
    /// The file was changed after it was exported.
    Differs { written: String, computed: String },
    /// There is no digest in the file.
    NoDigest,
}

/// Recomputes a log's digest and compares it with the one written in it.
pub fn verify(bytes: &[u8]) -> Verification {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut unified = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index] == b'\r' && bytes.get(index + 1) == Some(&b'\n') {
            index += 1;
            continue;
        }
        unified.push(bytes[index]);
        index += 1;
    }
    let Some(at) = last_digest(&unified) else {
        return Verification::NoDigest;
    };
    let written = String::from_utf8_lossy(&unified[at..at + DIGITS]).to_ascii_lowercase();
    unified[at..at + DIGITS].fill(b'0');
    let computed = sha256_hex(&unified);
    if computed == written {
        Verification::Matches {
            digest: format!("{PREFIX}{computed}"),
        }
    } else {
        Verification::Differs {
            written: format!("{PREFIX}{written}"),
            computed: format!("{PREFIX}{computed}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_text_verifies_and_a_changed_one_does_not() {
        let text = format!(
            "hello\nsha256:{} is not it\nDigest: {}\n",
            "a".repeat(64),
            placeholder()
        );
        let sealed = seal(text.into_bytes());
        assert!(matches!(verify(&sealed), Verification::Matches { .. }));
        let mut changed = sealed.clone();
        changed[0] = b'j';
        assert!(matches!(verify(&changed), Verification::Differs { .. }));
        let crlf = String::from_utf8(sealed).unwrap().replace('\n', "\r\n");
        assert!(matches!(verify(crlf.as_bytes()), Verification::Matches { .. }));
        assert_eq!(verify(b"no digest here sha256:abc"), Verification::NoDigest);
    }

    #[test]
    fn the_last_full_digest_counts_and_longer_runs_are_not_digests() {
        let text = format!("{}\nsha256:{}", placeholder(), "0".repeat(65));
        let bytes = text.as_bytes();
        assert_eq!(last_digest(bytes), Some(PREFIX.len()));
    }
}
