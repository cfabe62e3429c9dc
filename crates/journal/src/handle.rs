use crate::store::{Journal, JournalError, Result};
use std::path::Path;
use std::sync::mpsc;

type Job = Box<dyn FnOnce(&Journal) + Send>;

/// The journal on a thread of its own. Calls are applied in the order they are made; the
/// writes that queue up while a transaction commits are committed together in the next one.
#[derive(Clone)]
pub struct JournalHandle {
    jobs: mpsc::Sender<Job>,
}

impl JournalHandle {
    pub fn open(path: &Path) -> Result<Self> {
        Ok(Self::spawn(Journal::open(path)?))
    }

    pub fn in_memory() -> Result<Self> {
        Ok(Self::spawn(Journal::open_in_memory()?))
    }

    fn spawn(mut journal: Journal) -> Self {
        let (jobs, queue) = mpsc::channel::<Job>();
        std::thread::Builder::new()
            .name("transfer-journal".into())
            .spawn(move || {
                while let Ok(first) = queue.recv() {
                    let result = journal.batch(|j| {
                        first(j);
                        while let Ok(next) = queue.try_recv() {
                            next(j);
                        }
                        Ok(())
                    });
                    if let Err(e) = result {
                        tracing_like_warn(&e);
                    }
                }
            })
            .expect("start the journal thread");
        Self { jobs }
    }

    /// Queues a write; it is committed with the next batch. Errors are logged to stderr: the
    /// engine keeps going (the worst outcome is re-sending a part after a restart).
    pub fn write(&self, f: impl FnOnce(&Journal) -> Result<()> + Send + 'static) {
        let _ = self.jobs.send(Box::new(move |j| {
            if let Err(e) = f(j) {
                tracing_like_warn(&e);
            }
        }));
    }

    /// Runs `f` after every write queued before it, and returns its answer.
    pub async fn call<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Journal) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        let (tx, rx) = tokio::sync::oneshot::channel();
        self.jobs
            .send(Box::new(move |j| {
                let _ = tx.send(f(j));
            }))
            .map_err(|_| JournalError("the journal thread has stopped".into()))?;
        rx.await.map_err(|_| JournalError("the journal thread has stopped".into()))?
    }

    /// Waits until everything written so far is committed.
    pub async fn flush(&self) -> Result<()> {
        self.call(|_| Ok(())).await
    }
}

fn tracing_like_warn(e: &JournalError) {
    eprintln!("warning: {e}");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ItemState, NewItem, NewTransfer};

    #[tokio::test]
    async fn writes_are_applied_in_order_before_a_later_call() {
        let journal = JournalHandle::in_memory().unwrap();
        let transfer = journal
            .call(|j| {
                j.insert_transfer(&NewTransfer {
                    kind: "download".into(),
                    profile_id: "p".into(),
                    bucket: "b".into(),
                    spec: "{}".into(),
                    created_at_ms: 0,
                })
            })
            .await
            .unwrap();
        let ids = journal
            .call(move |j| {
                j.insert_items(
                    transfer,
                    &(0..1000)
                        .map(|i| NewItem {
                            key: format!("k{i}"),
                            local_path: format!("/tmp/k{i}").into(),
                            size: 1,
                            mtime_ns: 0,
                            etag: None,
                            target: None,
                        })
                        .collect::<Vec<_>>(),
                )
            })
            .await
            .unwrap();
        for id in &ids {
            let id = *id;
            journal.write(move |j| j.set_item_state(id, ItemState::Done, None));
        }
        let items = journal.call(move |j| j.items(transfer)).await.unwrap();
        assert!(items.iter().all(|i| i.state == ItemState::Done));
    }
}
