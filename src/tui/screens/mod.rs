//! One module per screen: its key handling and its drawing together.

pub(crate) mod completion;
pub(crate) mod feedback;
pub(crate) mod home;
pub(crate) mod profile;
pub(crate) mod reader;
