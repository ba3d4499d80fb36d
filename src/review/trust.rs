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
    Ok(parse(paths, &current_text(paths)?))
}

/// The file's lines that count, read as ssh-keygen reads them.
fn parse(paths: &DataPaths, content: &str) -> Vec<AllowedSigner> {
    crate::review::allowed_signers::parse_allowed_signers(
        &paths.trusted_signers_file(),
        content,
        &jiff::tz::TimeZone::system(),
    )
    .signers
}

/// Whether `key` is trusted for a reviewer called `name`, at `now`.
/// Exactly what `ssh-keygen -Y verify -I NAME -n casebook-review` answers
/// with this file.
pub fn trusted_for(signers: &[AllowedSigner], key: &PublicKey, name: &str, now: jiff::Timestamp) -> bool {
    crate::review::allowed_signers::verifies(signers, key, name.trim(), now)
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
    let mut content = current_text(paths)?;
    if parse(paths, &content)
        .iter()
        .any(|signer| signer.key.key_data() == key.key_data() && signer.principals.iter().any(|known| known == name))
    {
        return Ok(fingerprint);
    }
    let key_text = key
        .to_openssh()
        .map_err(|error| text::key_unreadable(key_file, &error.to_string()))?;
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
    let content = current_text(paths)?;
    // The lines (numbered from 1, as the parser numbers them) holding that
    // key or name go; every other line stays as it is, comments and all.
    let dropped: Vec<usize> = parse(paths, &content)
        .iter()
        .filter(|signer| {
            signing::fingerprint(&signer.key) == who.trim() || signer.principals.iter().any(|name| name == who.trim())
        })
        .map(|signer| signer.line)
        .collect();
    let removed = dropped.len();
    let mut kept = String::new();
    for (index, line) in content.lines().enumerate() {
        if !dropped.contains(&(index + 1)) {
            kept.push_str(line);
            kept.push('\n');
        }
    }
    if removed > 0 {
        write(paths, &kept)?;
    }
    Ok(removed)
}

/// The file as it is, read as any file in the data folder is: never
/// through a link, never a pipe, within its limit.
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
