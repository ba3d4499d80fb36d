//! The documentation a user reads, checked against the program: every guide
//! is reachable from the binary, every `--help` is a snapshot, the man page
//! is made from the clap definitions, and the README's exit-status table is
//! the one list in src/exit.rs.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;
use std::process::Output;

use casebook::commands::guide::GUIDES;
use clap::CommandFactory;

fn casebook(data: &Path, args: &[&str]) -> Output {
    common::Launch::new(data, args).without("NO_COLOR").run()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn repository() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn readme() -> String {
    std::fs::read_to_string(repository().join("README.md")).unwrap()
}

#[test]
fn casebook_guide_lists_every_guide_and_prints_each_one_when_piped() {
    let data = tempfile::tempdir().unwrap();
    let listed = casebook(data.path(), &["guide"]);
    assert!(listed.status.success());
    let list = stdout(&listed);
    // Every guide in assets/guides/ is built in, and listed.
    let mut files: Vec<String> = std::fs::read_dir(repository().join("assets/guides"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "md"))
        .map(|path| std::fs::read_to_string(path).unwrap())
        .collect();
    files.push(std::fs::read_to_string(repository().join("assets/CHANGELOG.md")).unwrap());
    assert_eq!(
        files.len(),
        GUIDES.len(),
        "a guide file that casebook does not build in"
    );
    for guide in GUIDES {
        assert!(
            list.lines()
                .any(|line| line.split_whitespace().next() == Some(guide.topic)),
            "{} is not listed:\n{list}",
            guide.topic
        );
        // Piped (the test's output is a pipe), the guide is its Markdown as it is.
        let shown = casebook(data.path(), &["guide", guide.topic]);
        assert!(shown.status.success(), "casebook guide {}", guide.topic);
        let printed = stdout(&shown);
        assert_eq!(
            printed, guide.text,
            "casebook guide {} printed something else",
            guide.topic
        );
        assert!(
            files.iter().any(|file| printed.starts_with(file.as_str())),
            "casebook guide {} is not a file in assets/",
            guide.topic
        );
        assert!(printed.starts_with("# "), "{}", guide.topic);
    }
    let unknown = casebook(data.path(), &["guide", "nope"]);
    assert_eq!(unknown.status.code(), Some(1));
    let said = String::from_utf8_lossy(&unknown.stderr);
    assert!(said.contains("There is no guide called \"nope\""), "{said}");
    assert!(said.contains("learner, supervisor"), "{said}");
    assert!(!said.contains("Did you mean"), "nothing is near \"nope\": {said}");
    // A topic typed a letter or two wrong is answered with the nearest.
    for (typo, meant) in [("supervsior", "supervisor"), ("Lerner", "learner"), ("cdp", "cpd")] {
        let near = casebook(data.path(), &["guide", typo]);
        assert_eq!(near.status.code(), Some(1));
        let said = String::from_utf8_lossy(&near.stderr);
        assert!(
            said.contains(&format!("There is no guide called \"{typo}\". Did you mean {meant}?")),
            "{said}"
        );
    }
}

#[test]
fn the_readme_points_to_every_guide_and_keeps_to_its_length() {
    let readme = readme();
    for guide in GUIDES {
        assert!(
            readme.contains(&format!("casebook guide {}", guide.topic)),
            "README does not name casebook guide {}",
            guide.topic
        );
    }
    for entry in std::fs::read_dir(repository().join("assets/guides")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            readme.contains(&format!("assets/guides/{name}")),
            "README does not link {name}"
        );
    }
    assert!(readme.contains("assets/CHANGELOG.md"));
    // CI runs exactly what the README tells a newcomer to run.
    assert!(readme.lines().any(|line| line.trim_start().starts_with("cargo test")));
    assert!(
        readme
            .lines()
            .any(|line| line.trim_start().starts_with("cargo run --release"))
    );
    let lines = readme.lines().count();
    assert!(lines <= 320, "README has {lines} lines: the front door stays short");
}

/// The README's exit-status table, as made from src/exit.rs's list.
fn exit_table() -> String {
    let mut table = String::from("| status | meaning |\n| ---: | --- |\n");
    for (code, meaning) in casebook::exit::TABLE {
        table.push_str(&format!("| {code} | {meaning} |\n"));
    }
    table
}

#[test]
fn the_readme_exit_table_is_the_one_list_in_src_exit() {
    let table = exit_table();
    assert!(
        readme().contains(&table),
        "README.md's exit-status table differs from src/exit.rs's TABLE; it should read:\n{table}"
    );
}

/// The man page, from the clap definitions and the exit-status list.
fn man_page() -> String {
    let command = casebook::commands::cli::Cli::command();
    let man = clap_mangen::Man::new(command.clone());
    let mut page = Vec::new();
    man.render_title(&mut page).unwrap();
    man.render_name_section(&mut page).unwrap();
    man.render_synopsis_section(&mut page).unwrap();
    man.render_description_section(&mut page).unwrap();
    man.render_options_section(&mut page).unwrap();
    let mut page = String::from_utf8(page).unwrap();
    page.push_str(&commands_list(command.get_name(), &command));
    // Every command's own options and arguments, as its --help gives them,
    // at every depth (cpd new, lrs set, ...).
    for (path, sub) in commands_at_every_depth(&command) {
        page.push_str(&command_section(&path, sub));
    }
    page.push_str(".SH \"EXIT STATUS\"\n");
    for (code, meaning) in casebook::exit::TABLE {
        page.push_str(&format!(".TP\n{code}\n{}\n", roff_text(meaning)));
    }
    page.push_str(".SH \"SEE ALSO\"\nThe guides built into casebook: run\n.B casebook guide\nto list them.\n");
    page
}

/// Every command under `command`, at every depth, each with its words from
/// the top ("casebook cpd new"), parents before their own commands.
fn commands_at_every_depth(command: &clap::Command) -> Vec<(String, clap::Command)> {
    fn walk(path: &str, command: &clap::Command, found: &mut Vec<(String, clap::Command)>) {
        for sub in command.get_subcommands() {
            let path = format!("{path} {}", sub.get_name());
            found.push((path.clone(), sub.clone()));
            walk(&path, sub, found);
        }
    }
    let mut found = Vec::new();
    walk(command.get_name(), command, &mut found);
    found
}

/// The list of a command's own commands, each by the words that run it
/// ("casebook cpd new"), the heading of its section below.
fn commands_list(path: &str, command: &clap::Command) -> String {
    let mut list = String::from(".SH COMMANDS\nEach is described in its own section below.\n");
    for sub in command.get_subcommands() {
        let name = format!("{path} {}", sub.get_name());
        list.push_str(&format!(".TP\n\\fB{}\\fR\n", roff_text(&name)));
        if let Some(about) = sub.get_about() {
            list.push_str(&format!("{}\n", roff_text(&about.to_string())));
        }
    }
    list
}

/// One command's section of the man page: what it does, its synopsis, its
/// options and arguments, and the commands of its own if it has any.
fn command_section(path: &str, sub: clap::Command) -> String {
    let sub = sub.bin_name(path);
    let mut own = Vec::new();
    let man = clap_mangen::Man::new(sub.clone());
    man.render_synopsis_section(&mut own).unwrap();
    man.render_options_section(&mut own).unwrap();
    let mut own = String::from_utf8(own).unwrap();
    if sub.has_subcommands() {
        own.push_str(&commands_list(path, &sub));
    }
    let mut section = format!(".SH \"{}\"\n", path.to_uppercase());
    if let Some(about) = sub.get_long_about().or(sub.get_about()) {
        section.push_str(&format!("{}\n", roff_text(&about.to_string())));
    }
    // The sections become subsections of this command's.
    section.push_str(&own.replace(".SH ", ".SS "));
    section
}

/// Text for a roff line: a leading dot or quote would be a request.
fn roff_text(text: &str) -> String {
    let text = text.replace('\\', "\\e").replace('-', "\\-");
    if text.starts_with('.') || text.starts_with('\'') {
        format!("\\&{text}")
    } else {
        text
    }
}

#[test]
fn the_man_page_is_made_from_the_clap_definitions() {
    let path = repository().join("assets/casebook.1");
    let page = man_page();
    let kept = std::fs::read_to_string(&path).unwrap_or_default();
    if kept != page {
        std::fs::write(&path, &page).unwrap();
        panic!(
            "assets/casebook.1 was out of date with the command line or src/exit.rs; it has been written again: commit it"
        );
    }
    for (code, _) in casebook::exit::TABLE {
        assert!(page.contains(&format!(".TP\n{code}\n")));
    }
    assert!(page.contains("casebook guide"));
}

/// The page has a section for every command at every depth, and each
/// section names every option and argument that command takes: a command or
/// option added to the command line and left out of the page fails here.
#[test]
fn the_man_page_covers_every_command_at_every_depth() {
    let page = man_page();
    let command = casebook::commands::cli::Cli::command();
    let every = commands_at_every_depth(&command);
    assert!(
        every.iter().any(|(path, _)| path.split(' ').count() == 3),
        "the commands' own commands (cpd new, lrs set) are walked too"
    );
    for (path, sub) in &every {
        let heading = format!(".SH \"{}\"\n", path.to_uppercase());
        let start = page
            .find(&heading)
            .unwrap_or_else(|| panic!("no section for {path} in the man page"));
        let body = &page[start + heading.len()..];
        let body = &body[..body.find("\n.SH ").unwrap_or(body.len())];
        assert!(
            body.contains(&format!("\\fB{}\\fR", path.replace('-', "\\-"))),
            "{path}'s synopsis is not in its section"
        );
        for arg in sub.get_arguments().filter(|arg| !arg.is_hide_set()) {
            let named = match (arg.get_long(), arg.get_value_names()) {
                (Some(long), _) => format!("\\fB\\-\\-{}\\fR", long.replace('-', "\\-")),
                (None, Some(names)) => format!("\\fI{}\\fR", names[0]),
                (None, None) => format!("\\fI{}\\fR", arg.get_id().as_str().to_uppercase()),
            };
            assert!(body.contains(&named), "{path}: {named} is not in its section:\n{body}");
            assert!(
                arg.get_help().is_some(),
                "{path}: {named} does not say what it is, in --help or the man page"
            );
        }
        for nested in sub.get_subcommands() {
            assert!(
                body.contains(nested.get_name()),
                "{path} does not list its command {}",
                nested.get_name()
            );
        }
    }
}

/// Every command's --help through the binary, as a user sees it.
#[test]
fn every_help_is_a_snapshot() {
    let data = tempfile::tempdir().unwrap();
    let command = casebook::commands::cli::Cli::command();
    // Every command at every depth, as the man page has them.
    let mut paths: Vec<Vec<String>> = vec![vec![]];
    for (path, _) in commands_at_every_depth(&command) {
        paths.push(path.split(' ').skip(1).map(str::to_owned).collect());
    }
    assert!(paths.len() > 14, "every command, and cpd's and lrs's own");
    for path in paths {
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        let output = common::Launch::new(data.path(), &args)
            .without("NO_COLOR")
            .without("CASEBOOK_ASCII")
            .env("COLUMNS", "100")
            .run();
        assert!(output.status.success(), "{args:?}");
        // The data folder's path shows as the environment's value.
        let help = stdout(&output).replace(&data.path().display().to_string(), "DATA");
        let name = if path.is_empty() {
            "casebook".to_owned()
        } else {
            format!("casebook-{}", path.join("-"))
        };
        insta::assert_snapshot!(name, help);
    }
}
