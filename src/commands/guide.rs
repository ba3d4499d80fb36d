//! `casebook guide [TOPIC]`: the guides by reader, built into the binary
//! so a workstation with no browser (or no network) can read them. With
//! no topic it lists them; with one it shows it full-screen on a terminal,
//! or prints the Markdown as it is (sanitised) when piped.

use std::io::IsTerminal;

use crate::exit;
use crate::messages::{print, say};
use crate::text;

/// One guide: the topic the command takes, its title, its text.
pub struct Guide {
    pub topic: &'static str,
    pub title: &'static str,
    pub text: &'static str,
}

/// Every guide, in the order a newcomer reads them.
pub const GUIDES: &[Guide] = &[
    Guide {
        topic: "learner",
        title: "For learners: the tutor, answering, your log, feedback and trusted keys",
        text: include_str!("../../assets/guides/learner.md"),
    },
    Guide {
        topic: "supervisor",
        title: "For supervisors and peers: reviewing a log, signing it, sending it back",
        text: include_str!("../../assets/guides/supervisor.md"),
    },
    Guide {
        topic: "cpd",
        title: "CPD records for your regulator",
        text: include_str!("../../assets/guides/cpd.md"),
    },
    Guide {
        topic: "it",
        title: "For organisations and IT: installing, data and backups, exit codes, LRS",
        text: include_str!("../../assets/guides/it.md"),
    },
    Guide {
        topic: "modules",
        title: "Writing modules: for trainers",
        // The format itself, from modules/README.md, follows the guide.
        text: concat!(
            include_str!("../../assets/guides/modules.md"),
            "\n",
            include_str!("../../modules/README.md")
        ),
    },
    Guide {
        topic: "development",
        title: "Development and architecture: floors, tests, CI, cross-check",
        text: include_str!("../../assets/guides/development.md"),
    },
    Guide {
        topic: "speed",
        title: "Speed and size, beside less and vim",
        text: include_str!("../../assets/guides/speed.md"),
    },
    Guide {
        topic: "changes",
        title: "What has changed (the changelog)",
        text: include_str!("../../assets/CHANGELOG.md"),
    },
];

/// How alike (Jaro-Winkler, 0 to 1) a mistyped topic must be to a guide's
/// to be suggested: a letter or two wrong or missing in a longer topic.
const NEAR_ENOUGH: f64 = 0.85;

/// The topic nearest a mistyped one ("supervsior", "lerner", "cdp"), if
/// one is near enough to be what was meant: a letter or two wrong, or one
/// letter wrong, missing or swapped in a short topic.
pub fn nearest(topic: &str) -> Option<&'static str> {
    let wanted = topic.trim().to_lowercase();
    GUIDES
        .iter()
        .map(|guide| {
            let edits = strsim::osa_distance(&wanted, guide.topic);
            (edits, strsim::jaro_winkler(&wanted, guide.topic), guide.topic)
        })
        .filter(|(edits, score, _)| *edits <= 1 || *score >= NEAR_ENOUGH)
        .min_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)))
        .map(|(_, _, topic)| topic)
}

/// Finds a guide by its topic, ignoring case.
pub fn find(topic: &str) -> Option<&'static Guide> {
    GUIDES
        .iter()
        .find(|guide| guide.topic.eq_ignore_ascii_case(topic.trim()))
}

/// `ascii` is --ascii (or CASEBOOK_ASCII): the pager's foot in plain ASCII.
pub fn run(topic: Option<&str>, ascii: bool) -> u8 {
    let Some(topic) = topic else {
        let mut out = String::new();
        out.push_str(text::GUIDE_LIST_HEADING);
        out.push('\n');
        for guide in GUIDES {
            out.push_str(&text::guide_list_row(guide.topic, guide.title));
            out.push('\n');
        }
        out.push_str(text::GUIDE_LIST_FOOT);
        out.push('\n');
        return match print(&out) {
            Ok(()) => exit::OK,
            Err(code) => code,
        };
    };
    let Some(guide) = find(topic) else {
        let topics: Vec<&str> = GUIDES.iter().map(|guide| guide.topic).collect();
        say(&text::guide_unknown(topic, &topics.join(", "), nearest(topic)));
        return exit::CONTENT;
    };
    let dumb = std::env::var("TERM").is_ok_and(|term| term == "dumb");
    if std::io::stdout().is_terminal() && std::io::stdin().is_terminal() && !dumb {
        match crate::tui::guide::show(
            guide.title,
            guide.text,
            crate::tui::guide::Looks::from_environment(ascii),
        ) {
            Ok(()) => return exit::OK,
            Err(reason) => say(&text::guide_pager_failed(&reason)),
        }
    }
    match print(guide.text) {
        Ok(()) => exit::OK,
        Err(code) => code,
    }
}
