//! The shape of the code, checked on every test run: layers never import
//! upward, no files import each other in a circle, and no file in src/ is
//! too long to read in one sitting.
//!
//! Imports are read from the source itself (`use` lines and `crate::` paths),
//! resolved to the file that defines the module named, so the check needs no
//! tool beyond Cargo.

#![allow(clippy::unwrap_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The floors, from the ground up. A file may import from its own top-level
/// module and from any module on a lower floor, never from one on the same
/// floor or higher.
const FLOORS: &[&[&str]] = &[
    // the text catalogue, a leaf; then the data folder and the smallest helpers
    &["text", "exit"],
    &["sanitise", "folder", "digest", "identify"],
    // how casebook talks to the terminal and the system
    &["messages", "console", "hidden_input"],
    // the course
    &["content"],
    // what the learner writes, and how the course's text is laid out
    &["journal", "document", "editor"],
    // what a supervisor sends back
    &["review"],
    // the reflective log
    &["export"],
    // CPD records (made from logs' parts), and the checks of a review received
    &["cpd", "supervision"],
    // the learner's store: journals, with the records of each feature
    &["store"],
    // learning records, and the rescue of drafts
    &["lrs", "rescue"],
    // the front ends
    &["tui", "plain"],
    // the command line
    &["commands"],
    &["lib", "main"],
];

/// No file in src/ longer than this (tests beside their code included).
const MOST_LINES: usize = 600;

fn floor_of(module: &str) -> Option<usize> {
    FLOORS.iter().position(|floor| floor.contains(&module))
}

struct Source {
    /// The module path of the file (`["tui", "screens", "home"]`).
    module: Vec<String>,
    /// Whether `self::` in the file names its children (mod.rs, lib.rs).
    text: String,
}

fn sources(src: &Path) -> BTreeMap<PathBuf, Source> {
    let mut found = BTreeMap::new();
    let mut folders = vec![src.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|extension| extension == "rs") {
                let relative = path.strip_prefix(src).unwrap().with_extension("");
                let mut module: Vec<String> = relative
                    .components()
                    .map(|part| part.as_os_str().to_string_lossy().into_owned())
                    .collect();
                if module.last().is_some_and(|last| last == "mod") {
                    module.pop();
                }
                if module == ["lib"] || module == ["main"] {
                    module.clear();
                }
                let text = std::fs::read_to_string(&path).unwrap();
                found.insert(path, Source { module, text });
            }
        }
    }
    found
}

/// The source without comments and string literals, so a path in a comment
/// or a message is not taken for an import.
fn code_only(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(character) = chars.next() {
        match character {
            '/' if chars.peek() == Some(&'/') => {
                for next in chars.by_ref() {
                    if next == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut previous = ' ';
                for next in chars.by_ref() {
                    if previous == '*' && next == '/' {
                        break;
                    }
                    previous = next;
                }
            }
            '"' => {
                let mut escaped = false;
                for next in chars.by_ref() {
                    if escaped {
                        escaped = false;
                    } else if next == '\\' {
                        escaped = true;
                    } else if next == '"' {
                        break;
                    }
                }
                out.push_str("\"\"");
            }
            '\'' => {
                // A char literal ('x', '\n', '"') or a lifetime ('a).
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
                } else {
                    out.push('\'');
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// Expands `a::{b, c::{d, e}}` into `a::b`, `a::c::d`, `a::c::e`.
fn expand(path: &str) -> Vec<String> {
    let Some(open) = path.find('{') else {
        return vec![path.to_owned()];
    };
    let prefix = &path[..open];
    let inner = &path[open + 1..path.rfind('}').unwrap_or(path.len())];
    let mut parts = Vec::new();
    let mut depth = 0;
    let mut current = String::new();
    for character in inner.chars() {
        match character {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ => {}
        }
        if character == ',' && depth == 0 {
            parts.push(std::mem::take(&mut current));
        } else {
            current.push(character);
        }
    }
    parts.push(current);
    parts
        .into_iter()
        .filter(|part| !part.trim().is_empty())
        .flat_map(|part| expand(&format!("{prefix}{}", part.trim())))
        .collect()
}

fn is_name_char(character: char) -> bool {
    character.is_alphanumeric() || character == '_'
}

/// Each path to another file of the crate, with how many inline modules
/// (`mod tests { ... }`) deep it was written, since `super::` there names
/// the file itself.
fn paths_in(code: &str) -> Vec<(String, usize)> {
    let mut found = Vec::new();
    let bytes: Vec<char> = code.chars().collect();
    let mut depth = 0usize;
    let mut inline_modules: Vec<usize> = Vec::new();
    let mut index = 0;
    while index < bytes.len() {
        let character = bytes[index];
        let starts_word = index == 0 || !is_name_char(bytes[index - 1]) && bytes[index - 1] != ':';
        if character == '{' {
            depth += 1;
        } else if character == '}' {
            depth = depth.saturating_sub(1);
            if inline_modules.last() == Some(&depth) {
                inline_modules.pop();
            }
        } else if starts_word && code_at(&bytes, index, "mod ") {
            let rest: String = bytes[index + 4..]
                .iter()
                .take_while(|c| **c != ';' && **c != '{')
                .collect();
            let end = index + 4 + rest.len();
            if bytes.get(end) == Some(&'{') {
                inline_modules.push(depth);
            }
        } else if starts_word && code_at(&bytes, index, "use ") {
            let statement: String = bytes[index + 4..].iter().take_while(|c| **c != ';').collect();
            let length = statement.len();
            for path in expand(&tidy(&statement)) {
                found.push((path, inline_modules.len()));
            }
            index += 4 + length;
            continue;
        } else if starts_word && (code_at(&bytes, index, "crate::") || code_at(&bytes, index, "super::")) {
            let path: String = bytes[index..]
                .iter()
                .take_while(|c| is_name_char(**c) || **c == ':')
                .collect();
            found.push((path.clone(), inline_modules.len()));
            index += path.len();
            continue;
        }
        index += 1;
    }
    found
}

/// One space between words, none around `::`, braces and commas.
fn tidy(statement: &str) -> String {
    let words: Vec<&str> = statement.split_whitespace().collect();
    let mut joined = words.join(" ");
    for mark in ["::", "{", "}", ","] {
        joined = joined
            .replace(&format!(" {mark}"), mark)
            .replace(&format!("{mark} "), mark);
    }
    joined
}

fn code_at(bytes: &[char], index: usize, word: &str) -> bool {
    word.chars()
        .enumerate()
        .all(|(offset, c)| bytes.get(index + offset) == Some(&c))
}

/// The file a path leads to: the longest prefix of it that is a module.
fn resolve(
    path: &str,
    from: &Source,
    inline_depth: usize,
    is_folder_file: bool,
    modules: &BTreeMap<Vec<String>, PathBuf>,
) -> Option<PathBuf> {
    let mut segments: Vec<&str> = path.split("::").collect();
    let mut base: Vec<String> = match segments.first() {
        Some(&"crate") => {
            segments.remove(0);
            Vec::new()
        }
        Some(&"super") | Some(&"self") => {
            let mut base = from.module.clone();
            // In a plain file, `super` is its parent; in an inline module,
            // the first `super`s climb out of the inline modules first.
            let mut inline_left = inline_depth;
            while let Some(first) = segments.first().copied() {
                match first {
                    "super" if inline_left > 0 => inline_left -= 1,
                    "super" => {
                        base.pop();
                    }
                    "self" => {}
                    _ => break,
                }
                segments.remove(0);
            }
            let _ = is_folder_file;
            base
        }
        _ => return None,
    };
    base.extend(
        segments
            .iter()
            .filter(|segment| !matches!(**segment, "self" | "*" | ""))
            .map(|segment| segment.split(" as ").next().unwrap_or(segment).to_owned()),
    );
    (1..=base.len())
        .rev()
        .find_map(|length| modules.get(&base[..length]).cloned())
}

struct Graph {
    edges: BTreeMap<PathBuf, BTreeSet<PathBuf>>,
    modules: BTreeMap<PathBuf, Vec<String>>,
}

fn graph() -> Graph {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = sources(&src);
    let by_module: BTreeMap<Vec<String>, PathBuf> = files
        .iter()
        .filter(|(path, _)| !path.ends_with("main.rs"))
        .map(|(path, source)| (source.module.clone(), path.clone()))
        .collect();
    let mut edges: BTreeMap<PathBuf, BTreeSet<PathBuf>> = BTreeMap::new();
    for (path, source) in &files {
        let is_folder_file = path.ends_with("mod.rs") || path.ends_with("lib.rs");
        let targets = edges.entry(path.clone()).or_default();
        for (import, inline_depth) in paths_in(&code_only(&source.text)) {
            if let Some(target) = resolve(&import, source, inline_depth, is_folder_file, &by_module)
                && &target != path
            {
                targets.insert(target);
            }
        }
    }
    let modules = files.into_iter().map(|(path, source)| (path, source.module)).collect();
    Graph { edges, modules }
}

fn top(graph: &Graph, path: &Path) -> String {
    if path.ends_with("main.rs") {
        return "main".to_owned();
    }
    graph.modules[path].first().cloned().unwrap_or_else(|| "lib".to_owned())
}

fn shown(path: &Path) -> String {
    let src = Path::new(env!("CARGO_MANIFEST_DIR"));
    path.strip_prefix(src).unwrap_or(path).display().to_string()
}

/// Tarjan's strongly connected components: every group of files that
/// import one another, directly or round a circle.
fn circles(edges: &BTreeMap<PathBuf, BTreeSet<PathBuf>>) -> Vec<Vec<PathBuf>> {
    struct State<'a> {
        edges: &'a BTreeMap<PathBuf, BTreeSet<PathBuf>>,
        index: BTreeMap<&'a PathBuf, usize>,
        low: BTreeMap<&'a PathBuf, usize>,
        stack: Vec<&'a PathBuf>,
        on_stack: BTreeSet<&'a PathBuf>,
        next: usize,
        found: Vec<Vec<PathBuf>>,
    }
    fn visit<'a>(state: &mut State<'a>, node: &'a PathBuf) {
        state.index.insert(node, state.next);
        state.low.insert(node, state.next);
        state.next += 1;
        state.stack.push(node);
        state.on_stack.insert(node);
        let edges = state.edges;
        for target in edges.get(node).into_iter().flatten() {
            if !state.index.contains_key(target) {
                visit(state, target);
                let low = state.low[node].min(state.low[target]);
                state.low.insert(node, low);
            } else if state.on_stack.contains(target) {
                let low = state.low[node].min(state.index[target]);
                state.low.insert(node, low);
            }
        }
        if state.low[node] == state.index[node] {
            let mut group = Vec::new();
            while let Some(member) = state.stack.pop() {
                state.on_stack.remove(member);
                group.push(member.clone());
                if member == node {
                    break;
                }
            }
            if group.len() > 1 {
                group.sort();
                state.found.push(group);
            }
        }
    }
    let mut state = State {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        next: 0,
        found: Vec::new(),
    };
    for node in edges.keys() {
        if !state.index.contains_key(node) {
            visit(&mut state, node);
        }
    }
    state.found
}

#[test]
fn no_files_import_each_other_in_a_circle() {
    let graph = graph();
    let found = circles(&graph.edges);
    let described: Vec<String> = found
        .iter()
        .map(|group| {
            let names: Vec<String> = group.iter().map(|path| shown(path)).collect();
            format!("{} files: {}", group.len(), names.join(", "))
        })
        .collect();
    assert!(described.is_empty(), "import circles:\n{}", described.join("\n"));
}

#[test]
fn no_module_imports_from_a_floor_above_it() {
    let graph = graph();
    let mut upward = Vec::new();
    for (from, targets) in &graph.edges {
        let from_module = top(&graph, from);
        let Some(from_floor) = floor_of(&from_module) else {
            upward.push(format!("{} is in no floor: add `{from_module}` to FLOORS", shown(from)));
            continue;
        };
        for target in targets {
            let to_module = top(&graph, target);
            if to_module == from_module {
                continue;
            }
            match floor_of(&to_module) {
                Some(to_floor) if to_floor < from_floor => {}
                _ => upward.push(format!("{} imports {}", shown(from), shown(target))),
            }
        }
    }
    assert!(
        upward.is_empty(),
        "imports that do not go down a floor:\n{}",
        upward.join("\n")
    );
}

#[test]
fn no_file_in_src_is_longer_than_the_limit() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let too_long: Vec<String> = sources(&src)
        .iter()
        .map(|(path, source)| (path, source.text.lines().count()))
        .filter(|(_, lines)| *lines > MOST_LINES)
        .map(|(path, lines)| format!("{}: {lines} lines", shown(path)))
        .collect();
    assert!(
        too_long.is_empty(),
        "files over {MOST_LINES} lines:\n{}",
        too_long.join("\n")
    );
}

/// The checker itself: a circle and an upward import it must see.
#[test]
fn the_checker_sees_a_circle_and_reads_nested_imports() {
    let paths = paths_in(&code_only(
        "use crate::a::{b, c::{d, e as f}};\nmod tests { use super::*; }\n// use crate::z;\nlet x = \"crate::y\";",
    ));
    let names: Vec<&str> = paths.iter().map(|(path, _)| path.as_str()).collect();
    assert_eq!(
        names,
        ["crate::a::b", "crate::a::c::d", "crate::a::c::e as f", "super::*"]
    );
    assert_eq!(paths[3].1, 1, "super:: inside an inline module names the file itself");
    let a = PathBuf::from("a.rs");
    let b = PathBuf::from("b.rs");
    let c = PathBuf::from("c.rs");
    let edges = BTreeMap::from([
        (a.clone(), BTreeSet::from([b.clone()])),
        (b.clone(), BTreeSet::from([c.clone()])),
        (c.clone(), BTreeSet::from([a.clone()])),
    ]);
    assert_eq!(circles(&edges), vec![vec![a, b, c]]);
}
