//! Data a screen reads asynchronously (from IndexedDB or the server), read again whenever
//! a signal its reader tracks changes, or when asked.
//!
//! A signal holding the last answer and an effect that starts the reader: what the pages
//! need from a resource, without Leptos's `LocalResource`, whose async-derived machinery
//! was instantiated once per loaded type: 13 KB brotli of the wasm (docs/benchmarks.md,
//! "Shell size work").

use std::any::Any;
use std::cell::Cell;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

/// The last answer of an asynchronous reader; `None` until the first one arrives. While it
/// reads again the previous answer stays, so the screen does not flicker; an answer that
/// arrives after a newer read started is dropped, so a slow old read never overwrites a
/// newer one.
pub struct Loaded<T: 'static> {
    /// Holds a `T`. Type-erased so that every `Loaded` shares one signal type: the
    /// signal machinery is compiled once, not once per loaded type (docs/benchmarks.md).
    value: RwSignal<Option<Rc<dyn Any>>, LocalStorage>,
    again: Trigger,
    loads: PhantomData<fn() -> T>,
}

impl<T> Clone for Loaded<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Loaded<T> {}

impl<T: Clone + PartialEq + 'static> Loaded<T> {
    /// Starts `read` now and again whenever a signal it reads (before its first `.await`)
    /// changes. Lives as long as the component that creates it. An answer equal to the
    /// last one changes nothing: a screen is not drawn again (nor a form it holds made
    /// again) because a sync changed records it does not show.
    pub fn new<F>(read: impl Fn() -> F + 'static) -> Self
    where
        F: Future<Output = T> + 'static,
    {
        Self::reading(read, |a, b| a == b)
    }
}

impl<T: Clone + 'static> Loaded<T> {
    /// `new` for answers that cannot be compared: each one replaces the last.
    pub fn new_each<F>(read: impl Fn() -> F + 'static) -> Self
    where
        F: Future<Output = T> + 'static,
    {
        Self::reading(read, |_, _| false)
    }

    fn reading<F>(read: impl Fn() -> F + 'static, same: fn(&T, &T) -> bool) -> Self
    where
        F: Future<Output = T> + 'static,
    {
        let value = RwSignal::new_local(None);
        let again = Trigger::new();
        follow(
            again,
            Box::new(move |latest, this| {
                let answer = read();
                Box::pin(async move {
                    let answer = answer.await;
                    let unchanged = || {
                        value
                            .try_with_untracked(|v| {
                                v.as_ref()
                                    .and_then(|v: &Rc<dyn Any>| v.downcast_ref::<T>())
                                    .is_some_and(|last| same(last, &answer))
                            })
                            .unwrap_or(false)
                    };
                    if latest.get() == this && !unchanged() {
                        // The screen may be gone by now: then there is nothing to update.
                        let _ = value.try_set(Some(Rc::new(answer) as Rc<dyn Any>));
                    }
                })
            }),
        );
        Loaded {
            value,
            again,
            loads: PhantomData,
        }
    }

    /// The last answer, tracked; `None` also once the screen that made it is gone (a read
    /// from a view being taken down).
    pub fn get(&self) -> Option<T> {
        self.value
            .try_with(|v| v.as_ref().and_then(|v| v.downcast_ref::<T>()).cloned())
            .flatten()
    }

    /// The last answer, not tracked.
    pub fn get_untracked(&self) -> Option<T> {
        self.value
            .try_with_untracked(|v| v.as_ref().and_then(|v| v.downcast_ref::<T>()).cloned())
            .flatten()
    }

    /// Reads again now.
    pub fn refetch(&self) {
        self.again.notify();
    }
}

/// Starts one read, given the newest read's number and this one's: it stores its answer
/// only if no newer read has started by the time it arrives.
type Reader = Box<dyn Fn(Rc<Cell<u64>>, u64) -> Pin<Box<dyn Future<Output = ()>>>>;

/// The effect behind every `Loaded`, whatever it loads: not generic, so the app carries one
/// copy of the effect machinery rather than one per loaded type.
fn follow(again: Trigger, start: Reader) {
    let latest = Rc::new(Cell::new(0u64));
    Effect::new(move || {
        again.track();
        let this = latest.get() + 1;
        latest.set(this);
        spawn_local(start(latest.clone(), this));
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::channel::oneshot;
    use std::cell::RefCell;
    use std::time::Duration;
    use wasm_bindgen_test::wasm_bindgen_test;

    /// The reads started so far, each waiting until the test lets it answer (`answer`):
    /// the order of answers is the test's, not the clock's.
    #[derive(Clone, Default)]
    struct Reads(Rc<RefCell<Vec<Option<oneshot::Sender<()>>>>>);

    impl Reads {
        fn started(&self) -> usize {
            self.0.borrow().len()
        }

        /// Lets read `n` (from 1) answer.
        fn answer(&self, n: usize) {
            let gate = self.0.borrow_mut()[n - 1].take().expect("answered once");
            let _ = gate.send(());
        }

        /// Each read answers `(what it was asked, its number)` once let.
        fn reader(
            &self,
            asked: RwSignal<u32>,
        ) -> impl Fn() -> Pin<Box<dyn Future<Output = (u32, u32)>>> {
            let reads = self.clone();
            move || {
                let what = asked.get();
                let (tx, rx) = oneshot::channel();
                reads.0.borrow_mut().push(Some(tx));
                let n = reads.started() as u32;
                Box::pin(async move {
                    let _ = rx.await;
                    (what, n)
                })
            }
        }
    }

    /// Runs everything already queued (effects, spawned reads, their answers): a timer
    /// fires only after every pending microtask has run.
    async fn settle() {
        for _ in 0..3 {
            gloo_timers::future::sleep(Duration::ZERO).await;
        }
    }

    #[wasm_bindgen_test]
    async fn answers_follow_signals_and_an_older_answer_never_wins() {
        let _ = any_spawner::Executor::init_wasm_bindgen();
        let owner = Owner::new();
        owner.set();
        let asked = RwSignal::new(1);
        let reads = Reads::default();
        let loaded = Loaded::new(reads.reader(asked));
        settle().await;
        assert_eq!(loaded.get(), None, "nothing before the first answer");
        assert_eq!(reads.started(), 1);
        // A second read starts (the signal changed) and answers first.
        asked.set(2);
        settle().await;
        assert_eq!(reads.started(), 2);
        reads.answer(2);
        settle().await;
        assert_eq!(loaded.get(), Some((2, 2)));
        // The first read answers now, and is dropped.
        reads.answer(1);
        settle().await;
        assert_eq!(loaded.get(), Some((2, 2)));
        assert_eq!(reads.started(), 2);
    }

    #[wasm_bindgen_test]
    async fn reading_again_keeps_the_last_answer_until_the_new_one() {
        let _ = any_spawner::Executor::init_wasm_bindgen();
        let page = Owner::new();
        page.set();
        let asked = RwSignal::new(7);
        let screen = page.child();
        screen.set();
        let reads = Reads::default();
        let loaded = Loaded::new(reads.reader(asked));
        settle().await;
        reads.answer(1);
        settle().await;
        assert_eq!(loaded.get(), Some((7, 1)));
        loaded.refetch();
        settle().await;
        assert_eq!(reads.started(), 2, "refetch starts a read");
        assert_eq!(
            loaded.get(),
            Some((7, 1)),
            "the last answer stays meanwhile"
        );
        reads.answer(2);
        settle().await;
        assert_eq!(loaded.get(), Some((7, 2)));
        // Once the screen is gone its reader no longer runs, and nothing panics.
        asked.set(8);
        settle().await;
        assert_eq!(reads.started(), 3);
        screen.cleanup();
        asked.set(9);
        settle().await;
        assert_eq!(reads.started(), 3);
    }
}
