//! `casebook trust`: the reviewers' keys a learner trusts, by name.

use std::io::Write;
use std::path::PathBuf;

use crate::exit;
use crate::folder::DataPaths;
use crate::text;

/// Trusts a reviewer's key for reviews signed in their name
#[derive(clap::Args, Debug, Clone, PartialEq, Eq)]
pub struct TrustArgs {
    /// The reviewer's public key: the file ending .pub that ssh-keygen made
    #[arg(value_name = "KEY.pub", required_unless_present_any = ["list", "remove"])]
    pub key: Option<PathBuf>,

    /// The reviewer's name, exactly as their reviews give it
    #[arg(long, value_name = "NAME", required_unless_present_any = ["list", "remove"])]
    pub name: Option<String>,

    /// List the keys you trust
    #[arg(long, conflicts_with_all = ["key", "name", "remove"])]
    pub list: bool,

    /// Stop trusting the keys of this reviewer (a name, or a key's SHA256: fingerprint)
    #[arg(long, value_name = "NAME", conflicts_with_all = ["key", "name"])]
    pub remove: Option<String>,
}

/// `casebook trust`.
pub fn trust_command(args: &TrustArgs, paths: &DataPaths, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    use crate::review::trust;
    let result = if args.list {
        trust::list(paths).map(|keys| {
            if keys.is_empty() {
                text::TRUSTED_NONE.to_owned()
            } else {
                keys.iter()
                    .map(|key| text::trusted_line(&key.name, &key.fingerprint))
                    .collect::<Vec<_>>()
                    .join("\n")
            }
        })
    } else if let Some(who) = &args.remove {
        trust::forget(paths, who).map(|removed| text::trust_forgotten(who, removed))
    } else {
        match (&args.key, &args.name) {
            (Some(key), Some(name)) => {
                trust::trust(paths, key, name).map(|fingerprint| text::trusted(name.trim(), &fingerprint))
            }
            // clap asks for both unless --list or --remove.
            _ => Err(text::TRUSTED_NONE.to_owned()),
        }
    };
    match result {
        Ok(said) => match crate::messages::write_to(out, &said) {
            Ok(()) => exit::OK,
            Err(_) => exit::FILE,
        },
        Err(message) => {
            let _ = crate::messages::write_to(err, &message);
            exit::FILE
        }
    }
}
