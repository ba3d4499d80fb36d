//! The reviewers' keys a learner trusts, each for a reviewer's name: an
//! allowed-signers file in the data folder (`trusted_signers`), in
//! ssh-keygen's own format, so `ssh-keygen -Y verify -f` reads it too.
//! A review is "verified" only when its signature was made by a key trusted
//! here for the name the review gives its reviewer.

use std::path::Path;

use ssh_key::PublicKey;

use super::format::NAMESPACE;
use super::signing::{self, AllowedSigner};
use crate::folder::DataPaths;
use crate::folder::files::{Links, Problem, read_limited};
use crate::text;

/// A public key file is one line.
const PUBLIC_KEY_LIMIT: u64 = 64 * 1024;

/// One key trusted: the reviewer's name and the key's fingerprint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trusted {
    pub name: String,
    pub fingerprint: String,
}

/// The keys trusted in this data folder; none when nothing was trusted yet.
pub fn load(paths: &DataPaths) -> Result<Vec<AllowedSigner>, String> {
    let file = paths.trusted_signers_file();
    match std::fs::symlink_metadata(&file) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        _ => signing::read_allowed_signers(&file),
    }
}

/// Whether `key` is trusted for a reviewer called `name`, at `now`.
pub fn trusted_for(signers: &[AllowedSigner], key: &PublicKey, name: &str, now: jiff::Timestamp) -> bool {
    signing::principals_for(signers, key, now)
        .iter()
        .any(|principal| principal == name.trim())
}

/// The keys trusted, by name, in the file's order.
pub fn list(paths: &DataPaths) -> Result<Vec<Trusted>, String> {
    Ok(load(paths)?
        .iter()
        .flat_map(|signer| {
            let fingerprint = signing::fingerprint(&signer.key);
            signer.principals.iter().map(move |name| Trusted {
                name: name.clone(),
                fingerprint: fingerprint.clone(),
            })
        })
        .collect())
}

/// Reads a public key (`KEY.pub`, as `ssh-keygen` writes it).
pub fn read_public_key(path: &Path) -> Result<PublicKey, String> {
    let bytes = read_limited(path, PUBLIC_KEY_LIMIT, Links::Follow).map_err(|problem| match problem {
        Problem::Missing => text::trust_key_missing(path),
        other => text::key_unreadable(path, &other.reason()),
    })?;
    let line = String::from_utf8_lossy(&bytes);
    PublicKey::from_openssh(line.trim()).map_err(|_| text::trust_not_a_public_key(path))
}

/// Trusts the key in `key_file` for reviews signed in `name`. Returns its
/// fingerprint. The same key for the same name again changes nothing.
pub fn trust(paths: &DataPaths, key_file: &Path, name: &str) -> Result<String, String> {
    let name = name.trim();
    if name.is_empty() || name.contains(['"', ',', '\n', '\r']) || name.starts_with('!') {
        return Err(text::trust_bad_name(name));
    }
    let key = read_public_key(key_file)?;
    let fingerprint = signing::fingerprint(&key);
    let existing = load(paths)?;
    if existing
        .iter()
        .any(|signer| signer.key.key_data() == key.key_data() && signer.principals.iter().any(|known| known == name))
    {
        return Ok(fingerprint);
    }
    let key_text = key
        .to_openssh()
        .map_err(|error| text::key_unreadable(key_file, &error.to_string()))?;
    let mut content = current_text(paths)?;
    if !content.is_empty() && !content.ends_with('\n') {
        content.push('\n');
    }
    content.push_str(&format!("\"{name}\" namespaces=\"{NAMESPACE}\" {key_text}\n"));
    write(paths, &content)?;
    Ok(fingerprint)
}

/// Stops trusting every key for `who` (a reviewer's name, or a key's
/// fingerprint). Returns how many were removed.
pub fn forget(paths: &DataPaths, who: &str) -> Result<usize, String> {
    let signers = load(paths)?;
    let content = current_text(paths)?;
    let mut kept = String::new();
    let mut removed = 0;
    // Lines are kept or dropped as they are, comments and all; a line is
    // matched by the key and names it holds.
    for line in content.lines() {
        let drops = signers.iter().any(|signer| {
            let key_text = signer.key.to_openssh().unwrap_or_default();
            let base64 = key_text.split_whitespace().nth(1).unwrap_or_default();
            !base64.is_empty()
                && line.contains(base64)
                && (signing::fingerprint(&signer.key) == who.trim()
                    || signer.principals.iter().any(|name| name == who.trim()))
        });
        if drops {
            removed += 1;
        } else {
            kept.push_str(line);
            kept.push('\n');
        }
    }
    if removed > 0 {
        write(paths, &kept)?;
    }
    Ok(removed)
}

fn current_text(paths: &DataPaths) -> Result<String, String> {
    let file = paths.trusted_signers_file();
    match read_limited(&file, PUBLIC_KEY_LIMIT * 64, Links::Refuse) {
        Ok(bytes) => Ok(String::from_utf8_lossy(&bytes).into_owned()),
        Err(Problem::Missing) => Ok(String::new()),
        Err(problem) => Err(text::cannot_read_path(&file, &problem.reason())),
    }
}

fn write(paths: &DataPaths, content: &str) -> Result<(), String> {
    crate::folder::ron_file::write_atomic(&paths.trusted_signers_file(), content.as_bytes())
        .map_err(|error| error.to_string())
}
