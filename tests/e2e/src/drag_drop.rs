//! A real drag and drop of a file onto the window: a GTK drag source under Xvfb moved by xdotool,
//! as a file manager would do it.

use super::*;

impl App {
    /// Drops a real file on the drop zone with this test id: a GTK drag source window
    /// (`drag_source.py`) offers the file as `text/uri-list`, and xdotool moves the real pointer
    /// from it onto the zone, waits for the app to report the zone as hovered
    /// (`data-drop-over="true"`), and releases the button.
    pub async fn drop_file(&self, file: &Path, zone_testid: &str) {
        let zone = self.find(zone_testid).await;
        zone.scroll_into_view().await.ok();
        let r = zone.rect().await.expect("drop zone rect");
        let win = self.driver.get_window_rect().await.expect("window rect");
        let dpr = self.js("return window.devicePixelRatio || 1", vec![]).await.as_f64().unwrap_or(1.0);
        let target = (win.x + ((r.x + r.width / 2.0) * dpr) as i64, win.y + ((r.y + r.height / 2.0) * dpr) as i64);

        // The drag source sits in the bottom-left corner, away from the drop zones.
        let script = repo_root().join("tests/e2e/drag_source.py");
        let mut source = tokio::process::Command::new(system_python())
            .arg(&script)
            .arg(file)
            .args(["10", &(self.tools.screen.1 - 130).to_string()])
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .kill_on_drop(true)
            .spawn()
            .expect("start drag_source.py");
        let mut lines = BufReader::new(source.stdout.take().expect("stdout")).lines();
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<String>();
        tokio::spawn(async move {
            while let Ok(Some(l)) = lines.next_line().await {
                if tx.send(l).is_err() {
                    break;
                }
            }
        });
        let mut heard: Vec<String> = Vec::new();
        let mut hear = |rx: &mut tokio::sync::mpsc::UnboundedReceiver<String>| {
            while let Ok(l) = rx.try_recv() {
                heard.push(l);
            }
            heard.clone()
        };

        let ready = wait_until("the drag source window", Duration::from_secs(15), async || {
            hear(&mut rx).into_iter().find(|l| l.starts_with("READY "))
        })
        .await;
        let n: Vec<i64> = ready.split_whitespace().skip(1).filter_map(|v| v.parse().ok()).collect();
        let (sx, sy) = (n[0] + n[2] / 2, n[1] + n[3] / 2);

        xdotool(&["mousemove", &sx.to_string(), &sy.to_string()]);
        xdotool(&["mousedown", "1"]);
        // Whatever happens next, the button goes up again: a later drag needs it.
        let button = ButtonDown;
        // Past GTK's drag threshold, a few pixels at a time, until the drag begins.
        let mut step = 0;
        wait_until("the drag to begin", Duration::from_secs(10), async || {
            step += 4;
            xdotool(&["mousemove", &(sx + step).to_string(), &(sy - step).to_string()]);
            hear(&mut rx).iter().any(|l| l == "BEGIN").then_some(())
        })
        .await;
        // Across the screen to the zone, then wiggle over it until the app says it is hovered.
        let (fx, fy) = (sx + step, sy - step);
        for i in 1..=8 {
            let x = fx + (target.0 - fx) * i / 8;
            let y = fy + (target.1 - fy) * i / 8;
            xdotool(&["mousemove", &x.to_string(), &y.to_string()]);
        }
        let mut wiggle = 0;
        let over_css = format!("{}[data-drop-over=\"true\"]", Self::sel(zone_testid));
        wait_until(
            &format!("[{zone_testid}] to be hovered by the dragged file (pointer at {target:?})"),
            Duration::from_secs(10),
            async || {
                wiggle = 1 - wiggle;
                xdotool(&["mousemove", &(target.0 + wiggle).to_string(), &target.1.to_string()]);
                (!self.all_css(&over_css).await.is_empty()).then_some(())
            },
        )
        .await;
        drop(button);
        let said = wait_until("the drop to finish", Duration::from_secs(15), async || {
            let h = hear(&mut rx);
            h.iter().any(|l| l == "END").then_some(h)
        })
        .await;
        assert!(said.iter().any(|l| l == "DATA"), "the app took the file's URI from the drag source: {said:?}");
        assert!(!said.iter().any(|l| l.starts_with("FAILED")), "the drop was refused: {said:?}");
        let _ = tokio::time::timeout(Duration::from_secs(5), source.wait()).await;
        // Park the pointer where it hovers nothing of interest.
        xdotool(&["mousemove", "5", "5"]);
    }
}

/// Releases the first mouse button when dropped.
pub(crate) struct ButtonDown;

impl Drop for ButtonDown {
    fn drop(&mut self) {
        let _ = Command::new("xdotool").args(["mouseup", "1"]).status();
    }
}

pub(crate) fn xdotool(args: &[&str]) {
    let status = Command::new("xdotool").args(args).status().expect("xdotool");
    assert!(status.success(), "xdotool {args:?} failed");
}
