//! Rendered images waiting for the webview to load them by token (through the app's `zosimg:`
//! scheme): the newest first, under a byte cap, so a long session of previews cannot grow
//! without bound.

use super::Rendered;
use std::collections::VecDeque;
use std::sync::Mutex;

/// 192 MiB of rendered images at most.
pub const DEFAULT_CAP_BYTES: usize = 192 * 1024 * 1024;

pub struct RenderStore {
    entries: Mutex<VecDeque<(String, Rendered)>>,
    cap_bytes: usize,
}

impl Default for RenderStore {
    fn default() -> Self {
        Self::new(DEFAULT_CAP_BYTES)
    }
}

impl RenderStore {
    pub fn new(cap_bytes: usize) -> Self {
        Self { entries: Mutex::default(), cap_bytes }
    }

    /// Keeps `rendered` and returns its token; drops the oldest entries past the cap (the newest
    /// is always kept, whatever its size).
    pub fn put(&self, rendered: Rendered) -> String {
        let token = uuid::Uuid::new_v4().simple().to_string();
        let mut entries = self.entries.lock().expect("render store lock");
        entries.push_front((token.clone(), rendered));
        let mut total = 0;
        let mut keep = 0;
        for (i, (_, r)) in entries.iter().enumerate() {
            total += r.bytes.len();
            if i > 0 && total > self.cap_bytes {
                break;
            }
            keep = i + 1;
        }
        entries.truncate(keep);
        token
    }

    pub fn get(&self, token: &str) -> Option<Rendered> {
        self.entries
            .lock()
            .expect("render store lock")
            .iter()
            .find(|(t, _)| t == token)
            .map(|(_, r)| r.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::images::{Engine, RenderedFacts};

    fn rendered(n: usize) -> Rendered {
        Rendered {
            bytes: vec![0; n],
            facts: RenderedFacts {
                content_type: "image/png".into(),
                format: "png".into(),
                width: None,
                height: None,
                size: n as u32,
                engine: Engine::Local,
                fallback: None,
                notes: vec![],
            },
        }
    }

    #[test]
    fn the_oldest_go_past_the_cap_and_the_newest_always_stays() {
        let store = RenderStore::new(250);
        let a = store.put(rendered(100));
        let b = store.put(rendered(100));
        let c = store.put(rendered(100));
        assert!(store.get(&a).is_none());
        assert!(store.get(&b).is_some() && store.get(&c).is_some());
        let big = store.put(rendered(1000));
        assert!(store.get(&big).is_some());
        assert!(store.get(&c).is_none());
    }
}
