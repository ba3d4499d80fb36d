//! Embeds the shipped `modules/` folder in the binary, so casebook runs from
//! any directory with no files beside it. Written by hand rather than with a
//! proc-macro crate so that Cargo rebuilds whenever a module file changes.

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
    let mut code = String::from("/// The shipped course files: (path under modules/, contents).\n");
    code.push_str("pub static EMBEDDED_FILES: &[(&str, &str)] = &[\n");
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
        let relative = file.strip_prefix(&modules).unwrap_or(file);
        let relative = relative.to_string_lossy().replace('\\', "/");
        let _ = writeln!(
            code,
            "    ({relative:?}, include_str!({:?})),",
            file.display().to_string()
        );
    }
    code.push_str("];\n");
    let out = PathBuf::from(env::var_os("OUT_DIR").unwrap_or_default()).join("embedded_modules.rs");
    fs::write(out, code)
}
