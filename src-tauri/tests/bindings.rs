//! The committed TypeScript bindings must match what the Rust commands generate.
//! Regenerate with `UPDATE_BINDINGS=1 cargo test -p zos-browser --test bindings`.

use std::path::PathBuf;

#[test]
fn typescript_bindings_are_current() {
    let committed = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(zos_browser_lib::BINDINGS_PATH);
    let fresh = std::env::temp_dir().join(format!("zos-bindings-{}.ts", std::process::id()));
    zos_browser_lib::specta_builder().export(zos_browser_lib::typescript(), &fresh).expect("export bindings");
    let generated = std::fs::read_to_string(&fresh).expect("read generated bindings");
    std::fs::remove_file(&fresh).ok();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&committed, &generated).expect("write bindings");
        return;
    }
    let current = std::fs::read_to_string(&committed).unwrap_or_default();
    assert!(
        current == generated,
        "{} is out of date with the Rust commands: run UPDATE_BINDINGS=1 cargo test -p zos-browser --test bindings",
        committed.display()
    );
}

/// Two Rust types with one name (say the image grammar's and the search grammar's ParseError)
/// would be exported twice, and TypeScript would take one for both: every name once.
#[test]
fn every_exported_type_name_is_unique() {
    let fresh = std::env::temp_dir().join(format!("zos-bindings-names-{}.ts", std::process::id()));
    zos_browser_lib::specta_builder().export(zos_browser_lib::typescript(), &fresh).expect("export bindings");
    let generated = std::fs::read_to_string(&fresh).expect("read generated bindings");
    std::fs::remove_file(&fresh).ok();
    let mut seen = std::collections::BTreeMap::<&str, usize>::new();
    for line in generated.lines() {
        if let Some(rest) = line.strip_prefix("export type ") {
            let name = rest.split(|c: char| !c.is_alphanumeric() && c != '_').next().unwrap_or_default();
            *seen.entry(name).or_default() += 1;
        }
    }
    let twice: Vec<_> = seen.iter().filter(|(_, n)| **n > 1).map(|(name, _)| *name).collect();
    assert!(
        twice.is_empty(),
        "exported more than once: {twice:?} (rename one with #[serde(rename = \"…\")])"
    );
    assert!(seen.len() > 100, "the bindings export {} types: is the parser right?", seen.len());
}
