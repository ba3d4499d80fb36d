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
    man.render_subcommands_section(&mut page).unwrap();
    let mut page = String::from_utf8(page).unwrap();
    // Each command's own options, as its --help gives them.
    for sub in command.get_subcommands() {
        let name = format!("{} {}", command.get_name(), sub.get_name());
        let sub = sub.clone().bin_name(name.clone());
        let mut own = Vec::new();
        let man = clap_mangen::Man::new(sub.clone());
        man.render_synopsis_section(&mut own).unwrap();
        man.render_options_section(&mut own).unwrap();
        let own = String::from_utf8(own).unwrap();
        page.push_str(&format!(".SH \"{}\"\n", name.to_uppercase()));
        if let Some(about) = sub.get_about() {
            page.push_str(&format!("{}\n", roff_text(&about.to_string())));
        }
        // The sections become subsections of this command's.
        page.push_str(&own.replace(".SH ", ".SS "));
    }
    page.push_str(".SH \"EXIT STATUS\"\n");
    for (code, meaning) in casebook::exit::TABLE {
        page.push_str(&format!(".TP\n{code}\n{}\n", roff_text(meaning)));
    }
    page.push_str(".SH \"SEE ALSO\"\nThe guides built into casebook: run\n.B casebook guide\nto list them.\n");
    page
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

/// Every command's --help through the binary, as a user sees it.
#[test]
fn every_help_is_a_snapshot() {
    let data = tempfile::tempdir().unwrap();
    let command = casebook::commands::cli::Cli::command();
    let mut paths: Vec<Vec<String>> = vec![vec![]];
    for sub in command.get_subcommands() {
        paths.push(vec![sub.get_name().to_owned()]);
        for nested in sub.get_subcommands() {
            paths.push(vec![sub.get_name().to_owned(), nested.get_name().to_owned()]);
        }
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
