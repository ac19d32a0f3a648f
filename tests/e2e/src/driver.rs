//! tauri-driver (and through it WebKitWebDriver and the app): started, and stopped with every
//! process it started.

use super::*;

pub(crate) struct DriverProcess {
    pub(crate) child: std::process::Child,
    /// WebKitWebDriver and the app (with WebKit's processes), started by tauri-driver.
    pub(crate) descendants: Vec<u32>,
}

/// The process ids under `pid`, from /proc (children of every thread), deepest last.
pub(crate) fn descendants(pid: u32) -> Vec<u32> {
    let mut out = Vec::new();
    let mut queue = vec![pid];
    while let Some(p) = queue.pop() {
        for task in std::fs::read_dir(format!("/proc/{p}/task")).into_iter().flatten().flatten() {
            let children = std::fs::read_to_string(task.path().join("children")).unwrap_or_default();
            for c in children.split_whitespace().filter_map(|c| c.parse::<u32>().ok()) {
                if !out.contains(&c) {
                    out.push(c);
                    queue.push(c);
                }
            }
        }
    }
    out
}

/// Whether a process is still running (a zombie waiting for its parent counts as gone).
pub(crate) fn alive(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .is_ok_and(|stat| stat.rsplit_once(") ").is_some_and(|(_, rest)| !rest.starts_with('Z')))
}

impl DriverProcess {
    /// Notes the processes tauri-driver started, to wait for them when it stops.
    pub(crate) fn note_descendants(&mut self) {
        for p in descendants(self.child.id()) {
            if !self.descendants.contains(&p) {
                self.descendants.push(p);
            }
        }
    }

    /// SIGTERM (SIGKILL would leave WebKitWebDriver and the app behind), then waits for it and
    /// for what it started: the next test's app must not find this one still running.
    pub(crate) fn stop(&mut self) {
        self.note_descendants();
        if !matches!(self.child.try_wait(), Ok(Some(_))) {
            let _ = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status();
        }
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let driver_done = matches!(self.child.try_wait(), Ok(Some(_)));
            let left: Vec<u32> = self.descendants.iter().copied().filter(|p| alive(*p)).collect();
            if driver_done && left.is_empty() {
                return;
            }
            if Instant::now() >= deadline {
                eprintln!(
                    "e2e: still running 10 s after SIGTERM: tauri-driver {} and {left:?}; terminating them",
                    !driver_done
                );
                for p in left {
                    let _ = Command::new("kill").args(["-TERM", &p.to_string()]).status();
                }
                if !driver_done {
                    let _ = self.child.kill();
                    let _ = self.child.wait();
                }
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for DriverProcess {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Two free ports for tauri-driver (its own and WebKitWebDriver's), from the kernel's ephemeral
/// range: tests of one binary start apps in parallel, and fixed ports (4444/4445, checked free
/// then bound) were taken by one test between another's check and its bind. Both listeners are
/// held until both ports are known, so the two differ.
pub fn two_free_ports() -> (u16, u16) {
    let bind = || std::net::TcpListener::bind(("127.0.0.1", 0)).expect("a free port");
    let (a, b) = (bind(), bind());
    let port = |l: &std::net::TcpListener| l.local_addr().expect("its address").port();
    (port(&a), port(&b))
}
