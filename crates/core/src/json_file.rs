//! One small JSON file of the app's own (profiles, bookmarks): read whole, a missing file
//! being the empty value; changed read-modify-write under a writer lock, so that two quick
//! changes in the process never lose one; written back whole ([`crate::atomic_file`]: a reader
//! sees the old file or the new one, mode 0600).

use crate::atomic_file::write_private_atomically;
use crate::error::{AppError, ErrorCode, Result};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::marker::PhantomData;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

pub(crate) struct JsonFile<T> {
    path: PathBuf,
    /// What the file holds, for messages: "reading the {what}", "saving the {what}".
    what: &'static str,
    /// Serializes read-modify-write cycles of this file within the process (clones share it).
    writer: Arc<Mutex<()>>,
    content: PhantomData<fn() -> T>,
}

impl<T> Clone for JsonFile<T> {
    fn clone(&self) -> Self {
        Self { path: self.path.clone(), what: self.what, writer: self.writer.clone(), content: PhantomData }
    }
}

impl<T> std::fmt::Debug for JsonFile<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JsonFile").field("path", &self.path).finish()
    }
}

impl<T: Serialize + DeserializeOwned + Default> JsonFile<T> {
    pub(crate) fn new(path: PathBuf, what: &'static str) -> Self {
        Self { path, what, writer: Arc::default(), content: PhantomData }
    }

    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// The file's content; the default value when there is no file yet. A file that does not
    /// parse is an error that names it (it is never overwritten silently).
    pub(crate) fn load(&self) -> Result<T> {
        match std::fs::read(&self.path) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| {
                AppError::new(ErrorCode::Io, format!("{} is damaged: {e}", self.path.display()))
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(T::default()),
            Err(e) => Err(AppError::io(&format!("reading the {}", self.what), e)),
        }
    }

    /// Reads the file, lets `change` edit its content, and writes it back when `change` says
    /// so (the `bool`), all under the writer lock; returns what `change` answered.
    pub(crate) fn update<R>(&self, change: impl FnOnce(&mut T) -> (R, bool)) -> Result<R> {
        let _writing = self.writer.lock().expect("JSON file writer lock");
        let mut content = self.load()?;
        let (answer, write) = change(&mut content);
        if write {
            let json = serde_json::to_vec_pretty(&content).expect("app files serialize");
            write_private_atomically(&self.path, &json)
                .map_err(|e| AppError::io(&format!("saving the {}", self.what), e))?;
        }
        Ok(answer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn a_damaged_file_is_named_and_never_overwritten() {
        let dir = std::env::temp_dir().join(format!("zos-json-file-{}", uuid::Uuid::new_v4()));
        let file = JsonFile::<BTreeMap<String, u32>>::new(dir.join("things.json"), "things");
        assert!(file.load().unwrap().is_empty(), "no file yet: the empty value");
        file.update(|m| ((), m.insert("a".into(), 1).is_none())).unwrap();
        assert_eq!(file.clone().load().unwrap(), BTreeMap::from([("a".to_owned(), 1)]));

        std::fs::write(file.path(), "{not json").unwrap();
        let err = file.load().unwrap_err();
        assert_eq!(err.code, ErrorCode::Io);
        assert!(err.detail.contains("things.json is damaged"), "{err:?}");
        assert!(file.update(|m| ((), m.insert("b".into(), 2).is_none())).is_err());
        assert_eq!(std::fs::read_to_string(file.path()).unwrap(), "{not json");
        std::fs::remove_dir_all(dir).unwrap();
    }
}
