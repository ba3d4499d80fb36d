//! CPD records the regulators ask for: a record per piece of learning,
//! the registration year at a glance, and each regulator's form as a
//! layout file (data, not code).

pub mod check;
pub mod glance;
pub mod layout;
pub mod record;
pub mod render;
pub mod year;
