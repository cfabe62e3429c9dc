//! The local searches under way, by the id the UI gave each, so that "Cancel" can reach one.

use super::LocalOptions;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

#[derive(Default)]
pub struct RunningSearches {
    flags: Mutex<HashMap<String, Arc<AtomicBool>>>,
}

/// A search's registration; dropping it (the search ended) forgets the id.
pub struct Registration<'a> {
    running: &'a RunningSearches,
    id: String,
    pub options: LocalOptions,
}

impl RunningSearches {
    /// Registers `id` and gives the options that carry its cancel flag. An id still running
    /// is cancelled first: the UI reuses ids only for a new search that replaces the old.
    pub fn start(&self, id: &str) -> Registration<'_> {
        let flag = Arc::new(AtomicBool::new(false));
        if let Some(old) = self.lock().insert(id.to_owned(), flag.clone()) {
            old.store(true, Ordering::Relaxed);
        }
        Registration {
            running: self,
            id: id.to_owned(),
            options: LocalOptions { cancel: Some(flag), ..Default::default() },
        }
    }

    /// Asks the search `id` to stop; `false` when none runs under that id.
    pub fn cancel(&self, id: &str) -> bool {
        self.lock().get(id).map(|f| f.store(true, Ordering::Relaxed)).is_some()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Arc<AtomicBool>>> {
        self.flags.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl Drop for Registration<'_> {
    fn drop(&mut self) {
        let mut flags = self.running.lock();
        // Only our own flag: a newer search may have taken the id.
        if flags.get(&self.id).is_some_and(|f| Arc::ptr_eq(f, self.options.cancel.as_ref().expect("set"))) {
            flags.remove(&self.id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cancel_reaches_the_search_of_that_id_only_while_it_runs() {
        let running = RunningSearches::default();
        let a = running.start("a");
        let b = running.start("b");
        assert!(running.cancel("a"));
        let flag = |r: &Registration| r.options.cancel.as_ref().unwrap().load(Ordering::Relaxed);
        assert!(flag(&a) && !flag(&b));
        drop(a);
        assert!(!running.cancel("a"), "ended: nothing to cancel");
        let b2 = running.start("b");
        assert!(flag(&b), "a new search under the same id stops the old one");
        drop(b);
        assert!(running.cancel("b"), "the old one's end does not forget the new one");
        assert!(flag(&b2));
    }
}
