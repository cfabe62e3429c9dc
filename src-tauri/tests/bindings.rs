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
