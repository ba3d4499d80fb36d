//! The overlays: boxes drawn over a screen, each with its own keys.

pub(crate) mod cpd;
pub(crate) mod export;
pub(crate) mod findings;
pub(crate) mod help;
pub(crate) mod review_import;
