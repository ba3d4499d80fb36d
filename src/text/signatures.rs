//! Keys, signatures, allowed-signers files and the keys a learner trusts.

use std::path::Path;

pub fn trust_key_missing(path: &Path) -> String {
    format!(
        "There is no key file {}. Ask your reviewer for their public key: the file ending .pub that ssh-keygen made \
beside their key.",
        path.display()
    )
}

pub fn trust_not_a_public_key(path: &Path) -> String {
    format!(
        "{} is not an SSH public key. Give the file ending .pub (one line starting ssh-ed25519, ecdsa-sha2- or \
ssh-rsa), never the private key.",
        path.display()
    )
}

pub fn trust_bad_name(name: &str) -> String {
    format!(
        "\"{name}\" cannot be a reviewer's name here: give the name as the review gives it, without double quotes, \
commas or a leading !."
    )
}

pub fn trusted(name: &str, fingerprint: &str) -> String {
    format!(
        "You now trust this key for reviews signed by {name} (fingerprint {fingerprint}). Reviews {name} signs with \
it show as verified. Check the fingerprint with {name} by phone or in person: anyone can make a key and \
give it a name."
    )
}

pub const TRUSTED_NONE: &str =
    "You trust no reviewer's key yet. Trust one with: casebook trust KEY.pub --name \"NAME\"";

pub fn trusted_line(name: &str, fingerprint: &str) -> String {
    format!("{name}  {fingerprint}")
}

pub fn trust_forgotten(who: &str, removed: usize) -> String {
    match removed {
        0 => format!("No key was trusted for {who}; nothing changed."),
        1 => format!("You no longer trust the key for {who}."),
        many => format!("You no longer trust the {many} keys for {who}."),
    }
}

pub fn key_unreadable(path: &Path, reason: &str) -> String {
    format!("Cannot read the key {}: {reason}. Nothing was written.", path.display())
}

pub fn key_not_openssh(path: &Path, reason: &str) -> String {
    format!(
        "{} is not an OpenSSH private key ({reason}). Make one with: ssh-keygen -t ed25519 -f FILE",
        path.display()
    )
}

pub fn key_not_ed25519(path: &Path, algorithm: &str) -> String {
    format!(
        "{} is an {algorithm} key; casebook signs with ed25519 keys. Make one with: ssh-keygen -t ed25519 -f FILE",
        path.display()
    )
}

pub fn key_passphrase_prompt(path: &Path) -> String {
    format!("Passphrase for {}: ", path.display())
}

pub fn key_wrong_passphrase(path: &Path) -> String {
    format!(
        "The passphrase for {} is not right. Nothing was written.",
        path.display()
    )
}

pub const NO_TERMINAL_FOR_PASSPHRASE: &str = "The key has a passphrase, and there is no terminal to ask for it on. \
Run casebook review from a terminal, or set CASEBOOK_KEY_PASSPHRASE. Nothing was written.";

pub const PASSPHRASE_CANCELLED: &str = "No passphrase was given, so the review was not signed. Nothing was written.";

pub fn signing_failed(reason: &str) -> String {
    format!("Cannot sign the review: {reason}. Nothing was written.")
}

pub fn signers_unreadable(path: &Path, reason: &str) -> String {
    format!("Cannot read the allowed-signers file {}: {reason}.", path.display())
}

pub fn signers_bad_line(path: &Path, line: usize, column: usize, reason: &str) -> String {
    format!(
        "{}:{line}:{column}: {reason}; each line is: identities [options] ssh-ed25519 KEY [comment]",
        path.display()
    )
}

pub const SIGNERS_NO_KEY: &str = "no public key on this line";
pub fn signers_bad_time(option: &str) -> String {
    format!(
        "{option} is not a time ssh-keygen reads: \"YYYYMMDD\", \"YYYYMMDDHHMM\" or \"YYYYMMDDHHMMSS\", \
         in double quotes, ending in Z (or UTC) for UTC"
    )
}

pub const SIGNERS_NO_CERTIFICATES: &str = "casebook does not check certificate authorities (cert-authority)";

/// A key type casebook cannot check, named (never called tampering).
pub fn signature_unsupported_key(kind: &str, fingerprint: &str) -> String {
    format!(
        "casebook cannot check signatures made with {kind} keys (the signature is by key {fingerprint}); this says \
nothing about whether the review was changed. Check it with ssh-keygen -Y verify, or ask the reviewer to sign \
with an ed25519, ECDSA or RSA key"
    )
}

/// An RSA key too short to trust.
pub fn signature_rsa_too_short(bits: usize, minimum: usize, fingerprint: &str) -> String {
    format!(
        "the signature is by a {bits}-bit RSA key ({fingerprint}); casebook accepts RSA keys of {minimum} bits or \
more, as shorter ones can be forged. Ask the reviewer to sign with an ed25519 key, or an RSA key of {minimum} bits \
or more"
    )
}

/// An RSA key longer than any ssh-keygen makes.
pub fn signature_rsa_too_long(bits: usize, maximum: usize, fingerprint: &str) -> String {
    format!(
        "the signature is by a {bits}-bit RSA key ({fingerprint}); neither casebook nor ssh-keygen checks RSA keys of \
more than {maximum} bits"
    )
}

/// Signing: a key of a type casebook cannot sign with.
pub fn key_cannot_sign(path: &Path, kind: &str) -> String {
    format!(
        "{} is a {kind} key, which casebook cannot sign with. Sign the review with ssh-keygen instead \
(ssh-keygen -Y sign -n casebook-review -f {} REVIEW), or use an ed25519, ECDSA or RSA key. Nothing was written.",
        path.display(),
        path.display()
    )
}

/// Signing: an RSA key too short.
pub fn key_rsa_too_short(path: &Path, bits: usize, minimum: usize) -> String {
    format!(
        "{} is a {bits}-bit RSA key; casebook signs only with RSA keys of {minimum} bits or more. Make a new key with: \
ssh-keygen -t ed25519 -f FILE. Nothing was written.",
        path.display()
    )
}

/// Signing: a key whose secret part does not belong to its public part.
pub fn key_damaged(path: &Path) -> String {
    format!(
        "{}: the key's secret part does not match its public part, so the file is damaged. Nothing was written.",
        path.display()
    )
}

/// An allowed-signers line ssh-keygen would skip, and casebook skips too.
pub fn signers_line_skipped(path: &Path, line: usize, column: usize, reason: &str) -> String {
    format!(
        "{}:{line}:{column}: this line is skipped, as ssh-keygen -Y verify skips it: {reason}. Each line is: \
identities [options] KEY-TYPE KEY [comment], with options such as namespaces=\"casebook-review\" in one word",
        path.display()
    )
}

/// A `cert-authority` line: understood, but it allows no plain key.
pub fn signers_certificate_line(path: &Path, line: usize, column: usize) -> String {
    format!(
        "{}:{line}:{column}: this cert-authority line allows only signatures made with SSH certificates, which \
casebook does not check, so it allows nothing here (the other lines still count)",
        path.display()
    )
}

/// A line whose key is a certificate rather than a key.
pub const SIGNERS_CERTIFICATE_KEY: &str =
    "its key is an SSH certificate, and a certificate on an allowed-signers line never matches a signature by a key";
pub const SIGNERS_INVALID_LINE: &str = "there is nothing after the identities (or a quote is not closed)";
pub const SIGNERS_MISSING_KEY: &str = "there is no public key after the options";
pub const SIGNERS_BAD_OPTION_QUOTES: &str = "a double quote in the options is not closed";
pub const SIGNERS_INVALID_KEY: &str = "the options are not followed by a public key ssh-keygen reads (options go in one word, without spaces outside quotes)";
pub const SIGNERS_END_OF_OPTIONS: &str = "the options end with a comma";
pub const SIGNERS_BEFORE_AFTER: &str = "its valid-before time is not after its valid-after time";

pub fn signers_unknown_option(name: &str) -> String {
    format!(
        "{name} is not an option ssh-keygen knows here (it knows cert-authority, namespaces, valid-after and \
valid-before)"
    )
}

pub fn signers_repeated_option(name: &str) -> String {
    format!("{name} is given more than once")
}

pub fn signers_unquoted_option(name: &str) -> String {
    format!("the value of {name} must be in double quotes, as {name}=\"...\"")
}

pub fn signers_unclosed_option(name: &str) -> String {
    format!("the value of {name} has no closing double quote")
}

/// An allowed-signers line that allows a key for a pattern, not a name.
pub fn signers_pattern_identity(patterns: &str) -> String {
    format!("any identity matching the pattern \"{patterns}\"")
}

/// `import-review --signer KEY.pub` when that key did not sign the review.
pub fn signer_did_not_sign(key: &Path, signed_by: Option<&str>) -> String {
    let what = match signed_by {
        Some(fingerprint) => format!("it is signed by another key ({fingerprint})"),
        None => "it is not signed".to_owned(),
    };
    format!(
        "Refused: {} did not sign this review ({what}), so that key was not trusted and nothing was imported.",
        key.display()
    )
}
