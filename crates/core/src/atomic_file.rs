//! Whole-file replacement of the app's own small files (profiles, bookmarks): a temporary file
//! with a unique name, mode 0600, synced to disk, renamed into place, the folder synced. A
//! reader sees the old file or the new one, never half of one.

use std::io::Write;
use std::path::Path;

pub fn write_private_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().expect("an app file has a parent folder");
    std::fs::create_dir_all(dir)?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let tmp = dir.join(format!(".{name}.{}.tmp", uuid::Uuid::new_v4().simple()));
    let written = (|| {
        let mut f = private_file(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)?;
        // The rename itself is durable only once the folder is synced.
        std::fs::File::open(dir).and_then(|d| d.sync_all()).or_else(ignore_unsupported)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

#[cfg(unix)]
fn private_file(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(path)
}

#[cfg(not(unix))]
fn private_file(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::OpenOptions::new().write(true).create_new(true).open(path)
}

/// Some platforms (Windows) cannot open or sync a folder; the file itself was synced.
fn ignore_unsupported(e: std::io::Error) -> std::io::Result<()> {
    if cfg!(unix) {
        Err(e)
    } else {
        Ok(())
    }
}
