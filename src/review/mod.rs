//! The supervision round trip: a supervisor (or peer) reviews a learner's
//! JSON log and writes a review file, optionally signed with an SSH key; the
//! learner imports it, and the next log carries every imported review.
//!
//! - `format.rs`: the review file (`assets/review-schema.json`) and the
//!   parts of a JSON log a review needs.
//! - `signing.rs`: SSH signatures (SSHSIG, namespace `casebook-review`) and
//!   allowed-signers files, through RustCrypto's `ssh-key`.
//! - `imported.rs`: reviews kept in the learner's data folder, for the log,
//!   `list` and the tutor.
//! - `cli.rs`: `review`, `import-review`, `exports` and `verify REVIEW`.

pub mod cli;
pub mod format;
pub mod imported;
pub mod signing;

pub use format::{Comment, LogView, ModuleRef, Review, ReviewerKind};
pub use imported::{ImportedReview, ModuleComments, SignatureStatus, comments_for, latest_review_of};
