//! The progress of a job on a terminal: one line on stderr, redrawn in place at most ten times
//! a second. Off with --json or when stderr is not a terminal (logs get no carriage returns).

use std::{
    io::{IsTerminal, Write},
    sync::Mutex,
    time::{Duration, Instant},
};

use jobs::Progress;

pub struct ProgressBar {
    on: bool,
    last: Mutex<Option<Instant>>,
}

impl ProgressBar {
    pub fn new(quiet: bool) -> Self {
        ProgressBar { on: !quiet && std::io::stderr().is_terminal(), last: Mutex::new(None) }
    }

    pub fn draw(&self, p: &Progress) {
        if !self.on {
            return;
        }
        let mut last = self.last.lock().unwrap_or_else(|e| e.into_inner());
        if !p.finished && last.is_some_and(|t| t.elapsed() < Duration::from_millis(100)) {
            return;
        }
        *last = Some(Instant::now());
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[2K{}", line(p));
        if p.finished {
            let _ = writeln!(err);
        }
        let _ = err.flush();
    }
}

/// `[#########-----------]  45/100 steps · 2 failed · 4,500/10,000 items · ETA 1m05s`
pub fn line(p: &Progress) -> String {
    const WIDTH: usize = 24;
    let settled = p.done + p.failed;
    let filled = (settled * WIDTH).checked_div(p.total).unwrap_or(WIDTH);
    let mut s = format!("[{}{}] {settled}/{} steps", "#".repeat(filled), "-".repeat(WIDTH - filled), p.total);
    if p.failed > 0 {
        s.push_str(&format!(" · {} failed", p.failed));
    }
    if p.items_total != p.total {
        s.push_str(&format!(" · {}/{} items", p.items_done, p.items_total));
    }
    if let Some(eta) = p.eta.filter(|_| !p.finished) {
        s.push_str(&format!(" · ETA {}", duration(eta)));
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

    #[test]
    fn the_line_says_where_the_job_is() {
        let p = Progress {
            job_id: "j".into(),
            total: 10,
            done: 4,
            failed: 1,
            items_total: 1000,
            items_done: 400,
            items_failed: 0,
            current: None,
            elapsed: Duration::from_secs(3),
            eta: Some(Duration::from_secs(65)),
            finished: false,
        };
        assert_eq!(line(&p), "[############------------] 5/10 steps · 1 failed · 400/1000 items · ETA 1m05s");
    }
}
