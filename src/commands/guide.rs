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

/// Finds a guide by its topic, ignoring case.
pub fn find(topic: &str) -> Option<&'static Guide> {
    GUIDES
        .iter()
        .find(|guide| guide.topic.eq_ignore_ascii_case(topic.trim()))
}

pub fn run(topic: Option<&str>) -> u8 {
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
        say(&text::guide_unknown(topic, &topics.join(", ")));
        return exit::CONTENT;
    };
    let dumb = std::env::var("TERM").is_ok_and(|term| term == "dumb");
    if std::io::stdout().is_terminal() && std::io::stdin().is_terminal() && !dumb {
        match crate::tui::guide::show(guide.title, guide.text) {
            Ok(()) => return exit::OK,
            Err(reason) => say(&text::guide_pager_failed(&reason)),
        }
    }
    match print(guide.text) {
        Ok(()) => exit::OK,
        Err(code) => code,
    }
}
