//! The command line: every flag documented here is what `--help` shows.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "casebook",
    version,
    about = "A terminal tutor for reflective learning from HM Inspectorate of Probation's case supervision guide",
    long_about = "casebook presents a course module by module, pauses at the take-away questions for your \
                  reflections, keeps them on this machine and exports a reflective log for supervision.\n\n\
                  Run with no command to open the tutor."
)]
pub struct Cli {
    /// Keep all data (reflections, progress, profile) under DIR instead of the platform data folder
    #[arg(long, global = true, value_name = "DIR", env = "CASEBOOK_DATA_DIR")]
    pub data_dir: Option<PathBuf>,

    /// Add a folder of extra courses (one course folder holding course.ron, or a folder of them); may be repeated
    #[arg(long = "modules", global = true, value_name = "DIR")]
    pub modules: Vec<PathBuf>,

    /// Draw the tutor's symbols in plain ASCII (automatic where the console cannot show them); also CASEBOOK_ASCII=1
    #[arg(long, global = true, env = "CASEBOOK_ASCII", value_parser = clap::builder::FalseyValueParser::new())]
    pub ascii: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open one module straight away (by id, or course/id when two courses share an id)
    Read {
        /// The module's id, as shown by "casebook list"
        #[arg(value_name = "MODULE")]
        module: String,
        /// Line-by-line mode for screen readers and dumb terminals (automatic when TERM=dumb or output is not a terminal)
        #[arg(long)]
        plain: bool,
    },
    /// List every course and module, with your progress, as plain text
    List,
    /// Write a reflective log for supervision (Markdown, HTML, JSON or plain text)
    Export(crate::commands::export::ExportArgs),
    /// Check your reflections for details that could identify someone (names, postcodes, dates of birth...)
    Check(crate::commands::check::CheckArgs),
    /// Check whether an exported log was changed after it was written, or check a review's signature
    Verify(crate::commands::export::VerifyArgs),
    /// Review a learner's JSON log as their supervisor or a peer, and write (and sign) the review
    Review(crate::commands::review::ReviewArgs),
    /// Add a review of one of your logs to your record
    ImportReview(crate::commands::review::ImportReviewArgs),
    /// List the logs exported from this data folder (ids, digests, dates, modules; never their text)
    Exports,
    /// Trust a reviewer's public key (KEY.pub) for reviews signed in their name, list the keys you trust, or stop trusting one
    Trust(crate::commands::trust::TrustArgs),
    /// Your CPD records: the registration year at a glance, or make, list, edit, submit and export records
    Cpd(crate::commands::cpd::CpdArgs),
    /// Send your learning records to your organisation's learning record store (LRS)
    Sync {
        /// Only show what is waiting to be sent and the last error
        #[arg(long)]
        status: bool,
        /// Also send the statements kept back because your words in them may identify someone (you have read the findings
        /// and nothing in them identifies a child, family, victim or colleague)
        #[arg(long)]
        checked: bool,
    },
    /// Set up, check or forget the learning record store (xAPI) records are sent to
    Lrs {
        #[command(subcommand)]
        command: crate::lrs::LrsCommand,
    },
    /// Read a guide built into casebook (learner, supervisor, cpd, it, ...); with no topic, list them
    Guide {
        /// The guide to read, as "casebook guide" lists them
        #[arg(value_name = "TOPIC")]
        topic: Option<String>,
    },
    /// Check course folders or module files; problems are printed as file:line:column: message
    Validate {
        /// Course folders, folders of courses, or single .ron files (default: everything casebook would load)
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
}
