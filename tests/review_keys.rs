//! Review signatures with every common SSH key, and allowed-signers files,
//! against `ssh-keygen` itself (issue 21, findings 4 and 5):
//!
//! - ed25519, ECDSA on nistp256, nistp384 and nistp521, and RSA, both ways:
//!   `ssh-keygen -Y sign` signs and casebook checks; casebook signs
//!   (`casebook review --sign-with KEY`, and the library) and `ssh-keygen -Y
//!   verify` checks;
//! - a key type casebook cannot check is named, never called tampering;
//! - a differential corpus of allowed-signers files, each run through both
//!   `ssh-keygen -Y verify -f FILE -I PRINCIPAL -n casebook-review` and
//!   casebook's own reading, which must give the same verdict.
//!
//! Keys are made fresh by ssh-keygen in a temporary folder; where ssh-keygen
//! is missing the tests say so and stop (`.ci/run` installs openssh-client).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use casebook::review::signing::{self, SignatureProblem};

/// The bytes signed: any file will do for the signature itself.
const MESSAGE: &[u8] = b"{\"format\":\"casebook-review\",\"comments\":[]}\n";

/// Whether ssh-keygen is here; when not, says plainly that the test is skipped.
fn ssh_keygen_available(what: &str) -> bool {
    let found = Command::new("ssh-keygen")
        .arg("-?")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok();
    if !found {
        common::skipped_without(
            "ssh-keygen",
            &format!("ssh-keygen is not installed, so {what} cannot run (.ci/run installs openssh-client)"),
        );
    }
    found
}

fn err(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn out(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The key types, as `ssh-keygen -t TYPE [-b BITS]` makes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Ed25519,
    P256,
    P384,
    P521,
    Rsa,
}

const KINDS: [Kind; 5] = [Kind::Ed25519, Kind::P256, Kind::P384, Kind::P521, Kind::Rsa];

impl Kind {
    fn args(self) -> &'static [&'static str] {
        match self {
            Kind::Ed25519 => &["-t", "ed25519"],
            Kind::P256 => &["-t", "ecdsa", "-b", "256"],
            Kind::P384 => &["-t", "ecdsa", "-b", "384"],
            Kind::P521 => &["-t", "ecdsa", "-b", "521"],
            // 2048 bits: the shortest casebook takes, and the quickest to make.
            Kind::Rsa => &["-t", "rsa", "-b", "2048"],
        }
    }

    fn name(self) -> &'static str {
        match self {
            Kind::Ed25519 => "ed25519",
            Kind::P256 => "p256",
            Kind::P384 => "p384",
            Kind::P521 => "p521",
            Kind::Rsa => "rsa",
        }
    }
}

/// A fresh key pair in `folder`, made by ssh-keygen: (private key file,
/// public key line `TYPE BASE64 COMMENT`).
fn new_key(folder: &Path, name: &str, args: &[&str], passphrase: &str) -> (PathBuf, String) {
    let key = folder.join(name);
    let output = Command::new("ssh-keygen")
        .args(["-q", "-N", passphrase, "-C", &format!("{name}@example.org")])
        .args(args)
        .arg("-f")
        .arg(&key)
        .output()
        .unwrap();
    assert!(output.status.success(), "ssh-keygen {args:?}: {}", err(&output));
    let public = std::fs::read_to_string(key.with_extension("pub")).unwrap();
    (key, public.trim().to_owned())
}

/// `ssh-keygen -Y sign -n casebook-review` of the file at `path`: writes `PATH.sig`.
fn ssh_keygen_sign(key: &Path, path: &Path) -> Output {
    Command::new("ssh-keygen")
        .args(["-Y", "sign", "-n", "casebook-review", "-f"])
        .arg(key)
        .arg(path)
        .output()
        .unwrap()
}

/// `ssh-keygen -Y verify -f ALLOWED -I IDENTITY -n casebook-review -s SIG < MESSAGE`.
fn ssh_keygen_verify(allowed: &Path, identity: &str, signature: &Path, message: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new("ssh-keygen")
        .args(["-Y", "verify", "-f"])
        .arg(allowed)
        .args(["-I", identity, "-n", "casebook-review", "-s"])
        .arg(signature)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(message).unwrap();
    child.wait_with_output().unwrap()
}

/// A message and its signature by `key`, made by ssh-keygen, in `folder`.
fn signed_by_ssh_keygen(folder: &Path, key: &Path, name: &str) -> (PathBuf, PathBuf) {
    let message = folder.join(format!("{name}.review.json"));
    std::fs::write(&message, MESSAGE).unwrap();
    let output = ssh_keygen_sign(key, &message);
    assert!(output.status.success(), "ssh-keygen -Y sign: {}", err(&output));
    let signature = folder.join(format!("{name}.review.json.sig"));
    assert!(signature.exists());
    (message, signature)
}

/// ssh-keygen signs with each key type; casebook accepts each signature,
/// and says who signed by the key ssh-keygen made. Today RSA is reported
/// as "changed after it was signed" and ECDSA as "unknown algorithm".
#[test]
fn casebook_checks_what_ssh_keygen_signs_with_every_common_key() {
    if !ssh_keygen_available("the ssh-keygen-signs test") {
        return;
    }
    let folder = tempfile::tempdir().unwrap();
    for kind in KINDS {
        let (key, public) = new_key(folder.path(), kind.name(), kind.args(), "");
        let (message, signature) = signed_by_ssh_keygen(folder.path(), &key, kind.name());
        let signed = signing::check(&std::fs::read(&signature).unwrap(), &std::fs::read(&message).unwrap())
            .unwrap_or_else(|problem| panic!("{kind:?}: {}", problem.reason()));
        let expected = ssh_key::PublicKey::from_openssh(&public).unwrap();
        assert_eq!(signed.key.key_data(), expected.key_data(), "{kind:?}");

        // One byte changed is still caught, for every key type.
        let mut changed = MESSAGE.to_vec();
        changed[3] ^= 1;
        let problem = signing::check(&std::fs::read(&signature).unwrap(), &changed).unwrap_err();
        assert!(
            matches!(problem, SignatureProblem::DoesNotMatch { .. }),
            "{kind:?}: {problem:?}"
        );
    }
}

/// `ssh-keygen -Y sign -O hashalg=sha256` (SSHSIG's other hash) with each
/// key type: casebook accepts that too.
#[test]
fn casebook_checks_ssh_keygen_signatures_over_sha256_too() {
    if !ssh_keygen_available("the sha256 test") {
        return;
    }
    let folder = tempfile::tempdir().unwrap();
    let message = folder.path().join("review.json");
    std::fs::write(&message, MESSAGE).unwrap();
    for kind in KINDS {
        let (key, _) = new_key(folder.path(), kind.name(), kind.args(), "");
        let output = Command::new("ssh-keygen")
            .args(["-Y", "sign", "-n", "casebook-review", "-O", "hashalg=sha256", "-f"])
            .arg(&key)
            .stdin(std::fs::File::open(&message).unwrap())
            .output()
            .unwrap();
        assert!(output.status.success(), "{kind:?}: {}", err(&output));
        signing::check(&output.stdout, MESSAGE).unwrap_or_else(|problem| panic!("{kind:?}: {}", problem.reason()));
    }
}

/// An RSA signature made with rsa-sha2-256 (ssh-keygen itself signs with
/// rsa-sha2-512, but an agent may use either): made here with the RSA crate,
/// accepted by ssh-keygen and by casebook alike.
#[test]
fn an_rsa_sha2_256_signature_is_accepted_as_ssh_keygen_accepts_it() {
    use rsa::signature::{SignatureEncoding, Signer};
    if !ssh_keygen_available("the rsa-sha2-256 test") {
        return;
    }
    let folder = tempfile::tempdir().unwrap();
    let (key, public) = new_key(folder.path(), "rsa", Kind::Rsa.args(), "");
    let private = ssh_key::PrivateKey::from_openssh(std::fs::read(&key).unwrap()).unwrap();
    let pair = private.key_data().rsa().unwrap();
    let number = |mpint: &ssh_key::Mpint| rsa::BigUint::from_bytes_be(mpint.as_positive_bytes().unwrap());
    let secret = rsa::RsaPrivateKey::from_components(
        number(&pair.public.n),
        number(&pair.public.e),
        number(&pair.private.d),
        vec![number(&pair.private.p), number(&pair.private.q)],
    )
    .unwrap();
    let data = ssh_key::SshSig::signed_data("casebook-review", ssh_key::HashAlg::Sha512, MESSAGE).unwrap();
    let raw = rsa::pkcs1v15::SigningKey::<ssh_key::sha2::Sha256>::new(secret).sign(&data);
    let signature = ssh_key::Signature::new(
        ssh_key::Algorithm::Rsa {
            hash: Some(ssh_key::HashAlg::Sha256),
        },
        raw.to_vec(),
    )
    .unwrap();
    let pem = ssh_key::SshSig::new(
        private.public_key().key_data().clone(),
        "casebook-review",
        ssh_key::HashAlg::Sha512,
        signature,
    )
    .unwrap()
    .to_pem(ssh_key::LineEnding::LF)
    .unwrap();
    let signature_path = folder.path().join("rsa256.sig");
    std::fs::write(&signature_path, &pem).unwrap();
    let allowed = folder.path().join("allowed");
    std::fs::write(&allowed, format!("alex@example.org {public}\n")).unwrap();
    let verified = ssh_keygen_verify(&allowed, "alex@example.org", &signature_path, MESSAGE);
    assert!(verified.status.success(), "{}", err(&verified));
    signing::check(pem.as_bytes(), MESSAGE).unwrap_or_else(|problem| panic!("{}", problem.reason()));
    let problem = signing::check(pem.as_bytes(), b"another review").unwrap_err();
    assert!(matches!(problem, SignatureProblem::DoesNotMatch { .. }), "{problem:?}");
}

/// casebook signs with each key type (the library, as `review --sign-with`
/// does), and ssh-keygen accepts the signature. Today RSA and ECDSA keys are
/// refused.
#[test]
fn ssh_keygen_checks_what_casebook_signs_with_every_common_key() {
    if !ssh_keygen_available("the casebook-signs test") {
        return;
    }
    let folder = tempfile::tempdir().unwrap();
    for kind in KINDS {
        let (key, public) = new_key(folder.path(), kind.name(), kind.args(), "");
        let loaded = signing::load_key(&key).unwrap_or_else(|message| panic!("{kind:?}: {message}"));
        let signature = signing::sign(&loaded, MESSAGE).unwrap_or_else(|message| panic!("{kind:?}: {message}"));
        let signature_path = folder.path().join(format!("{}.sig", kind.name()));
        std::fs::write(&signature_path, &signature).unwrap();
        let allowed = folder.path().join(format!("{}.allowed", kind.name()));
        std::fs::write(&allowed, format!("alex@example.org {public}\n")).unwrap();
        let verified = ssh_keygen_verify(&allowed, "alex@example.org", &signature_path, MESSAGE);
        assert!(
            verified.status.success(),
            "{kind:?}: {}{}",
            out(&verified),
            err(&verified)
        );
        // And casebook reads its own signature back.
        signing::check(signature.as_bytes(), MESSAGE)
            .unwrap_or_else(|problem| panic!("{kind:?}: {}", problem.reason()));
    }
}

/// An ECDSA key whose secret begins with a zero byte (about one nistp521 key
/// in two, one nistp256 key in 256) is one ssh-key 0.6.7 cannot read by
/// itself: casebook still signs with it, and ssh-keygen accepts the result.
#[test]
fn an_ecdsa_key_whose_secret_starts_with_a_zero_byte_still_signs() {
    if !ssh_keygen_available("the short ECDSA secret test") {
        return;
    }
    let folder = tempfile::tempdir().unwrap();
    // Find such a key: ssh-key alone refuses it.
    let found = (0..64).find_map(|attempt| {
        let name = format!("short{attempt}");
        let (key, public) = new_key(folder.path(), &name, Kind::P521.args(), "");
        let refused = ssh_key::PrivateKey::from_openssh(std::fs::read(&key).unwrap()).is_err();
        refused.then_some((key, public))
    });
    let Some((key, public)) = found else {
        panic!("64 nistp521 keys and not one with a short secret: the odds are 1 in 2 each");
    };
    let loaded = signing::load_key(&key).unwrap_or_else(|message| panic!("{message}"));
    let signature = signing::sign(&loaded, MESSAGE).unwrap();
    let signature_path = folder.path().join("short.sig");
    std::fs::write(&signature_path, &signature).unwrap();
    let allowed = folder.path().join("allowed");
    std::fs::write(&allowed, format!("alex@example.org {public}\n")).unwrap();
    let verified = ssh_keygen_verify(&allowed, "alex@example.org", &signature_path, MESSAGE);
    assert!(verified.status.success(), "{}", err(&verified));
}

/// An RSA key under 2048 bits is refused with a reason that says so, for
/// signing and for checking, never as tampering (ssh-keygen itself still
/// takes 1024 bits: casebook is stricter on purpose).
#[test]
fn a_short_rsa_key_is_refused_by_its_size_never_as_tampering() {
    if !ssh_keygen_available("the short RSA key test") {
        return;
    }
    let folder = tempfile::tempdir().unwrap();
    let (key, _public) = new_key(folder.path(), "rsa1024", &["-t", "rsa", "-b", "1024"], "");
    let refused = signing::load_key(&key).unwrap_err();
    assert!(refused.contains("1024-bit RSA key"), "{refused}");
    assert!(refused.contains("2048 bits or more"), "{refused}");

    let (message, signature) = signed_by_ssh_keygen(folder.path(), &key, "rsa1024");
    let problem = signing::check(&std::fs::read(&signature).unwrap(), &std::fs::read(&message).unwrap()).unwrap_err();
    assert!(
        matches!(problem, SignatureProblem::RsaKeySize { bits: 1024, .. }),
        "{problem:?}"
    );
    let reason = problem.reason();
    assert!(reason.contains("2048 bits or more"), "{reason}");
    assert!(!reason.contains("changed"), "never called tampering: {reason}");
}

/// A DSA signature (if this ssh-keygen still makes DSA keys) is named as a
/// key type casebook cannot check, never as a changed review.
#[test]
fn a_dsa_signature_is_named_as_unsupported_never_as_tampering() {
    if !ssh_keygen_available("the DSA test") {
        return;
    }
    let folder = tempfile::tempdir().unwrap();
    let key = folder.path().join("dsa");
    let made = Command::new("ssh-keygen")
        .args(["-q", "-t", "dsa", "-N", "", "-f"])
        .arg(&key)
        .output()
        .unwrap();
    if !made.status.success() {
        eprintln!(
            "SKIPPED: this ssh-keygen no longer makes DSA keys ({}), so there is no DSA signature to check",
            err(&made).trim()
        );
        return;
    }
    let (message, signature) = signed_by_ssh_keygen(folder.path(), &key, "dsa");
    let problem = signing::check(&std::fs::read(&signature).unwrap(), &std::fs::read(&message).unwrap()).unwrap_err();
    assert!(
        matches!(&problem, SignatureProblem::UnsupportedKey { kind, .. } if kind == "DSA"),
        "{problem:?}"
    );
    let reason = problem.reason();
    assert!(
        reason.contains("casebook cannot check signatures made with DSA keys"),
        "{reason}"
    );
    assert!(!reason.contains("changed after"), "never called tampering: {reason}");
    // Nor does casebook sign with it.
    let refused = signing::load_key(&key).unwrap_err();
    assert!(
        refused.contains("DSA key, which casebook cannot sign with"),
        "{refused}"
    );
}

// ---- the whole round trip, through the binary

/// A learner's answered module exported as JSON, and a reviewer's data folder.
struct Trip {
    learner: tempfile::TempDir,
    reviewer: tempfile::TempDir,
    desk: tempfile::TempDir,
}

fn private_folder() -> tempfile::TempDir {
    let folder = tempfile::tempdir().unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(folder.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    folder
}

impl Trip {
    fn new() -> Trip {
        let trip = Trip {
            learner: private_folder(),
            reviewer: private_folder(),
            desk: tempfile::tempdir().unwrap(),
        };
        let answered = trip.run(
            trip.learner.path(),
            &["read", "desistance-assessing", "--plain"],
            "What stood out.\n.\nMore reading.\n.\n.\n",
            &[],
        );
        assert!(answered.status.success(), "{}", err(&answered));
        let exported = trip.run(
            trip.learner.path(),
            &["export", "--format", "json", "-o", "log.json"],
            "",
            &[],
        );
        assert!(exported.status.success(), "{}", err(&exported));
        trip
    }

    fn run(&self, data: &Path, args: &[&str], input: &str, env: &[(&str, &str)]) -> Output {
        env.iter()
            .fold(
                common::Launch::new(data, args)
                    .in_folder(self.desk.path())
                    .without("CASEBOOK_KEY_PASSPHRASE")
                    .input(input),
                |launch, (name, value)| launch.env(name, value),
            )
            .run()
    }

    /// The reviewer reviews `log.json` into `review`, signed with `key`.
    fn review(&self, review: &str, key: &Path, env: &[(&str, &str)]) -> Output {
        self.run(
            self.reviewer.path(),
            &[
                "review",
                "log.json",
                "--plain",
                "-o",
                review,
                "--sign-with",
                key.to_str().unwrap(),
            ],
            "Alex Reviewer\nPractice supervisor\nGood.\n.\n.\nWell done.\n.\n.\n.\n",
            env,
        )
    }
}

/// Through the binary, for each key type: `casebook review --sign-with KEY`
/// (the key under a passphrase) writes a signature ssh-keygen accepts; then
/// ssh-keygen signs the same review and `casebook verify --allowed-signers`
/// accepts that, naming the signer.
#[test]
fn reviews_signed_either_way_are_accepted_by_the_other_with_every_common_key() {
    if !ssh_keygen_available("the round trip with every key type") {
        return;
    }
    let trip = Trip::new();
    for kind in KINDS {
        let name = kind.name();
        let (key, public) = new_key(trip.desk.path(), name, kind.args(), "correct horse");
        let review = format!("{name}.review.json");
        let output = trip.review(&review, &key, &[("CASEBOOK_KEY_PASSPHRASE", "correct horse")]);
        assert!(output.status.success(), "{kind:?}: {}{}", out(&output), err(&output));
        assert!(
            out(&output).contains("Signed it with key SHA256:"),
            "{kind:?}: {}",
            out(&output)
        );

        let allowed = trip.desk.path().join(format!("{name}.allowed"));
        std::fs::write(
            &allowed,
            format!("alex@example.org namespaces=\"casebook-review\" {public}\n"),
        )
        .unwrap();
        let review_path = trip.desk.path().join(&review);
        let signature_path = trip.desk.path().join(format!("{review}.sig"));
        let bytes = std::fs::read(&review_path).unwrap();
        let verified = ssh_keygen_verify(&allowed, "alex@example.org", &signature_path, &bytes);
        assert!(
            verified.status.success(),
            "{kind:?}: ssh-keygen refused casebook's signature: {}",
            err(&verified)
        );

        // ssh-keygen signs the same review; casebook checks it by the file.
        std::fs::remove_file(&signature_path).unwrap();
        let (plain_key, plain_public) = new_key(trip.desk.path(), &format!("{name}-plain"), kind.args(), "");
        let signed = ssh_keygen_sign(&plain_key, &review_path);
        assert!(signed.status.success(), "{}", err(&signed));
        std::fs::write(&allowed, format!("alex@example.org {plain_public}\n")).unwrap();
        let output = trip.run(
            trip.learner.path(),
            &["verify", &review, "--allowed-signers", allowed.to_str().unwrap()],
            "",
            &[],
        );
        assert_eq!(
            output.status.code(),
            Some(0),
            "{kind:?}: {}{}",
            out(&output),
            err(&output)
        );
        assert!(out(&output).contains("alex@example.org"), "{kind:?}: {}", out(&output));
    }
}

/// A wrong passphrase for an ECDSA key is still called a wrong passphrase
/// (casebook reads some ECDSA key files itself; it must tell the two apart).
#[test]
fn a_wrong_passphrase_for_an_ecdsa_key_is_said_to_be_wrong() {
    if !ssh_keygen_available("the ECDSA passphrase test") {
        return;
    }
    let trip = Trip::new();
    let (key, _) = new_key(trip.desk.path(), "p521", Kind::P521.args(), "right one");
    let output = trip.review("p521.review.json", &key, &[("CASEBOOK_KEY_PASSPHRASE", "wrong one")]);
    assert_eq!(output.status.code(), Some(3), "{}{}", out(&output), err(&output));
    assert!(err(&output).contains("passphrase"), "{}", err(&output));
    assert!(err(&output).contains("is not right"), "{}", err(&output));
    assert!(!trip.desk.path().join("p521.review.json").exists(), "nothing written");
}

/// The same for such a key under a passphrase, through `casebook review
/// --sign-with`: ssh-key decrypts it but cannot read what is inside.
#[test]
fn an_encrypted_ecdsa_key_whose_secret_starts_with_a_zero_byte_still_signs() {
    if !ssh_keygen_available("the short encrypted ECDSA secret test") {
        return;
    }
    let trip = Trip::new();
    let found = (0..64).find_map(|attempt| {
        let name = format!("short{attempt}");
        let (key, public) = new_key(trip.desk.path(), &name, Kind::P521.args(), "sesame");
        let refused = ssh_key::PrivateKey::from_openssh(std::fs::read(&key).unwrap())
            .unwrap()
            .decrypt("sesame")
            .is_err();
        refused.then_some((key, public))
    });
    let Some((key, public)) = found else {
        panic!("64 nistp521 keys and not one with a short secret: the odds are 1 in 2 each");
    };
    let output = trip.review("short.review.json", &key, &[("CASEBOOK_KEY_PASSPHRASE", "sesame")]);
    assert!(output.status.success(), "{}{}", out(&output), err(&output));
    let allowed = trip.desk.path().join("allowed");
    std::fs::write(&allowed, format!("alex@example.org {public}\n")).unwrap();
    let bytes = std::fs::read(trip.desk.path().join("short.review.json")).unwrap();
    let verified = ssh_keygen_verify(
        &allowed,
        "alex@example.org",
        &trip.desk.path().join("short.review.json.sig"),
        &bytes,
    );
    assert!(verified.status.success(), "{}", err(&verified));
}

// ---- allowed-signers files: casebook and ssh-keygen side by side

/// The keys and signatures the corpus refers to: `{ed25519}` in a file
/// stands for the ed25519 key's `TYPE BASE64`, `{ed25519-blob}` for its
/// base64 alone, `{other}` for an ed25519 key that signed nothing.
struct Corpus {
    folder: tempfile::TempDir,
    publics: Vec<(String, String)>,
    signatures: Vec<(Kind, PathBuf)>,
}

impl Corpus {
    fn new() -> Corpus {
        let folder = tempfile::tempdir().unwrap();
        let message = folder.path().join("message");
        std::fs::write(&message, MESSAGE).unwrap();
        let mut publics = Vec::new();
        let mut signatures = Vec::new();
        for kind in KINDS {
            let (key, public) = new_key(folder.path(), kind.name(), kind.args(), "");
            let words: Vec<&str> = public.split_whitespace().collect();
            publics.push((format!("{{{}}}", kind.name()), format!("{} {}", words[0], words[1])));
            publics.push((format!("{{{}-blob}}", kind.name()), words[1].to_owned()));
            let (_, signature) = signed_by_ssh_keygen(folder.path(), &key, kind.name());
            signatures.push((kind, signature));
        }
        let (_, other) = new_key(folder.path(), "other", Kind::Ed25519.args(), "");
        let words: Vec<&str> = other.split_whitespace().collect();
        publics.push(("{other}".to_owned(), format!("{} {}", words[0], words[1])));
        Corpus {
            folder,
            publics,
            signatures,
        }
    }

    fn file(&self, template: &str) -> String {
        self.publics
            .iter()
            .fold(template.to_owned(), |text, (name, value)| text.replace(name, value))
    }

    fn signature(&self, kind: Kind) -> &Path {
        &self.signatures.iter().find(|(signed, _)| *signed == kind).unwrap().1
    }
}

/// casebook's verdict: the signature checks out, and the file allows its
/// key to sign casebook reviews as `principal` now.
fn casebook_accepts(allowed: &Path, principal: &str, signature: &Path) -> bool {
    let Ok(signed) = signing::check(&std::fs::read(signature).unwrap(), MESSAGE) else {
        return false;
    };
    let signers = signing::read_allowed_signers(allowed).unwrap();
    signing::verifies(&signers, &signed.key, principal, jiff::Timestamp::now())
}

/// (allowed-signers file, principal asked for, key that signed, what
/// ssh-keygen does): the verdict is written down too, so a change in either
/// tool is noticed, not only a difference between them.
const CASES: &[(&str, &str, Kind, bool)] = &[
    // Each key type, plainly.
    ("alex@example.org {ed25519}\n", "alex@example.org", Kind::Ed25519, true),
    ("alex@example.org {p256}\n", "alex@example.org", Kind::P256, true),
    ("alex@example.org {p384}\n", "alex@example.org", Kind::P384, true),
    ("alex@example.org {p521}\n", "alex@example.org", Kind::P521, true),
    ("alex@example.org {rsa}\n", "alex@example.org", Kind::Rsa, true),
    ("alex@example.org {ed25519}\n", "sam@example.org", Kind::Ed25519, false),
    ("alex@example.org {rsa}\n", "alex@example.org", Kind::Ed25519, false),
    ("alex@example.org {other}\n", "alex@example.org", Kind::Ed25519, false),
    // ECDSA and RSA lines beside the signer's do not spoil the file.
    (
        "kim {p256}\nlee {rsa}\nalex@example.org {ed25519}\n",
        "alex@example.org",
        Kind::Ed25519,
        true,
    ),
    ("kim {p384}\nalex {p521}\n", "alex", Kind::P521, true),
    ("kim {p256}\n", "alex", Kind::P256, false),
    // Principals: patterns, negation, quotes.
    ("*@example.org {ed25519}\n", "alex@example.org", Kind::Ed25519, true),
    ("*@example.org {ed25519}\n", "alex@example.com", Kind::Ed25519, false),
    ("!sam,* {ed25519}\n", "sam", Kind::Ed25519, false),
    ("!sam,* {ed25519}\n", "alex", Kind::Ed25519, true),
    ("alex,!alex {ed25519}\n", "alex", Kind::Ed25519, false),
    ("al?x {ed25519}\n", "alex", Kind::Ed25519, true),
    ("\"Sam O'Brien,alex\" {ed25519}\n", "Sam O'Brien", Kind::Ed25519, true),
    ("alex,kim {rsa}\n", "kim", Kind::Rsa, true),
    ("ALEX {ed25519}\n", "alex", Kind::Ed25519, false),
    // Namespaces: a pattern list, negation, quotes required, once only.
    (
        "alex namespaces=\"casebook-review\" {ed25519}\n",
        "alex",
        Kind::Ed25519,
        true,
    ),
    ("alex namespaces=\"git\" {ed25519}\n", "alex", Kind::Ed25519, false),
    ("alex namespaces=\"git,casebook-*\" {p256}\n", "alex", Kind::P256, true),
    (
        "alex namespaces=\"!casebook-review,*\" {ed25519}\n",
        "alex",
        Kind::Ed25519,
        false,
    ),
    (
        "alex namespaces=casebook-review {ed25519}\n",
        "alex",
        Kind::Ed25519,
        false,
    ),
    (
        "alex namespaces=\"casebook-review\",namespaces=\"casebook-review\" {ed25519}\n",
        "alex",
        Kind::Ed25519,
        false,
    ),
    (
        "alex NAMESPACES=\"casebook-review\" {ed25519}\n",
        "alex",
        Kind::Ed25519,
        true,
    ),
    (
        "alex namespces=\"casebook-review\" {ed25519}\n",
        "alex",
        Kind::Ed25519,
        false,
    ),
    (
        "alex namespaces=\"casebook-review\", {ed25519}\n",
        "alex",
        Kind::Ed25519,
        false,
    ),
    (
        "alex namespaces=\"casebook-review {ed25519}\n",
        "alex",
        Kind::Ed25519,
        false,
    ),
    // valid-after / valid-before, against the time of checking.
    ("alex valid-after=\"20200101\" {ed25519}\n", "alex", Kind::Ed25519, true),
    (
        "alex valid-after=\"29990101\" {ed25519}\n",
        "alex",
        Kind::Ed25519,
        false,
    ),
    ("alex valid-before=\"20200101Z\" {rsa}\n", "alex", Kind::Rsa, false),
    (
        "alex valid-before=\"29990101000000\" {p384}\n",
        "alex",
        Kind::P384,
        true,
    ),
    ("alex valid-after=20200101 {ed25519}\n", "alex", Kind::Ed25519, false),
    (
        "alex valid-after=\"20300101\",valid-before=\"20200101\" {ed25519}\n",
        "alex",
        Kind::Ed25519,
        false,
    ),
    (
        "alex namespaces=\"casebook-review\",valid-after=\"20200101\",valid-before=\"29990101\" {ed25519}\n",
        "alex",
        Kind::Ed25519,
        true,
    ),
    // Options are one word: a second word of options is not a key.
    (
        "alex namespaces=\"casebook-review\" valid-after=\"20200101\" {ed25519}\n",
        "alex",
        Kind::Ed25519,
        false,
    ),
    ("alex verify-required {ed25519}\n", "alex", Kind::Ed25519, false),
    // cert-authority: allows no plain key, and spoils nothing else.
    ("alex cert-authority {ed25519}\n", "alex", Kind::Ed25519, false),
    (
        "alex cert-authority {ed25519}\nalex {ed25519}\n",
        "alex",
        Kind::Ed25519,
        true,
    ),
    (
        "alex cert-authority,namespaces=\"casebook-review\" {rsa}\nalex {rsa}\n",
        "alex",
        Kind::Rsa,
        true,
    ),
    // Comments, blank lines, spaces and tabs, comments after the key.
    (
        "# supervisors\n\n   \nalex {ed25519} alex's laptop key\n",
        "alex",
        Kind::Ed25519,
        true,
    ),
    ("  alex\t{ed25519}\n", "alex", Kind::Ed25519, true),
    ("# alex {ed25519}\n", "alex", Kind::Ed25519, false),
    // A bad line is skipped, the rest still counts.
    ("alex bogus {ed25519}\nalex {ed25519}\n", "alex", Kind::Ed25519, true),
    ("alex\nalex {p256}\n", "alex", Kind::P256, true),
    (
        "alex ssh-ed25519 AAAAnotakey\nalex {ed25519}\n",
        "alex",
        Kind::Ed25519,
        true,
    ),
    ("alex\n", "alex", Kind::Ed25519, false),
    // Odd corners, each as ssh-keygen 9.2 was seen to read it.
    (
        "alex valid-after=\"20200101\",valid-after=\"20210101\" {ed25519}\n",
        "alex",
        Kind::Ed25519,
        false,
    ),
    (
        "alex cert-authority,cert-authority {ed25519}\nalex {ed25519}\n",
        "alex",
        Kind::Ed25519,
        true,
    ),
    ("alex namespaces=\"\" {ed25519}\n", "alex", Kind::Ed25519, false),
    ("alex,,kim {ed25519}\n", "kim", Kind::Ed25519, true),
    ("\"alex\"x {ed25519}\n", "alex", Kind::Ed25519, false),
    ("alex {ed25519}\r\n", "alex", Kind::Ed25519, true),
    ("alex {p256} namespaces=\"git\"\n", "alex", Kind::P256, true),
    (
        "alex namespaces=\"casebook-review\",bogus {rsa}\n",
        "alex",
        Kind::Rsa,
        false,
    ),
    (
        "alex valid-after=\"2020-01-01\" {ed25519}\n",
        "alex",
        Kind::Ed25519,
        false,
    ),
    (
        "alex valid-after=\"20200101UTC\" {ed25519}\n",
        "alex",
        Kind::Ed25519,
        true,
    ),
    // Type names as OpenSSH reads them.
    ("alex ssh-ed25519 {rsa-blob}\n", "alex", Kind::Rsa, false),
    ("alex rsa-sha2-512 {rsa-blob}\n", "alex", Kind::Rsa, true),
    ("alex ED25519 {ed25519-blob}\n", "alex", Kind::Ed25519, false),
    ("alex ECDSA {p256-blob}\n", "alex", Kind::P256, false),
];

/// The differential test: every file of the corpus, through ssh-keygen and
/// through casebook, with the same verdict.
#[test]
fn allowed_signers_files_are_read_exactly_as_ssh_keygen_reads_them() {
    if !ssh_keygen_available("the allowed-signers differential test") {
        return;
    }
    assert!(CASES.len() >= 30, "the corpus has {} files", CASES.len());
    let corpus = Corpus::new();
    let mut differences = Vec::new();
    for (index, (template, principal, kind, expected)) in CASES.iter().enumerate() {
        let allowed = corpus.folder.path().join(format!("allowed_signers_{index}"));
        std::fs::write(&allowed, corpus.file(template)).unwrap();
        let signature = corpus.signature(*kind);
        let by_ssh_keygen = ssh_keygen_verify(&allowed, principal, signature, MESSAGE)
            .status
            .success();
        let by_casebook = casebook_accepts(&allowed, principal, signature);
        if by_ssh_keygen != by_casebook || by_ssh_keygen != *expected {
            differences.push(format!(
                "case {index}: {template:?} as {principal:?} signed by {kind:?}: ssh-keygen {}, casebook {}, expected {}",
                verdict(by_ssh_keygen),
                verdict(by_casebook),
                verdict(*expected)
            ));
        }
    }
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}

fn verdict(accepted: bool) -> &'static str {
    if accepted { "accepts" } else { "refuses" }
}

/// A line skipped is named with its place, and only that line: the file's
/// other lines still count. Today one ECDSA or cert-authority line makes
/// the whole file unusable, and `!sam,*` is shown as a name.
#[test]
fn a_skipped_line_is_named_and_a_pattern_is_never_shown_as_a_name() {
    if !ssh_keygen_available("the skipped-line test") {
        return;
    }
    let corpus = Corpus::new();
    let allowed = corpus.folder.path().join("allowed_signers");
    std::fs::write(
        &allowed,
        corpus.file(
            "# the team\nkim cert-authority {p256}\nlee namespces=\"casebook-review\" {rsa}\n!sam,* {ed25519}\nalex@example.org {p521}\n",
        ),
    )
    .unwrap();
    let file = signing::read_allowed_signers_file(&allowed).unwrap();
    let place = allowed.display().to_string();
    assert_eq!(file.warnings.len(), 2, "{:?}", file.warnings);
    assert!(
        file.warnings[0].starts_with(&format!("{place}:2:1: ")),
        "{}",
        file.warnings[0]
    );
    assert!(file.warnings[0].contains("cert-authority"), "{}", file.warnings[0]);
    assert!(
        file.warnings[1].starts_with(&format!("{place}:3:5: ")),
        "{}",
        file.warnings[1]
    );
    assert!(file.warnings[1].contains("namespces"), "{}", file.warnings[1]);

    let now = jiff::Timestamp::now();
    let by = |kind: Kind| {
        signing::check(&std::fs::read(corpus.signature(kind)).unwrap(), MESSAGE)
            .unwrap()
            .key
    };
    assert_eq!(
        signing::principals_for(&file.signers, &by(Kind::P521), now),
        vec!["alex@example.org".to_owned()]
    );
    let shown = signing::principals_for(&file.signers, &by(Kind::Ed25519), now);
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert_ne!(shown[0], "!sam,*", "a pattern is not a name");
    assert!(shown[0].contains("pattern"), "{shown:?}");
    assert!(signing::principals_for(&file.signers, &by(Kind::P256), now).is_empty());
    assert!(signing::principals_for(&file.signers, &by(Kind::Rsa), now).is_empty());
}

/// Through the binary: a `cert-authority` line, an ECDSA line and an RSA
/// line beside the reviewer's no longer make the file unusable; and when
/// the key is refused, the lines skipped are named with their places, so a
/// misspelt option can be found. Today the first such line stops the file.
#[test]
fn casebook_verify_skips_only_the_lines_ssh_keygen_skips() {
    if !ssh_keygen_available("the allowed-signers verify test") {
        return;
    }
    let trip = Trip::new();
    let (key, public) = new_key(trip.desk.path(), "alex", Kind::Ed25519.args(), "");
    let output = trip.review("log.review.json", &key, &[]);
    assert!(output.status.success(), "{}", err(&output));
    let (_, ca) = new_key(trip.desk.path(), "ca", Kind::Ed25519.args(), "");
    let (_, ecdsa) = new_key(trip.desk.path(), "kim", Kind::P384.args(), "");
    let (_, rsa) = new_key(trip.desk.path(), "lee", Kind::Rsa.args(), "");
    let allowed = trip.desk.path().join("allowed_signers");
    std::fs::write(
        &allowed,
        format!("*@example.org cert-authority {ca}\nkim@example.org {ecdsa}\nlee@example.org {rsa}\nalex@example.org {public}\n"),
    )
    .unwrap();
    let verify = || {
        trip.run(
            trip.learner.path(),
            &["verify", "log.review.json", "--allowed-signers", "allowed_signers"],
            "",
            &[],
        )
    };
    let output = verify();
    assert_eq!(output.status.code(), Some(0), "{}{}", out(&output), err(&output));
    assert!(out(&output).contains("allows for alex@example.org"), "{}", out(&output));

    // The reviewer's line misspelt: refused, and the line named.
    std::fs::write(
        &allowed,
        format!("kim@example.org {ecdsa}\nalex@example.org namespces=\"casebook-review\" {public}\n"),
    )
    .unwrap();
    let output = verify();
    assert_eq!(output.status.code(), Some(1), "{}{}", out(&output), err(&output));
    let said = format!("{}{}", out(&output), err(&output));
    assert!(said.contains("does not allow"), "{said}");
    assert!(said.contains("allowed_signers:2:18: "), "{said}");
    assert!(said.contains("namespces"), "{said}");

    // A pattern of principals is never shown as a name.
    std::fs::write(&allowed, format!("!sam,* {public}\n")).unwrap();
    let output = verify();
    assert_eq!(output.status.code(), Some(0), "{}{}", out(&output), err(&output));
    assert!(!out(&output).contains("allows for !sam,*"), "{}", out(&output));
    assert!(out(&output).contains("pattern"), "{}", out(&output));
}
