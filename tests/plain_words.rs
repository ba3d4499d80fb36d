//! Plain words: the messages a learner or supervisor reads (the catalogue in
//! src/text/) use the words a social worker uses. A technical term may stand
//! in brackets after the plain words, as a detail for whoever needs it
//! ("fingerprint (SHA256:...)"), or in the few messages listed below, which
//! only an IT person reads, each with its reason.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

/// Words a learner or supervisor stumbles on.
const BANNED: &[&str] = &[
    "digest",
    "namespace",
    "journal",
    ".ron",
    "outbox",
    "xapi",
    "account",
    "expected value at line",
    "sha256:",
    "ctrl-↓ more",
    "schema",
];

/// (file in src/text/, banned word, reason it is allowed there).
const ALLOWED: &[(&str, &str, &str)] = &[
    (
        "lrs.rs",
        "xapi",
        "the LRS's address and its replies: IT gives the learner an xAPI endpoint, and an LRS that is not one is named as such",
    ),
    (
        "lrs.rs",
        "account",
        "the LRS account name IT gives each learner (--account), which IT looks for in the LRS",
    ),
    (
        "lrs.rs",
        "outbox",
        "the folder of records waiting to be sent (outbox/ in the data folder), which IT inspects and clears",
    ),
    (
        "signatures.rs",
        "namespace",
        "the allowed-signers file IT writes for ssh-keygen: namespaces= is that file's own option",
    ),
    (
        "content.rs",
        ".ron",
        "module files are .ron files a trainer writes; validate names the file to fix",
    ),
    (
        "content.rs",
        "journal",
        "validate's message to a trainer about a module id Windows cannot use as a file name",
    ),
    (
        "data.rs",
        ".ron",
        "validate's message to a trainer, naming the .ron file to give",
    ),
];

/// The text of every string literal in a source file, by the line it
/// starts on, with format placeholders (`{name}`) and bracketed details
/// left out. Comments are skipped.
fn learner_text(source: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let mut chars = source.chars().peekable();
    let mut line = 1;
    while let Some(character) = chars.next() {
        match character {
            '\n' => line += 1,
            '/' if chars.peek() == Some(&'/') => {
                for next in chars.by_ref() {
                    if next == '\n' {
                        line += 1;
                        break;
                    }
                }
            }
            '\'' => {
                // A char literal ('"', '\\') is not the start of a string.
                let rest: String = chars.clone().take(3).collect();
                if rest.starts_with('\\') {
                    for next in chars.by_ref() {
                        if next == '\'' {
                            break;
                        }
                    }
                } else if rest.chars().nth(1) == Some('\'') {
                    chars.next();
                    chars.next();
                }
            }
            '"' => {
                let first = line;
                let mut text = String::new();
                let mut escaped = false;
                for next in chars.by_ref() {
                    if next == '\n' {
                        line += 1;
                    }
                    if escaped {
                        escaped = false;
                        // A line continuation joins with a space.
                        text.push(if next == '\n' { ' ' } else { next });
                    } else if next == '\\' {
                        escaped = true;
                    } else if next == '"' {
                        break;
                    } else {
                        text.push(next);
                    }
                }
                found.push((first, without_details(&text)));
            }
            _ => {}
        }
    }
    found
}

/// Leaves out `{placeholders}` and `(bracketed details)`.
fn without_details(text: &str) -> String {
    let mut out = String::new();
    let mut braces = 0usize;
    let mut brackets = 0usize;
    for character in text.chars() {
        match character {
            '{' => braces += 1,
            '}' => braces = braces.saturating_sub(1),
            '(' => brackets += 1,
            ')' => brackets = brackets.saturating_sub(1),
            _ if braces == 0 && brackets == 0 => out.push(character),
            _ => {}
        }
    }
    out
}

#[test]
fn the_catalogue_speaks_plain_words() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/text");
    let mut problems = Vec::new();
    for entry in std::fs::read_dir(&folder).unwrap() {
        let path = entry.unwrap().path();
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let source = std::fs::read_to_string(&path).unwrap();
        for (line, text) in learner_text(&source) {
            let lower = text.to_lowercase();
            for word in BANNED {
                let allowed = ALLOWED.iter().any(|(f, w, _)| *f == file && w == word);
                if lower.contains(word) && !allowed {
                    problems.push(format!("src/text/{file}:{line}: \"{word}\" in {:?}", text.trim()));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "jargon in what a learner or supervisor reads:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_check_finds_jargon_and_lets_details_in_brackets_pass() {
    let caught = learner_text("    \"Your journal is saved.\"\n");
    assert!(caught[0].1.contains("journal"));
    let detail = learner_text("    \"Signed with the key (fingerprint SHA256:abc, digest d) {digest}\"\n");
    assert!(!detail[0].1.to_lowercase().contains("digest"), "{detail:?}");
    assert!(learner_text("    // a journal in a comment\n").is_empty());
    // Every exception names a banned word and gives a reason.
    for (_, word, reason) in ALLOWED {
        assert!(BANNED.contains(word));
        assert!(reason.len() > 20);
    }
}

/// The guides a learner, a supervisor or a peer reads (`casebook guide
/// learner`, `supervisor`, `cpd`). The IT and development guides keep their
/// technical words: IT people and developers read them.
const READERS_GUIDES: &[&str] = &["learner.md", "supervisor.md", "cpd.md"];

/// (guide, banned word, reason it is allowed there).
const GUIDE_ALLOWED: &[(&str, &str, &str)] = &[(
    "cpd.md",
    ".ron",
    "a regulator's layout of your own is a .ron file you write (from a copy of a shipped one); the guide names the file to write",
)];

/// The prose of a guide, line by line: what a reader reads as sentences.
/// Left out, as in the catalogue: `(bracketed details)`, where a technical
/// term stands after the plain words; and fenced blocks (```), which hold
/// what the reader types and what casebook prints (whose words the
/// catalogue test checks). A bracket left open ends with its paragraph, so
/// a stray "(" cannot hide the rest of a guide.
fn guide_prose(markdown: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let mut fenced = false;
    let mut brackets = 0usize;
    for (index, line) in markdown.lines().enumerate() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        if line.trim().is_empty() {
            brackets = 0;
            continue;
        }
        let mut out = String::new();
        for character in line.chars() {
            match character {
                '(' => brackets += 1,
                ')' => brackets = brackets.saturating_sub(1),
                _ if brackets == 0 => out.push(character),
                _ => {}
            }
        }
        found.push((index + 1, out));
    }
    found
}

#[test]
fn the_readers_guides_speak_plain_words() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/guides");
    let mut problems = Vec::new();
    for file in READERS_GUIDES {
        let markdown = std::fs::read_to_string(folder.join(file)).unwrap();
        for (line, text) in guide_prose(&markdown) {
            let lower = text.to_lowercase();
            for word in BANNED {
                let allowed = GUIDE_ALLOWED.iter().any(|(f, w, _)| f == file && w == word);
                if lower.contains(word) && !allowed {
                    problems.push(format!("assets/guides/{file}:{line}: \"{word}\" in {:?}", text.trim()));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "jargon in a guide a learner or supervisor reads (put the plain word first, the term in brackets):\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_guide_check_skips_details_and_fenced_blocks_but_not_a_whole_guide() {
    let guide = "Your journal is saved.\n\nA check number (SHA-256 digest) is kept.\n\n\
                 ```\n$ casebook verify log.md\nits digest matches\n```\n\n\
                 An open bracket ( ends here\n\nso the digest is still seen.\n";
    let prose = guide_prose(guide);
    let with = |word: &str| prose.iter().filter(|(_, text)| text.contains(word)).count();
    assert_eq!(with("journal"), 1);
    assert_eq!(with("digest"), 1, "{prose:?}");
    assert!(prose.iter().any(|(line, text)| *line == 12 && text.contains("digest")));
    for (file, word, reason) in GUIDE_ALLOWED {
        assert!(READERS_GUIDES.contains(file));
        assert!(BANNED.contains(word));
        assert!(reason.len() > 20);
    }
}

/// Commands only IT or a trainer reads the help of, each with its reason:
/// their help may use the technical terms.
const TECHNICAL_COMMANDS: &[(&str, &str)] = &[
    (
        "lrs",
        "setting up a learning record store is IT's task (xAPI, account, outbox)",
    ),
    ("sync", "sending to the learning record store: IT's terms, as in `lrs`"),
    ("validate", "a trainer checks module files (.ron) with it"),
];

/// Every help a learner or supervisor reads (`casebook COMMAND --help` at
/// any depth: what the command does and what each option means) in plain
/// words, as the catalogue is. Clap's strings live beside the code, not in
/// src/text/, so the catalogue's check does not see them.
#[test]
fn the_command_line_help_speaks_plain_words() {
    use clap::CommandFactory;
    fn walk(command: &clap::Command, path: &str, problems: &mut Vec<String>, seen: &mut Vec<String>) {
        let name = if path.is_empty() {
            command.get_name().to_owned()
        } else {
            format!("{path} {}", command.get_name())
        };
        seen.push(name.clone());
        let top = name.split(' ').nth(1).unwrap_or_default();
        if TECHNICAL_COMMANDS.iter().any(|(command, _)| *command == top) {
            return;
        }
        let mut texts: Vec<String> = command
            .get_about()
            .into_iter()
            .chain(command.get_long_about())
            .map(ToString::to_string)
            .collect();
        for argument in command.get_arguments() {
            texts.extend(argument.get_help().map(ToString::to_string));
            texts.extend(argument.get_long_help().map(ToString::to_string));
        }
        for text in texts {
            let lower = without_details(&text).to_lowercase();
            for word in BANNED {
                if lower.contains(word) {
                    problems.push(format!("`{name} --help`: \"{word}\" in {text:?}"));
                }
            }
        }
        for sub in command.get_subcommands() {
            walk(sub, &name, problems, seen);
        }
    }
    let mut problems = Vec::new();
    let mut seen = Vec::new();
    walk(&casebook::commands::cli::Cli::command(), "", &mut problems, &mut seen);
    for reached in [
        "casebook export",
        "casebook cpd export",
        "casebook review",
        "casebook trust",
    ] {
        assert!(seen.iter().any(|name| name == reached), "{reached} not read: {seen:?}");
    }
    assert!(
        problems.is_empty(),
        "jargon in the command line's help:\n{}",
        problems.join("\n")
    );
}
