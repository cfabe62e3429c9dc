//! Local files the user chose: in a native dialog or by dropping them on the window. The
//! webview only ever sees an opaque handle and a display name; commands that read or write a
//! local file take such a handle, so the page cannot name a path the user did not pick.

use crate::error::{AppError, ErrorCode, Result};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// What the UI gets for a chosen file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct LocalFile {
    /// Opaque; valid in this run of the app only.
    pub handle: String,
    /// The file name, for display (and as the default object name of an upload).
    pub name: String,
    /// Bytes, for files to read; `None` for folders and places to save.
    pub size: Option<u64>,
    /// A folder (to upload with everything in it, or to download into).
    pub is_folder: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Chosen to be uploaded (an open dialog, a drop).
    Read,
    /// Chosen as where to save (a save dialog).
    Write,
}

#[derive(Debug, Default)]
pub struct LocalFiles {
    grants: Mutex<HashMap<String, (PathBuf, Access)>>,
}

fn display_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| path.display().to_string())
}

impl LocalFiles {
    /// Records a path the user chose and returns its handle.
    pub fn grant(&self, path: PathBuf, access: Access) -> LocalFile {
        let handle = uuid::Uuid::new_v4().to_string();
        let meta = std::fs::metadata(&path).ok();
        let is_folder = meta.as_ref().is_some_and(|m| m.is_dir());
        let size = match access {
            Access::Read => meta.filter(|m| m.is_file()).map(|m| m.len()),
            Access::Write => None,
        };
        let file = LocalFile { handle: handle.clone(), name: display_name(&path), size, is_folder };
        self.grants.lock().expect("local files lock").insert(handle, (path, access));
        file
    }

    /// The path behind a handle, if the user chose it for this kind of access.
    pub fn resolve(&self, handle: &str, access: Access) -> Result<PathBuf> {
        match self.grants.lock().expect("local files lock").get(handle) {
            Some((path, granted)) if *granted == access => Ok(path.clone()),
            Some(_) => Err(AppError::new(
                ErrorCode::LocalFileNotChosen,
                format!(
                    "this file was not chosen to be {}",
                    if access == Access::Read { "read" } else { "written" }
                ),
            )),
            None => Err(AppError::new(ErrorCode::LocalFileNotChosen, "no file was chosen under this handle")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_chosen_files_resolve_and_only_for_their_access() {
        let files = LocalFiles::default();
        let chosen = files.grant(PathBuf::from("/tmp/photo.jpg"), Access::Write);
        assert_eq!(chosen.name, "photo.jpg");
        assert_eq!(files.resolve(&chosen.handle, Access::Write).unwrap(), PathBuf::from("/tmp/photo.jpg"));
        let err = files.resolve(&chosen.handle, Access::Read).unwrap_err();
        assert_eq!(err.code, ErrorCode::LocalFileNotChosen);
        for made_up in ["/etc/passwd", "../../.ssh/id_rsa", "", "00000000-0000-0000-0000-000000000000"] {
            assert_eq!(files.resolve(made_up, Access::Read).unwrap_err().code, ErrorCode::LocalFileNotChosen);
            assert_eq!(
                files.resolve(made_up, Access::Write).unwrap_err().code,
                ErrorCode::LocalFileNotChosen
            );
        }
    }

    #[test]
    fn files_to_read_carry_their_size() {
        let dir = std::env::temp_dir().join(format!("zos-lf-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("a.txt");
        std::fs::write(&path, b"12345").unwrap();
        let files = LocalFiles::default();
        assert_eq!(files.grant(path, Access::Read).size, Some(5));
        std::fs::remove_dir_all(dir).unwrap();
    }
}
