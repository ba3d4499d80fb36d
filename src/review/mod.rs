//! The supervision round trip: a supervisor (or peer) reviews a learner's
//! JSON log and writes a review file, optionally signed with an SSH key; the
//! learner imports it, and the next log carries every imported review.
//!
//! - `format.rs`: the review file (`assets/review-schema.json`).
//! - `signing.rs`: SSH signatures (SSHSIG, namespace `casebook-review`) and
//!   allowed-signers files, through RustCrypto's `ssh-key`.
//! - `imported.rs`: reviews kept in the learner's data folder, for the log,
//!   `list` and the tutor.
//!
//! The commands are in `crate::commands::review`; the import checks in `crate::supervision`.

pub mod format;
pub mod imported;
pub mod signing;
pub mod trust;

pub use format::{Comment, ModuleRef, Review, ReviewerKind};
pub use imported::{ImportedReview, ModuleComments, SignatureStatus, comments_for, latest_review_of};
