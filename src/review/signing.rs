//! SSH signatures on reviews: the SSHSIG format `ssh-keygen -Y sign` writes,
//! namespace `casebook-review`, with ed25519, ECDSA (nistp256, nistp384,
//! nistp521) and RSA (rsa-sha2-256 and rsa-sha2-512, 2048 bits or more)
//! keys, made and checked by RustCrypto's `ssh-key` and the curve and RSA
//! crates it is built on (no cryptography is written here). Where ssh-key
//! 0.6.7 cannot do what ssh-keygen does (RSA signing, some ECDSA key files,
//! RSA keys over 4096 bits), the same crates are called directly; see
//! Cargo.toml. A key type casebook cannot check (DSA, security keys,
//! certificates) is named as such, never taken for tampering.
//!
//! Allowed-signers files are in `allowed_signers/`.

use std::path::Path;

use ssh_key::private::KeypairData;
use ssh_key::public::KeyData;
use ssh_key::{Algorithm, EcdsaCurve, HashAlg, LineEnding, PrivateKey, PublicKey, Signature, SshSig};

use super::format::NAMESPACE;
use crate::folder::files::{Links, read_limited};
use crate::text;

pub use super::allowed_signers::{
    AllowedSigner, AllowedSigners, allowed_at_another_time, principals_for, read_allowed_signers,
    read_allowed_signers_file, read_allowed_signers_in, verifies,
};

/// An SSH private key or signature file is a few KiB at most.
pub(crate) const KEY_FILE_LIMIT: u64 = 256 * 1024;

/// Where a passphrase comes from when the key asks for one, for scripts and
/// tests; otherwise it is read from the terminal without echo.
pub const PASSPHRASE_VARIABLE: &str = "CASEBOOK_KEY_PASSPHRASE";

/// RSA keys shorter than this are refused, for signing and checking: they
/// can be forged (ssh-keygen itself still takes 1024 bits).
pub const RSA_MINIMUM_BITS: usize = 2048;
/// The longest RSA key OpenSSH reads (its `SSHBUF_MAX_BIGNUM`).
const RSA_MAXIMUM_BITS: usize = 16384;

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
    /// Made with a kind of key casebook cannot check (DSA, a security key):
    /// nothing is known about the review either way.
    UnsupportedKey { kind: String, fingerprint: String },
    /// An RSA key shorter than [`RSA_MINIMUM_BITS`] (or longer than OpenSSH reads).
    RsaKeySize { bits: usize, fingerprint: String },
}

impl SignatureProblem {
    pub fn reason(&self) -> String {
        match self {
            SignatureProblem::Unreadable(reason) => text::signature_unreadable(reason),
            SignatureProblem::WrongNamespace(namespace) => text::signature_wrong_namespace(namespace, NAMESPACE),
            SignatureProblem::DoesNotMatch { fingerprint } => text::signature_does_not_match(fingerprint),
            SignatureProblem::UnsupportedKey { kind, fingerprint } => {
                text::signature_unsupported_key(kind, fingerprint)
            }
            SignatureProblem::RsaKeySize { bits, fingerprint } if *bits < RSA_MINIMUM_BITS => {
                text::signature_rsa_too_short(*bits, RSA_MINIMUM_BITS, fingerprint)
            }
            SignatureProblem::RsaKeySize { bits, fingerprint } => {
                text::signature_rsa_too_long(*bits, RSA_MAXIMUM_BITS, fingerprint)
            }
        }
    }
}

pub fn fingerprint(key: &PublicKey) -> String {
    key.fingerprint(HashAlg::Sha256).to_string()
}

/// The kind of key, as a person would name it: "ed25519", "ECDSA
/// (nistp256)", "RSA", "DSA", "security-key ed25519 (sk-ssh-ed25519@openssh.com)".
pub fn key_kind(algorithm: &Algorithm) -> String {
    match algorithm {
        Algorithm::Ed25519 => "ed25519".to_owned(),
        Algorithm::Ecdsa { curve } => format!("ECDSA ({})", curve.as_str()),
        Algorithm::Rsa { .. } => "RSA".to_owned(),
        Algorithm::Dsa => "DSA".to_owned(),
        Algorithm::SkEd25519 => format!("security-key ed25519 ({})", algorithm.as_str()),
        Algorithm::SkEcdsaSha2NistP256 => format!("security-key ECDSA ({})", algorithm.as_str()),
        other => other.as_str().to_owned(),
    }
}

/// The size of an RSA modulus in bits.
fn rsa_bits(key: &ssh_key::public::RsaPublicKey) -> usize {
    let bytes = key.n.as_positive_bytes().unwrap_or_default();
    match bytes.first() {
        Some(first) => bytes.len() * 8 - first.leading_zeros() as usize,
        None => 0,
    }
}

/// Whether casebook can check (and make) signatures with this key: `Err`
/// says why not.
fn usable(key: &PublicKey) -> Result<(), SignatureProblem> {
    let fingerprint = || fingerprint(key);
    match key.key_data() {
        KeyData::Ed25519(_) => Ok(()),
        KeyData::Ecdsa(ecdsa) => match ecdsa.curve() {
            EcdsaCurve::NistP256 | EcdsaCurve::NistP384 | EcdsaCurve::NistP521 => Ok(()),
        },
        KeyData::Rsa(rsa) => {
            let bits = rsa_bits(rsa);
            if (RSA_MINIMUM_BITS..=RSA_MAXIMUM_BITS).contains(&bits) {
                Ok(())
            } else {
                Err(SignatureProblem::RsaKeySize {
                    bits,
                    fingerprint: fingerprint(),
                })
            }
        }
        _ => Err(SignatureProblem::UnsupportedKey {
            kind: key_kind(&key.algorithm()),
            fingerprint: fingerprint(),
        }),
    }
}

/// A private key casebook can sign with, its secret part held by the crate
/// that signs with it (each wipes it when dropped).
pub struct SigningKey {
    public: PublicKey,
    secret: Secret,
}

enum Secret {
    Ed25519(Box<PrivateKey>),
    P256(p256::ecdsa::SigningKey),
    P384(p384::ecdsa::SigningKey),
    P521(Box<p521::ecdsa::SigningKey>),
    Rsa(Box<rsa::RsaPrivateKey>),
}

impl SigningKey {
    pub fn public_key(&self) -> &PublicKey {
        &self.public
    }
}

impl std::fmt::Debug for SigningKey {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("SigningKey")
            .field("public", &fingerprint(&self.public))
            .finish_non_exhaustive()
    }
}

/// Reads a private key file, asking for its passphrase when it has one.
pub fn load_key(path: &Path) -> Result<SigningKey, String> {
    let bytes = read_limited(path, KEY_FILE_LIMIT, Links::Follow)
        .map_err(|problem| text::key_unreadable(path, &problem.reason()))?;
    let key = match PrivateKey::from_openssh(&bytes) {
        Ok(key) => key,
        // ssh-key 0.6.7 refuses an ECDSA key whose secret has a leading zero byte.
        Err(error) => {
            return match container::ecdsa_key(path, &bytes, None) {
                Some(result) => result,
                None => Err(text::key_not_openssh(path, &error.to_string())),
            };
        }
    };
    refuse_unusable(path, key.public_key())?;
    if !key.is_encrypted() {
        return signing_key(path, key);
    }
    let passphrase = match std::env::var(PASSPHRASE_VARIABLE) {
        Ok(passphrase) => passphrase,
        Err(_) => read_passphrase(&text::key_passphrase_prompt(path))?,
    };
    match key.decrypt(passphrase.as_bytes()) {
        Ok(key) => signing_key(path, key),
        Err(_) => match container::ecdsa_key(path, &bytes, Some(passphrase.as_bytes())) {
            Some(result) => result,
            None => Err(text::key_wrong_passphrase(path)),
        },
    }
}

fn refuse_unusable(path: &Path, key: &PublicKey) -> Result<(), String> {
    match usable(key) {
        Ok(()) => Ok(()),
        Err(SignatureProblem::RsaKeySize { bits, .. }) if bits < RSA_MINIMUM_BITS => {
            Err(text::key_rsa_too_short(path, bits, RSA_MINIMUM_BITS))
        }
        Err(_) => Err(text::key_cannot_sign(path, &key_kind(&key.algorithm()))),
    }
}

/// The signing half of a decrypted key, checked against its public half.
fn signing_key(path: &Path, key: PrivateKey) -> Result<SigningKey, String> {
    let public = key.public_key().clone();
    let damaged = || text::key_damaged(path);
    let secret = match key.key_data() {
        KeypairData::Ed25519(_) => Secret::Ed25519(Box::new(key)),
        KeypairData::Ecdsa(ecdsa) => ecdsa_secret(ecdsa.curve(), ecdsa.private_key_bytes()).ok_or_else(damaged)?,
        KeypairData::Rsa(rsa) => {
            let number = |mpint: &ssh_key::Mpint| mpint.as_positive_bytes().map(rsa::BigUint::from_bytes_be);
            let key = (|| {
                rsa::RsaPrivateKey::from_components(
                    number(&rsa.public.n)?,
                    number(&rsa.public.e)?,
                    number(&rsa.private.d)?,
                    vec![number(&rsa.private.p)?, number(&rsa.private.q)?],
                )
                .ok()
            })()
            .ok_or_else(damaged)?;
            Secret::Rsa(Box::new(key))
        }
        _ => return Err(text::key_cannot_sign(path, &key_kind(&key.algorithm()))),
    };
    let signing = SigningKey { public, secret };
    if !matches_public(&signing) {
        return Err(damaged());
    }
    Ok(signing)
}

/// An ECDSA secret scalar, big-endian, at most the curve's size.
fn ecdsa_secret(curve: EcdsaCurve, scalar: &[u8]) -> Option<Secret> {
    let size = match curve {
        EcdsaCurve::NistP256 => 32,
        EcdsaCurve::NistP384 => 48,
        EcdsaCurve::NistP521 => 66,
    };
    let scalar = strip_zeros(scalar);
    if scalar.len() > size {
        return None;
    }
    let mut padded = vec![0u8; size - scalar.len()];
    padded.extend_from_slice(scalar);
    let secret = match curve {
        EcdsaCurve::NistP256 => p256::ecdsa::SigningKey::from_slice(&padded).ok().map(Secret::P256),
        EcdsaCurve::NistP384 => p384::ecdsa::SigningKey::from_slice(&padded).ok().map(Secret::P384),
        EcdsaCurve::NistP521 => p521::ecdsa::SigningKey::from_slice(&padded)
            .ok()
            .map(|key| Secret::P521(Box::new(key))),
    };
    padded.fill(0);
    secret
}

fn strip_zeros(bytes: &[u8]) -> &[u8] {
    let first = bytes.iter().position(|byte| *byte != 0).unwrap_or(bytes.len());
    &bytes[first..]
}

/// Whether the secret half belongs to the public half: a key file whose
/// halves differ would sign for a key it does not name.
fn matches_public(key: &SigningKey) -> bool {
    let point = |bytes: &[u8]| {
        key.public
            .key_data()
            .ecdsa()
            .map(|ecdsa| ecdsa.as_sec1_bytes() == bytes)
    };
    match &key.secret {
        Secret::Ed25519(private) => private.public_key().key_data() == key.public.key_data(),
        Secret::P256(secret) => point(secret.verifying_key().to_encoded_point(false).as_bytes()) == Some(true),
        Secret::P384(secret) => point(secret.verifying_key().to_encoded_point(false).as_bytes()) == Some(true),
        Secret::P521(secret) => {
            point(
                p521::ecdsa::VerifyingKey::from(secret.as_ref())
                    .to_encoded_point(false)
                    .as_bytes(),
            ) == Some(true)
        }
        Secret::Rsa(secret) => {
            use rsa::traits::PublicKeyParts;
            key.public.key_data().rsa().is_some_and(|public| {
                public.n.as_positive_bytes() == Some(secret.n().to_bytes_be().as_slice())
                    && public.e.as_positive_bytes() == Some(secret.e().to_bytes_be().as_slice())
            })
        }
    }
}

/// Signs a file's bytes as `ssh-keygen -Y sign -n casebook-review` does
/// (SHA-512 over the file; rsa-sha2-512 for an RSA key): the `.sig` file's text.
pub fn sign(key: &SigningKey, message: &[u8]) -> Result<String, String> {
    use rsa::signature::Signer;
    let failed = |reason: String| text::signing_failed(&reason);
    let signed_data =
        SshSig::signed_data(NAMESPACE, HashAlg::Sha512, message).map_err(|error| failed(error.to_string()))?;
    let signature: Result<Signature, String> = match &key.secret {
        Secret::Ed25519(private) => {
            return private
                .sign(NAMESPACE, HashAlg::Sha512, message)
                .and_then(|signature| signature.to_pem(LineEnding::LF))
                .map_err(|error| failed(error.to_string()));
        }
        Secret::P256(secret) => secret
            .try_sign(&signed_data)
            .map_err(|error| error.to_string())
            .and_then(|signature: p256::ecdsa::Signature| {
                Signature::try_from(signature).map_err(|error| error.to_string())
            }),
        Secret::P384(secret) => secret
            .try_sign(&signed_data)
            .map_err(|error| error.to_string())
            .and_then(|signature: p384::ecdsa::Signature| {
                Signature::try_from(signature).map_err(|error| error.to_string())
            }),
        Secret::P521(secret) => secret
            .try_sign(&signed_data)
            .map_err(|error| error.to_string())
            .and_then(|signature: p521::ecdsa::Signature| {
                Signature::try_from(signature).map_err(|error| error.to_string())
            }),
        Secret::Rsa(secret) => rsa::pkcs1v15::SigningKey::<ssh_key::sha2::Sha512>::new(secret.as_ref().clone())
            .try_sign(&signed_data)
            .map_err(|error| error.to_string())
            .and_then(|signature| {
                use rsa::signature::SignatureEncoding;
                Signature::new(
                    Algorithm::Rsa {
                        hash: Some(HashAlg::Sha512),
                    },
                    signature.to_vec(),
                )
                .map_err(|error| error.to_string())
            }),
    };
    SshSig::new(
        key.public.key_data().clone(),
        NAMESPACE,
        HashAlg::Sha512,
        signature.map_err(failed)?,
    )
    .and_then(|signature| signature.to_pem(LineEnding::LF))
    .map_err(|error| failed(error.to_string()))
}

/// Checks a `.sig` file's text against the bytes it should sign, as
/// `ssh-keygen -Y verify -n casebook-review` checks it.
pub fn check(signature: &[u8], message: &[u8]) -> Result<Signed, SignatureProblem> {
    let signature = SshSig::from_pem(signature).map_err(|error| SignatureProblem::Unreadable(error.to_string()))?;
    let key = PublicKey::from(signature.public_key().clone());
    let fingerprint = fingerprint(&key);
    if signature.namespace() != NAMESPACE {
        return Err(SignatureProblem::WrongNamespace(signature.namespace().to_owned()));
    }
    usable(&key)?;
    // What ssh-keygen checks the signature over (its reserved field always empty).
    let signed_data = SshSig::signed_data(NAMESPACE, signature.hash_alg(), message)
        .map_err(|error| SignatureProblem::Unreadable(error.to_string()))?;
    let matches = match key.key_data() {
        KeyData::Rsa(rsa) => verify_rsa(rsa, signature.signature(), &signed_data),
        data => rsa::signature::Verifier::verify(data, &signed_data, signature.signature()).is_ok(),
    };
    if !matches {
        return Err(SignatureProblem::DoesNotMatch { fingerprint });
    }
    Ok(Signed { fingerprint, key })
}

/// An RSA signature (rsa-sha2-256 or rsa-sha2-512; ssh-keygen refuses
/// SHA-1 `ssh-rsa` signatures too), for keys up to OpenSSH's 16384 bits.
fn verify_rsa(key: &ssh_key::public::RsaPublicKey, signature: &Signature, signed_data: &[u8]) -> bool {
    use rsa::signature::Verifier;
    use ssh_key::sha2::{Sha256, Sha512};
    let (Some(n), Some(e)) = (key.n.as_positive_bytes(), key.e.as_positive_bytes()) else {
        return false;
    };
    let Ok(public) = rsa::RsaPublicKey::new_with_max_size(
        rsa::BigUint::from_bytes_be(n),
        rsa::BigUint::from_bytes_be(e),
        RSA_MAXIMUM_BITS,
    ) else {
        return false;
    };
    let Ok(bytes) = rsa::pkcs1v15::Signature::try_from(signature.as_bytes()) else {
        return false;
    };
    match signature.algorithm() {
        Algorithm::Rsa {
            hash: Some(HashAlg::Sha256),
        } => rsa::pkcs1v15::VerifyingKey::<Sha256>::new(public)
            .verify(signed_data, &bytes)
            .is_ok(),
        Algorithm::Rsa {
            hash: Some(HashAlg::Sha512),
        } => rsa::pkcs1v15::VerifyingKey::<Sha512>::new(public)
            .verify(signed_data, &bytes)
            .is_ok(),
        _ => false,
    }
}

/// The OpenSSH private-key container (PROTOCOL.key), read directly for the
/// one case ssh-key 0.6.7 gets wrong: an ECDSA key whose secret scalar is
/// shorter than the curve (a leading zero byte, which OpenSSH leaves out).
mod container {
    use std::path::Path;

    use ssh_encoding::{Decode, Reader};
    use ssh_key::public::KeyData;
    use ssh_key::{Cipher, Kdf};

    use super::{SigningKey, ecdsa_secret, matches_public, refuse_unusable};
    use crate::text;

    const MAGIC: &[u8] = b"openssh-key-v1\0";

    /// `None` when this is not such a key (the caller's own error stands);
    /// else the key, or why it cannot be used.
    pub(super) fn ecdsa_key(path: &Path, pem: &[u8], passphrase: Option<&[u8]>) -> Option<Result<SigningKey, String>> {
        // OpenSSH wraps its base64 at 70 columns, as ssh-key reads it.
        let mut decoder = ssh_encoding::pem::Decoder::new_wrapped(pem, 70).ok()?;
        if decoder.type_label() != "OPENSSH PRIVATE KEY" {
            return None;
        }
        let mut bytes = Vec::new();
        decoder.decode_to_end(&mut bytes).ok()?;
        let reader = &mut bytes.as_slice();
        let mut magic = [0u8; MAGIC.len()];
        reader.read(&mut magic).ok()?;
        if magic != MAGIC {
            return None;
        }
        let cipher_name = String::decode(reader).ok()?;
        let kdf_name = String::decode(reader).ok()?;
        let kdf_options = Vec::<u8>::decode(reader).ok()?;
        if u32::decode(reader).ok()? != 1 {
            return None;
        }
        let public_blob = Vec::<u8>::decode(reader).ok()?;
        let public = ssh_key::PublicKey::from_bytes(&public_blob).ok()?;
        let KeyData::Ecdsa(ecdsa) = public.key_data() else {
            return None;
        };
        if let Err(message) = refuse_unusable(path, &public) {
            return Some(Err(message));
        }
        let mut private = Vec::<u8>::decode(reader).ok()?;
        let cipher = Cipher::new(&cipher_name).ok()?;
        if cipher.is_some() {
            let passphrase = passphrase?;
            let tag = if cipher.has_tag() {
                let mut tag = [0u8; 16];
                reader.read(&mut tag).ok()?;
                Some(tag)
            } else {
                None
            };
            if kdf_name != "bcrypt" {
                return None;
            }
            let options = &mut kdf_options.as_slice();
            let kdf = Kdf::Bcrypt {
                salt: Vec::<u8>::decode(options).ok()?,
                rounds: u32::decode(options).ok()?,
            };
            let (key, iv) = kdf.derive_key_and_iv(cipher, passphrase).ok()?;
            if cipher.decrypt(&key, &iv, &mut private, tag).is_err() {
                return Some(Err(text::key_wrong_passphrase(path)));
            }
        }
        let result = section(path, &private, ecdsa.curve(), &public, cipher.is_some());
        private.fill(0);
        bytes.fill(0);
        Some(result)
    }

    /// The private section: two equal check numbers (unequal: the wrong
    /// passphrase, or a damaged file when it was not encrypted), the key
    /// type, the curve, the public point, the secret.
    fn section(
        path: &Path,
        private: &[u8],
        curve: ssh_key::EcdsaCurve,
        public: &ssh_key::PublicKey,
        encrypted: bool,
    ) -> Result<SigningKey, String> {
        let damaged = || text::key_damaged(path);
        let reader = &mut &private[..];
        let check = (u32::decode(reader), u32::decode(reader));
        match check {
            (Ok(first), Ok(second)) if first == second => {}
            _ if encrypted => return Err(text::key_wrong_passphrase(path)),
            _ => return Err(damaged()),
        }
        let _key_type = String::decode(reader).map_err(|_| damaged())?;
        let _curve = String::decode(reader).map_err(|_| damaged())?;
        let _point = Vec::<u8>::decode(reader).map_err(|_| damaged())?;
        let mut scalar = Vec::<u8>::decode(reader).map_err(|_| damaged())?;
        let secret = ecdsa_secret(curve, &scalar);
        scalar.fill(0);
        let key = SigningKey {
            public: public.clone(),
            secret: secret.ok_or_else(damaged)?,
        };
        if !matches_public(&key) {
            return Err(damaged());
        }
        Ok(key)
    }
}

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
    use ssh_encoding::Encode;

    use super::*;

    /// An SSHSIG by a security-key ed25519 key (made here: no device is
    /// needed to write one down, only to sign), with a signature of zeros.
    fn security_key_signature() -> String {
        let mut key = Vec::new();
        "sk-ssh-ed25519@openssh.com".encode(&mut key).unwrap();
        [7u8; 32].as_slice().encode(&mut key).unwrap();
        "ssh:".encode(&mut key).unwrap();
        let mut signature = Vec::new();
        "sk-ssh-ed25519@openssh.com".encode(&mut signature).unwrap();
        [0u8; 64].as_slice().encode(&mut signature).unwrap();
        1u8.encode(&mut signature).unwrap();
        9u32.encode(&mut signature).unwrap();
        let mut sshsig = b"SSHSIG".to_vec();
        1u32.encode(&mut sshsig).unwrap();
        key.as_slice().encode(&mut sshsig).unwrap();
        NAMESPACE.encode(&mut sshsig).unwrap();
        [0u8; 0].as_slice().encode(&mut sshsig).unwrap();
        "sha512".encode(&mut sshsig).unwrap();
        signature.as_slice().encode(&mut sshsig).unwrap();
        let decoded = <SshSig as ssh_encoding::Decode>::decode(&mut sshsig.as_slice()).unwrap();
        decoded.to_pem(LineEnding::LF).unwrap()
    }

    #[test]
    fn a_security_key_signature_is_named_never_called_tampering() {
        let problem = check(security_key_signature().as_bytes(), b"a review").unwrap_err();
        assert!(
            matches!(&problem, SignatureProblem::UnsupportedKey { kind, .. } if kind.contains("sk-ssh-ed25519@openssh.com")),
            "{problem:?}"
        );
        let reason = problem.reason();
        assert!(
            reason.starts_with("casebook cannot check signatures made with security-key ed25519"),
            "{reason}"
        );
        assert!(!reason.contains("changed after"), "{reason}");
    }

    #[test]
    fn key_kinds_are_named_as_people_name_them() {
        assert_eq!(key_kind(&Algorithm::Ed25519), "ed25519");
        assert_eq!(
            key_kind(&Algorithm::Ecdsa {
                curve: EcdsaCurve::NistP384
            }),
            "ECDSA (nistp384)"
        );
        assert_eq!(key_kind(&Algorithm::Rsa { hash: None }), "RSA");
        assert_eq!(key_kind(&Algorithm::Dsa), "DSA");
    }
}
