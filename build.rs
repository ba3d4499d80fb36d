//! Embeds the shipped `modules/` folder in the binary, so casebook runs from
//! any directory with no files beside it. Written by hand rather than with a
//! proc-macro crate so that Cargo rebuilds whenever a module file changes.
//!
//! Each file is also parsed here and stored in postcard's compact form, so
//! that start-up does not parse RON for the shipped course (most of the time
//! before the first frame). The text stays too: casebook still checks the
//! course at run time and needs the text for line:column in any message. A
//! file that does not parse is stored as text only, and its problem is
//! reported at run time exactly as for a learner's own module.

#[allow(dead_code)]
#[path = "src/content/raw.rs"]
mod raw;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs, io};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    let mut entries: Vec<_> = fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|entry| entry.file_name());
    for entry in entries {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else if path.extension().is_some_and(|ext| ext == "ron") {
            out.push(path);
        }
    }
    Ok(())
}

fn main() -> io::Result<()> {
    let manifest = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let modules = manifest.join("modules");
    println!("cargo:rerun-if-changed={}", modules.display());
    let mut files = Vec::new();
    collect(&modules, &mut files)?;
    let out_dir = PathBuf::from(env::var_os("OUT_DIR").unwrap_or_default());
    let mut code = String::from(
        "/// The shipped course files: (path under modules/, contents, the same parsed, in postcard form).\n",
    );
    code.push_str("pub static EMBEDDED_FILES: &[(&str, &str, Option<&[u8]>)] = &[\n");
    for (index, file) in files.iter().enumerate() {
        println!("cargo:rerun-if-changed={}", file.display());
        let relative = file.strip_prefix(&modules).unwrap_or(file);
        let relative = relative.to_string_lossy().replace('\\', "/");
        let text = fs::read_to_string(file)?;
        let parsed = if relative.ends_with("/course.ron") {
            parse::<raw::RawCourse>(&text)
        } else {
            parse::<raw::RawModule>(&text)
        };
        let parsed = match parsed {
            Some(bytes) => {
                let bin = out_dir.join(format!("embedded-{index}.postcard"));
                fs::write(&bin, bytes)?;
                format!("Some(include_bytes!({:?}))", bin.display().to_string())
            }
            None => "None".to_owned(),
        };
        let _ = writeln!(
            code,
            "    ({relative:?}, include_str!({:?}), {parsed}),",
            file.display().to_string()
        );
    }
    code.push_str("];\n");
    fs::write(out_dir.join("embedded_modules.rs"), code)
}

/// The file parsed as casebook parses it, in postcard form; None when it
/// does not parse (casebook reports that when it runs).
fn parse<T: serde::de::DeserializeOwned + serde::Serialize>(text: &str) -> Option<Vec<u8>> {
    let options = ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let value: T = options.from_str(text.trim_start_matches('\u{feff}')).ok()?;
    postcard::to_allocvec(&value).ok()
}
