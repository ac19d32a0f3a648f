//! The progress of a job on a terminal: one line on stderr, drawn by indicatif at most ten times
//! a second and left in place when the job ends. Off with --json or when stderr is not a terminal
//! (logs get no carriage returns); never on stdout.
//!
//! `[############------------] 5/10 steps · 1 failed · 400/1000 items · ETA 1m05s`: the bar and
//! `done/total` are indicatif's, from the steps settled (done or failed); the rest comes from the
//! job's [`Progress`], whose ETA knows the rate limit (indicatif's own estimate would not).

use std::{
    fmt::Write as _,
    io::IsTerminal,
    sync::{Arc, Mutex},
    time::Duration,
};

use indicatif::{ProgressDrawTarget, ProgressState, ProgressStyle};
use jobs::Progress;

const TEMPLATE: &str = "[{bar:24}] {pos}/{len} steps{details}";

pub struct ProgressBar {
    drawn: Option<Drawn>,
}

/// The indicatif bar, and the end of its line for the latest [`Progress`] (read as it draws).
struct Drawn {
    bar: indicatif::ProgressBar,
    details: Arc<Mutex<String>>,
}

impl ProgressBar {
    pub fn new(quiet: bool) -> Self {
        let on = !quiet && std::io::stderr().is_terminal();
        ProgressBar { drawn: on.then(|| Drawn::on(ProgressDrawTarget::stderr_with_hz(10))) }
    }

    pub fn draw(&self, p: &Progress) {
        if let Some(drawn) = &self.drawn {
            drawn.show(p);
            if p.finished {
                // indicatif pads the line to the terminal's width, so that what follows starts on
                // the next line; where the width is not known (80 assumed) it would not.
                eprintln!();
            }
        }
    }
}

impl Drawn {
    fn on(target: ProgressDrawTarget) -> Self {
        let details = Arc::new(Mutex::new(String::new()));
        let shown = details.clone();
        let style = ProgressStyle::with_template(TEMPLATE)
            .expect("the template is valid")
            .progress_chars("#-")
            .with_key("details", move |_: &ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = w.write_str(&shown.lock().unwrap_or_else(|e| e.into_inner()));
            });
        Drawn { bar: indicatif::ProgressBar::with_draw_target(Some(0), target).with_style(style), details }
    }

    /// One draw for each [`Progress`] (skipped if the last was under 100 ms ago, as indicatif
    /// limits); the last one always, left on the terminal with the position it has (a job stopped
    /// part way does not show a full bar).
    fn show(&self, p: &Progress) {
        *self.details.lock().unwrap_or_else(|e| e.into_inner()) = details(p);
        self.bar.update(|state| {
            state.set_len(p.total as u64);
            state.set_pos((p.done + p.failed) as u64);
        });
        if p.finished {
            self.bar.abandon();
        }
    }
}

/// ` · 1 failed · 400/1000 items · ETA 1m05s`, each part only when it says something.
fn details(p: &Progress) -> String {
    let mut s = String::new();
    if p.failed > 0 {
        let _ = write!(s, " · {} failed", p.failed);
    }
    if p.items_total != p.total {
        let _ = write!(s, " · {}/{} items", p.items_done, p.items_total);
    }
    if let Some(eta) = p.eta.filter(|_| !p.finished) {
        let _ = write!(s, " · ETA {}", duration(eta));
    }
    s
}

fn duration(d: Duration) -> String {
    let s = d.as_secs();
    match s {
        0..60 => format!("{s}s"),
        60..3600 => format!("{}m{:02}s", s / 60, s % 60),
        _ => format!("{}h{:02}m", s / 3600, s % 3600 / 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A terminal 100 columns wide that keeps what is written to it.
    #[derive(Debug, Default, Clone)]
    struct Screen(Arc<Mutex<String>>);

    impl indicatif::TermLike for Screen {
        fn width(&self) -> u16 {
            100
        }
        fn move_cursor_up(&self, _: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn move_cursor_down(&self, _: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn move_cursor_right(&self, _: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn move_cursor_left(&self, _: usize) -> std::io::Result<()> {
            Ok(())
        }
        fn write_line(&self, s: &str) -> std::io::Result<()> {
            self.write_str(&format!("{s}\n"))
        }
        fn write_str(&self, s: &str) -> std::io::Result<()> {
            self.0.lock().unwrap().push_str(s);
            Ok(())
        }
        /// A new line on the screen: each draw is one line of `lines()`.
        fn clear_line(&self) -> std::io::Result<()> {
            self.write_str("\n")
        }
        fn flush(&self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl Screen {
        fn lines(&self) -> Vec<String> {
            let text = self.0.lock().unwrap().clone();
            text.lines().map(|l| l.trim_end().to_owned()).filter(|l| !l.is_empty()).collect()
        }
    }

    fn progress(done: usize, failed: usize, finished: bool) -> Progress {
        Progress {
            job_id: "j".into(),
            total: 10,
            done,
            failed,
            items_total: 1000,
            items_done: done * 100,
            items_failed: failed * 100,
            current: None,
            elapsed: Duration::from_secs(3),
            eta: Some(Duration::from_secs(65)),
            finished,
        }
    }

    #[test]
    fn the_line_says_where_the_job_is() {
        let screen = Screen::default();
        let drawn = Drawn::on(ProgressDrawTarget::term_like(Box::new(screen.clone())));
        drawn.show(&progress(4, 1, false));
        assert_eq!(
            screen.lines().last().unwrap(),
            "[############------------] 5/10 steps · 1 failed · 400/1000 items · ETA 1m05s"
        );
    }

    #[test]
    fn the_last_line_stays_without_eta_and_with_the_steps_settled() {
        let screen = Screen::default();
        let drawn = Drawn::on(ProgressDrawTarget::term_like(Box::new(screen.clone())));
        drawn.show(&progress(1, 0, false));
        drawn.show(&progress(6, 0, true));
        assert_eq!(screen.lines().last().unwrap(), "[##############----------] 6/10 steps · 600/1000 items");
        assert!(drawn.bar.is_finished());
    }

    #[test]
    fn steps_covering_one_item_each_show_no_item_count() {
        let p = Progress {
            items_total: 10,
            items_done: 10,
            eta: Some(Duration::from_secs(3725)),
            ..progress(10, 0, false)
        };
        assert_eq!(details(&p), " · ETA 1h02m");
        assert_eq!(details(&Progress { finished: true, ..p }), "");
    }

    #[test]
    fn durations() {
        assert_eq!(duration(Duration::from_secs(0)), "0s");
        assert_eq!(duration(Duration::from_secs(59)), "59s");
        assert_eq!(duration(Duration::from_secs(65)), "1m05s");
        assert_eq!(duration(Duration::from_secs(7260)), "2h01m");
    }
}
