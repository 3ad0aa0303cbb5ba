//! Failure points of the writer, for its fault-injection tests.
//!
//! Every change the writer makes to the disk (a folder made, a file written or linked, a
//! rename, a removal) first passes [`point`]. Outside `cfg(test)` that is an inlined `Ok(())`:
//! nothing of this reaches the binary. In the library's own tests a thread may arm a plan:
//! fail the n-th point, as an I/O error (the writer cleans up and reports it) or as a crash
//! (the process is taken to be killed there: that point and every later one fail, and no
//! clean-up runs), so a test can stop a build at each step and look at what it left.

/// What a failure point is about to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Op {
    /// Make a folder.
    Create,
    /// Write, copy or link a file.
    Write,
    /// Rename or exchange a file or folder.
    Rename,
    /// Remove a tree.
    Remove,
}

#[cfg(not(test))]
mod real {
    use super::Op;

    /// Lets the operation run.
    #[inline(always)]
    pub(in crate::output) fn point(_op: Op) -> std::io::Result<()> {
        Ok(())
    }

    /// Whether the process is taken to be dead: never, outside the tests.
    #[inline(always)]
    pub(in crate::output) fn crashed() -> bool {
        false
    }

    /// Whether the tests asked for the portable two-rename swap: never, outside the tests.
    #[inline(always)]
    pub(in crate::output) fn exchange_disabled() -> bool {
        false
    }
}

#[cfg(not(test))]
pub(super) use real::{crashed, exchange_disabled, point};

#[cfg(test)]
pub(super) use planned::{Mode, Plan, arm, crashed, disarm, exchange_disabled, point};

#[cfg(test)]
mod planned {
    use std::cell::RefCell;

    use super::Op;

    /// How an armed point fails.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub(in crate::output) enum Mode {
        /// The process dies there: this and every later point fail, and no clean-up runs.
        Crash,
        /// The operation fails once with an I/O error.
        Error,
        /// The operation fails with an I/O error from the n-th time on (a read-only tree).
        ErrorFromThenOn,
    }

    /// Which point fails, and how.
    #[derive(Debug, Clone, Copy)]
    pub(in crate::output) struct Plan {
        /// Only points of this kind count (all when `None`).
        pub(in crate::output) op: Option<Op>,
        /// The 1-based number of the counted point that fails.
        pub(in crate::output) at: usize,
        /// How it fails.
        pub(in crate::output) mode: Mode,
        /// Swap with two renames, as where the OS has no atomic exchange.
        pub(in crate::output) no_exchange: bool,
    }

    #[derive(Default)]
    struct State {
        plan: Option<Plan>,
        seen: usize,
        fired: bool,
        crashed: bool,
    }

    thread_local! {
        static STATE: RefCell<State> = RefCell::new(State::default());
    }

    /// Arms `plan` for this thread.
    pub(in crate::output) fn arm(plan: Plan) {
        STATE.with(|s| {
            *s.borrow_mut() = State {
                plan: Some(plan),
                ..State::default()
            }
        });
    }

    /// Disarms this thread's plan; returns whether it fired.
    pub(in crate::output) fn disarm() -> bool {
        STATE.with(|s| std::mem::take(&mut *s.borrow_mut()).fired)
    }

    /// Fails when the plan says so.
    pub(in crate::output) fn point(op: Op) -> std::io::Result<()> {
        STATE.with(|s| {
            let mut state = s.borrow_mut();
            if state.crashed {
                return Err(std::io::Error::other("injected: the process is dead"));
            }
            let Some(plan) = state.plan else {
                return Ok(());
            };
            if plan.op.is_some_and(|wanted| wanted != op) {
                return Ok(());
            }
            state.seen += 1;
            let fails = match plan.mode {
                Mode::ErrorFromThenOn => state.seen >= plan.at,
                Mode::Crash | Mode::Error => state.seen == plan.at,
            };
            if !fails {
                return Ok(());
            }
            state.fired = true;
            state.crashed = plan.mode == Mode::Crash;
            Err(std::io::Error::other(format!("injected failure at {op:?}")))
        })
    }

    /// Whether an armed crash has fired: clean-up code must not run then.
    pub(in crate::output) fn crashed() -> bool {
        STATE.with(|s| s.borrow().crashed)
    }

    /// Whether the plan asks for the two-rename swap.
    pub(in crate::output) fn exchange_disabled() -> bool {
        STATE.with(|s| s.borrow().plan.is_some_and(|p| p.no_exchange))
    }
}
